// Helpers for the feed tests: a real narration with the mock provider, images made
// by the real ffmpeg, and a stand-in caption builder until src/captions/ is on main.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import type { AudioFormat } from '../../src/audio/index.js';
import type { EpisodeCaptionBuilder } from '../../src/feed/index.js';
import type { SpokenBook, Timeline } from '../../src/types.js';
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
  book: SpokenBook;
  audioFileName: string;
}

/** Records what it is given and writes one cue per token. */
export function recordingCaptions(calls: CaptionCall[]): EpisodeCaptionBuilder {
  return (timeline, book, audioFileName) => {
    calls.push({ timeline, book, audioFileName });
    const cues = timeline.tokens
      .filter((t) => t.written !== '')
      .map((t) => `${stamp(t.startMs)} --> ${stamp(Math.max(t.endMs, t.startMs + 1))}\n${t.written.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`);
    return { vtt: `WEBVTT\n\n${cues.join('\n\n')}\n`, html: `<!doctype html><title>${book.chapters[0]!.title}</title><audio src="${audioFileName}"></audio>` };
  };
}

function stamp(ms: number): string {
  const total = Math.round(ms);
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${String(total % 1000).padStart(3, '0')}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
