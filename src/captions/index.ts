// The captions stage: from the final audio timeline and the spoken book to
// captions.vtt, chapters.vtt, transcript.html, transcript.txt and, on request,
// captions.srt. Every file is built and checked in memory before any is written,
// so a failure never leaves a partial caption set behind.
import { join } from 'node:path';
import { NarrateError } from '../errors.js';
import type { BookDocument, Timeline } from '../types.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { buildCues } from './cues.js';
import { captionsSrt, captionsVtt, chaptersVtt } from './formats.js';
import { transcriptHtml, transcriptText } from './transcript.js';
import { checkVtt, type VttMode } from './vtt-check.js';

export { buildCues, cueText, type CaptionCue } from './cues.js';
export { DEFAULT_LIMITS, type CaptionLimits } from './limits.js';

export interface CaptionOptions {
  /** Voice name (voices.json) → the name shown in <v> spans when several voices speak. */
  voiceLabels: ReadonlyMap<string, string>;
  srt: boolean;
  /** The audio file the transcript plays and links to, e.g. "book.mp3". */
  audioFileName: string;
}

export interface CaptionFile {
  name: string;
  content: string;
}

export function buildCaptionFiles(timeline: Timeline, book: BookDocument, options: CaptionOptions): CaptionFile[] {
  try {
    const cues = buildCues(timeline, book.meta.language);
    const voices = new Set(timeline.tokens.filter((t) => t.written !== '').map((t) => t.voice));
    const labels = voices.size > 1 ? options.voiceLabels : undefined;
    const captions = captionsVtt(cues, labels);
    const chapters = chaptersVtt(timeline.chapters, timeline.durationMs);
    assertValidVtt('captions.vtt', captions, 'captions', cues.length);
    assertValidVtt('chapters.vtt', chapters, 'chapters', timeline.chapters.length);
    const files: CaptionFile[] = [
      { name: 'captions.vtt', content: captions },
      { name: 'chapters.vtt', content: chapters },
      { name: 'transcript.html', content: transcriptHtml(book, timeline.chapters, { audioFileName: options.audioFileName }) },
      { name: 'transcript.txt', content: transcriptText(book, timeline.chapters) },
    ];
    if (options.srt) files.push({ name: 'captions.srt', content: captionsSrt(cues) });
    return files;
  } catch (error) {
    if (error instanceof NarrateError) throw error;
    throw captionError(error instanceof Error ? error.message : String(error), error);
  }
}

export async function writeCaptionFiles(outDir: string, files: readonly CaptionFile[]): Promise<string[]> {
  for (const file of files) await writeFileAtomic(join(outDir, file.name), file.content);
  return files.map((f) => f.name);
}

/** Builds, checks and writes; returns the names written. */
export async function writeCaptions(outDir: string, timeline: Timeline, book: BookDocument, options: CaptionOptions): Promise<string[]> {
  return writeCaptionFiles(outDir, buildCaptionFiles(timeline, book, options));
}

function assertValidVtt(name: string, text: string, mode: VttMode, expectedCues: number): void {
  const parsed = checkVtt(text, mode);
  const first = parsed.errors[0];
  if (first) throw captionError(`${name} would be invalid WebVTT (line ${first.line}: ${first.message}); please report this with the script that caused it`);
  if (parsed.cueCount !== expectedCues) throw captionError(`${name} would hold ${parsed.cueCount} cues instead of ${expectedCues}; please report this with the script that caused it`);
}

function captionError(detail: string, cause?: unknown): NarrateError {
  const error = new NarrateError(`could not build captions: ${detail}`);
  if (cause !== undefined) error.cause = cause;
  return error;
}
