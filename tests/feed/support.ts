// Helpers for the feed tests: a real narration with the mock provider, images made
// by the real ffmpeg, and the captions stage's builder with a record of its calls.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import type { AudioFormat } from '../../src/audio/index.js';
import type { EpisodeCaptionBuilder } from '../../src/feed/index.js';
import { captionsStageBuilder } from '../../src/feed/episode-captions.js';
import type { BookDocument, Timeline } from '../../src/types.js';
import { writeScript } from '../support/book.js';

const run = promisify(execFile);

export const BASE_URL = 'https://example.org/pod/';

export async function narrateMock(dir: string, name: string, text: string, formats: AudioFormat[] = ['mp3']): Promise<NarrateResult> {
  const script = await writeScript(dir, name, text);
  return (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats, cacheDir: join(dir, 'cache') })) as NarrateResult;
}

/** A solid-colour image of the given size; the extension picks the format. */
export async function makeImage(path: string, width: number, height: number): Promise<string> {
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=teal:s=${width}x${height}`, '-frames:v', '1', path]);
  return path;
}

export interface CaptionCall {
  timeline: Timeline;
  book: BookDocument;
  audioFileName: string;
}

/** The captions stage's builder, recording what it is given. */
export function recordingCaptions(calls: CaptionCall[]): EpisodeCaptionBuilder {
  const real = captionsStageBuilder();
  return (timeline, book, audioFileName) => {
    calls.push({ timeline, book, audioFileName });
    return real(timeline, book, audioFileName);
  };
}
