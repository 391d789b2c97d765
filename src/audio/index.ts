// Audio stage: each chapter is encoded on its own, once per format, while speech is
// still arriving, and kept in the chapter store; the book files are then joined from
// the encoded chapters' frames without re-encoding, behind the tags, chapters and cover
// ffmpeg writes (m4b-join.ts, mp3-join.ts).
// PCM streams through: at most a few segments of it are in memory at any time.
// A rerun encodes only the chapters whose inputs changed and asks the speech stage
// only for their segments (see planChapters).
import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BookDocument, BookMeta, Segment, SegmentSpeech, Timeline, TimedChapter } from '../types.js';
import { makeWorkDir, produceFileAtomic, removeWorkDir } from '../util/atomic-file.js';
import { ChapterStore, chapterKey, slotOf, type ChapterRecord } from './chapter-store.js';
import { encodeChapters, type AfterFed } from './encode-chapters.js';
import { escapeMetadata, tagChapter, type AudioFormat } from './ffmpeg.js';
import { joinM4bChapters } from './m4b-join.js';
import { joinMp3Chapters } from './mp3-join.js';
import { planTimeline } from './timeline.js';

export type { AudioFormat } from './ffmpeg.js';
export { checkFfmpeg, startFfmpegCheck } from './ffmpeg.js';

export const AUDIO_FILE_NAMES: Record<AudioFormat, string> = { m4b: 'book.m4b', mp3: 'book.mp3' };

export interface ChapterPlanOptions {
  /** Where encoded chapters are kept between runs; without one they live in a temporary folder for this run. */
  chapterDir?: string;
  /** Formats encoded for every chapter: the book's, and any other a later stage asks for (mp3 for chapter episodes). */
  formats: AudioFormat[];
  bitrate: number;
  /** Speech cache key of each segment, in order. */
  speechKeys: string[];
  /** What decides the book's sample rate (see ChapterKeyParts.rateKey). */
  rateKey: string;
}

export interface AudioPlan {
  /** The chapter store's folder; without one, writeAudioBook makes a temporary one, removed by AudioBook.close. */
  chapterDir?: string;
  formats: AudioFormat[];
  /** `cached` is handed over to (and cleared by) writeAudioBook. */
  chapters: Array<{ chapterIndex: number; key: string; segmentIndexes: number[]; cached?: ChapterRecord }>;
  /** Per segment: whether the audio stage needs its speech (its chapter must be encoded). */
  needsSpeech: boolean[];
}

export interface AudioOptions {
  outDir: string;
  /** The book's files. */
  formats: AudioFormat[];
  /** Files already written by an earlier run with the same inputs: timed, not joined again. */
  reuse?: boolean;
  coverPath?: string;
  /** Told as each book file is finished. */
  onFileWritten?: (format: AudioFormat) => void;
  signal?: AbortSignal;
}

export interface ChapterFileJob {
  chapterIndex: number;
  format: AudioFormat;
  outPath: string;
  /** Tags (title, album, track, …) written into the file. */
  tags: Record<string, string>;
  coverPath?: string;
  signal?: AbortSignal;
}

export interface AudioBook {
  timeline: Timeline;
  /** File names written, relative to outDir. */
  files: string[];
  /** Book chapter indexes encoded by this run; the others came from the chapter store. */
  encodedChapters: number[];
  /** Wall time of joining the book files from the encoded chapters, ms (0 when they were kept). */
  joinMs: number;
  /** Writes one chapter, already encoded, as a file of its own (a stream copy with its own tags). */
  writeChapterFile: (job: ChapterFileJob) => Promise<void>;
  /** Removes this run's temporary chapter folder now (without a cache), rather than at process exit. */
  close: () => Promise<void>;
}

/** Which chapters are encoded already, and so which segments need speech at all. */
export async function planChapters(segments: Segment[], options: ChapterPlanOptions): Promise<AudioPlan> {
  // Reads only: a dry run, or a run refused before anything is spent, writes nothing.
  const store = options.chapterDir === undefined ? undefined : new ChapterStore(options.chapterDir);
  const byChapter = new Map<number, number[]>();
  segments.forEach((s, i) => byChapter.set(s.chapterIndex, [...(byChapter.get(s.chapterIndex) ?? []), i]));
  const formats = [...new Set(options.formats)];
  const chapters = await Promise.all(
    [...byChapter].map(async ([chapterIndex, segmentIndexes]) => {
      const key = chapterKey({
        speechKeys: segmentIndexes.map((i) => options.speechKeys[i]!),
        pausesMs: segmentIndexes.map((i) => segments[i]!.pauseAfterMs),
        rateKey: options.rateKey,
        bitrate: options.bitrate,
      });
      const cached = await store?.read(key, formats);
      return { chapterIndex, key, segmentIndexes, cached };
    }),
  );
  const needsSpeech = segments.map(() => false);
  for (const c of chapters) if (!c.cached) for (const i of c.segmentIndexes) needsSpeech[i] = true;
  return { chapterDir: options.chapterDir, formats, chapters, needsSpeech };
}

