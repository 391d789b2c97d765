// Audio stage: each chapter is encoded on its own, once per format, while speech is
// still arriving, and kept in the chapter store; the book files are then joined from
// the encoded chapters by stream copy, with tags and chapters added in the same pass.
// PCM streams through: at most a few segments of it are in memory at any time.
// A rerun encodes only the chapters whose inputs changed and asks the speech stage
// only for their segments (see planChapters).
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BookMeta, Segment, SegmentSpeech, SpokenBook, Timeline, TimedChapter } from '../types.js';
import { produceFileAtomic } from '../util/atomic-file.js';
import { ChapterStore, chapterKey, slotOf, type ChapterRecord, type PlacedSpeech } from './chapter-store.js';
import { resamplePcm } from './decode.js';
import { encodeChapter, escapeMetadata, joinChapters, tagChapter, type AudioFormat } from './ffmpeg.js';
import { chapterSlot, FED_SHORTFALL } from './frames.js';
import { planTimeline } from './timeline.js';

export type { AudioFormat } from './ffmpeg.js';
export { checkFfmpeg } from './ffmpeg.js';

export const AUDIO_FILE_NAMES: Record<AudioFormat, string> = { m4b: 'book.m4b', mp3: 'book.mp3' };
const SILENCE = new Int16Array(8192);

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
  book: SpokenBook,
  segments: Segment[],
  plan: AudioPlan,
  speeches: AsyncIterable<SegmentSpeech>,
  bitrate: number,
  options: AudioOptions,
): Promise<AudioBook> {
  const store = new ChapterStore(plan.chapterDir ?? (await temporaryChapterDir()));
  const temporary = plan.chapterDir === undefined;
  const close = () => (temporary ? rm(store.dir, { recursive: true, force: true }) : Promise.resolve());
  const encodedChapters = plan.chapters.filter((c) => !c.cached).map((c) => c.chapterIndex);
  const work = await mkdtemp(join(tmpdir(), 'narrate-'));
  try {
    const records = await encodeChapters(segments, plan, store, speeches, bitrate, options.signal);
    const sampleRate = records[0]!.sampleRate;
    const placed = records.flatMap((r) => r.segments);
    const timeline = planTimeline(book, segments, placed, sampleRate);
    const joinStarted = performance.now();
    if (!options.reuse) {
      const metadataPath = join(work, 'metadata.txt');
      await writeFile(metadataPath, ffMetadata(book.meta, timeline.chapters));
      await Promise.all(
        options.formats.map((format) =>
          produceFileAtomic(join(options.outDir, AUDIO_FILE_NAMES[format]), (outPath) =>
            joinChapters({
              chapters: plan.chapters.map((c, i) => ({ path: store.audioPath(c.key, format), slotSamples: slotOf(records[i]!) })),
              sampleRate,
              format,
              listPath: join(work, `chapters-${format}.txt`),
              metadataPath,
              coverPath: options.coverPath,
              outPath,
              signal: options.signal,
            }),
          ).then(() => options.onFileWritten?.(format)),
        ),
      );
    }
    // The plan (with every cached chapter's marks) is not kept alive by the AudioBook.
    const keyOf = new Map(plan.chapters.map((c) => [c.chapterIndex, c.key]));
    const formats = plan.formats;
    return {
      timeline,
      files: options.formats.map((f) => AUDIO_FILE_NAMES[f]),
      encodedChapters,
      joinMs: performance.now() - joinStarted,
      writeChapterFile: (job) => writeChapterFile(formats, store, keyOf.get(job.chapterIndex)!, job),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Without a cache, encoded chapters live in a temporary folder until close() or the end of
 * the process, whichever comes first: the feed may ask for them after narrate() returns.
 */
async function temporaryChapterDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'narrate-chapters-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function writeChapterFile(formats: AudioFormat[], store: ChapterStore, key: string, job: ChapterFileJob): Promise<void> {
  if (!formats.includes(job.format)) throw new Error(`chapter ${job.chapterIndex} was not encoded as ${job.format}`);
  const work = await mkdtemp(join(tmpdir(), 'narrate-chapter-'));
  try {
    const metadataPath = join(work, 'metadata.txt');
    const lines = [';FFMETADATA1', ...Object.entries(job.tags).map(([k, v]) => `${k}=${escapeMetadata(v)}`)];
    await writeFile(metadataPath, lines.join('\n') + '\n');
    await produceFileAtomic(job.outPath, (outPath) =>
      tagChapter({ inPath: store.audioPath(key, job.format), format: job.format, metadataPath, coverPath: job.coverPath, outPath, signal: job.signal }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every chapter's record, in order: read from the store, or encoded now from the speech as it arrives. */
async function encodeChapters(
  segments: Segment[],
  plan: AudioPlan,
  store: ChapterStore,
  speeches: AsyncIterable<SegmentSpeech>,
  bitrate: number,
  signal?: AbortSignal,
): Promise<ChapterRecord[]> {
  // Stops every encoder of this run when the run is interrupted or any chapter fails.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const iterator = speeches[Symbol.asyncIterator]();
  let sampleRate = plan.chapters.find((c) => c.cached)?.cached!.sampleRate ?? 0;
  const finishing: Promise<void>[] = [];
  const records: ChapterRecord[] = [];
  try {
    for (const chapter of plan.chapters) {
      if (chapter.cached) {
        records.push(chapter.cached);
        chapter.cached = undefined; // handed over: the plan does not keep a book's marks alive
        continue;
      }
      const placed: PlacedSpeech[] = [];
      let encoder: ChapterEncoder | undefined;
      let position = 0;
      for (const [n, index] of chapter.segmentIndexes.entries()) {
        const next = await iterator.next();
        if (next.done) throw new Error(`speech ended before segment ${segments[index]!.id}`);
        const speech = next.value;
        // The book's first segment fixes its sample rate; any other rate is resampled to it by ffmpeg.
        sampleRate ||= speech.sampleRate;
        encoder ??= new ChapterEncoder(plan.formats, store, chapter.key, sampleRate, bitrate, stop.signal);
        const pcm = await resamplePcm(speech.pcm, speech.sampleRate, sampleRate, stop.signal);
        await encoder.write(pcm);
        position += pcm.length;
        let pauseSamples = Math.round((segments[index]!.pauseAfterMs * sampleRate) / 1000);
        if (n === chapter.segmentIndexes.length - 1) {
          pauseSamples = chapterSlot(position, pauseSamples) - position;
          encoder.finish(pauseSamples);
        } else {
          await encoder.silence(pauseSamples);
        }
        position += pauseSamples;
        placed.push({ samples: pcm.length, pauseSamples, marks: speech.marks });
      }
      const record = { sampleRate, segments: placed };
      records.push(record);
      // The next chapter starts while this one's encoders flush.
      finishing.push(encoder!.done.then(() => store.commit(chapter.key, record)));
      finishing.at(-1)!.catch(() => stop.abort());
    }
    await Promise.all(finishing);
    return records;
  } catch (e) {
    stop.abort();
    await Promise.allSettled(finishing);
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** One chapter's encoders, one ffmpeg per format, fed the same PCM on stdin. */
class ChapterEncoder {
  private readonly sinks: PassThrough[];
  private readonly formats: AudioFormat[];
  /** Settles when every format is encoded and in the store. */
  readonly done: Promise<void>;
  /** Rejects as soon as any encoder fails, so writing never waits on a dead ffmpeg. */
  private readonly failed: Promise<never>;

  constructor(formats: AudioFormat[], store: ChapterStore, key: string, sampleRate: number, bitrate: number, signal: AbortSignal) {
    this.formats = formats;
    this.sinks = this.formats.map(() => new PassThrough({ highWaterMark: 1 << 20 }));
    const encodes = this.formats.map((format, i) =>
      produceFileAtomic(store.audioPath(key, format), (outPath) => encodeChapter({ pcm: this.sinks[i]!, sampleRate, format, outPath, bitrate, signal })),
    );
    this.failed = new Promise<never>((_, reject) => encodes.forEach((e) => e.catch(reject)));
    this.failed.catch(() => {}); // raced in write(); never unhandled meanwhile
    this.done = Promise.all(encodes).then(() => {});
    this.done.catch(() => {}); // awaited by the caller
  }

  async write(pcm: Int16Array): Promise<void> {
    await Promise.race([writeAll(this.sinks, pcm), this.failed]);
  }

  async silence(samples: number): Promise<void> {
    for (const chunk of silence(samples)) await this.write(chunk);
  }

  /** Ends the chapter: `tailSamples` of silence fill its slot, less what each encoder adds itself. */
  finish(tailSamples: number): void {
    this.formats.forEach((format, i) => {
      const sink = this.sinks[i]!;
      void (async () => {
        for (const chunk of silence(tailSamples - FED_SHORTFALL[format])) if (!sink.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) await once(sink, 'drain');
        sink.end();
      })().catch(() => sink.destroy());
    });
  }
}

async function writeAll(sinks: PassThrough[], pcm: Int16Array): Promise<void> {
  if (pcm.length === 0) return;
  const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  await Promise.all(sinks.map(async (sink) => (sink.write(bytes) ? undefined : await once(sink, 'drain'))));
}

/** That many samples of silence, in chunks of one shared zero buffer. */
function* silence(samples: number): Generator<Int16Array> {
  for (let left = samples; left > 0; left -= SILENCE.length) yield left >= SILENCE.length ? SILENCE : SILENCE.subarray(0, left);
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