/**
 * `speeches` yields, in segment order, the speech of exactly the segments `plan.needsSpeech` marks,
 * as soon as each is ready.
 */
export async function writeAudioBook(
  book: BookDocument,
  segments: Segment[],
  plan: AudioPlan,
  speeches: AsyncIterable<SegmentSpeech>,
  bitrate: number,
  options: AudioOptions,
): Promise<AudioBook> {
  const store = new ChapterStore(plan.chapterDir ?? (await temporaryChapterDir()));
  const temporary = plan.chapterDir === undefined;
  const close = () => (temporary ? removeWorkDir(store.dir) : Promise.resolve());
  const encodedChapters = plan.chapters.filter((c) => !c.cached).map((c) => c.chapterIndex);
  const work = await makeWorkDir('narrate-');
  try {
    let timeline: Timeline | undefined;
    let lastEncoded = 0;
    // Each book file is joined as soon as its format's chapters are encoded (MP3 is done well before AAC).
    const joinBook: AfterFed = async (records, encoded) => {
      const sampleRate = records[0]!.sampleRate;
      timeline = planTimeline(book, segments, records.flatMap((r) => r.segments), sampleRate);
      if (options.reuse) return;
      const metadataPath = join(work, 'metadata.txt');
      await writeFile(metadataPath, ffMetadata(book.meta, timeline.chapters));
      await allSettledOrThrow(
        options.formats.map(async (format) => {
          await encoded(format);
          lastEncoded = Math.max(lastEncoded, performance.now());
          const joinFormat = format === 'mp3' ? joinMp3Chapters : joinM4bChapters;
          await produceFileAtomic(join(options.outDir, AUDIO_FILE_NAMES[format]), async (outPath) => {
            await joinFormat({
              chapters: plan.chapters.map((c, i) => ({ path: store.audioPath(c.key, format), slotSamples: slotOf(records[i]!) })),
              sampleRate,
              format,
              listPath: join(work, `chapters-${format}.txt`),
              metadataPath,
              coverPath: options.coverPath,
              outPath,
              signal: options.signal,
            });
          });
          options.onFileWritten?.(format);
        }),
      );
    };
    await encodeChapters(segments, plan, store, speeches, bitrate, options.signal, joinBook);
    // The plan (with every cached chapter's marks) is not kept alive by the AudioBook.
    const keyOf = new Map(plan.chapters.map((c) => [c.chapterIndex, c.key]));
    const formats = plan.formats;
    return {
      timeline: timeline!,
      files: options.formats.map((f) => AUDIO_FILE_NAMES[f]),
      encodedChapters,
      joinMs: lastEncoded === 0 ? 0 : performance.now() - lastEncoded,
      writeChapterFile: (job) => writeChapterFile(formats, store, keyOf.get(job.chapterIndex)!, job),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  } finally {
    await removeWorkDir(work);
  }
}

/** Waits for every job (no ffmpeg is left running), then fails with the first failure. */
async function allSettledOrThrow(jobs: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(jobs)).find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Without a cache, encoded chapters live in a temporary folder until close() or the end of
 * the process, whichever comes first: the feed may ask for them after narrate() returns.
 */
async function temporaryChapterDir(): Promise<string> {
  const dir = await makeWorkDir('narrate-chapters-');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function writeChapterFile(formats: AudioFormat[], store: ChapterStore, key: string, job: ChapterFileJob): Promise<void> {
  if (!formats.includes(job.format)) throw new Error(`chapter ${job.chapterIndex} was not encoded as ${job.format}`);
  const work = await makeWorkDir('narrate-chapter-');
  try {
    const metadataPath = join(work, 'metadata.txt');
    const lines = [';FFMETADATA1', ...Object.entries(job.tags).map(([k, v]) => `${k}=${escapeMetadata(v)}`)];
    await writeFile(metadataPath, lines.join('\n') + '\n');
    await produceFileAtomic(job.outPath, (outPath) =>
      tagChapter({ inPath: store.audioPath(key, job.format), format: job.format, metadataPath, coverPath: job.coverPath, outPath, signal: job.signal }),
    );
  } finally {
    await removeWorkDir(work);
  }
}

export function ffMetadata(meta: BookMeta, chapters: TimedChapter[]): string {
  const lines = [';FFMETADATA1', `title=${escapeMetadata(meta.title)}`, `album=${escapeMetadata(meta.title)}`, 'genre=Audiobook'];
  if (meta.author) lines.push(`artist=${escapeMetadata(meta.author)}`, `album_artist=${escapeMetadata(meta.author)}`);
  if (meta.description) lines.push(`comment=${escapeMetadata(meta.description)}`);
  for (const c of chapters) {
    lines.push('[CHAPTER]', 'TIMEBASE=1/1000', `START=${Math.round(c.startMs)}`, `END=${Math.round(c.endMs)}`, `title=${escapeMetadata(c.title)}`);
  }
  return lines.join('\n') + '\n';
}
