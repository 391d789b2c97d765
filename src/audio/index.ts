// Audio stage: joins every segment's PCM with its pauses and encodes each requested
// format exactly once, all formats in parallel, while speech is still arriving.
// When the last segment is in, the timeline is known and the encoded audio is
// copied (not re-encoded) into its final file with tags and chapters.
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BookMeta, Segment, SegmentSpeech, SpokenBook, Timeline, TimedChapter } from '../types.js';
import { makeWorkDir, produceFileAtomic, removeWorkDir } from '../util/atomic-file.js';
import { encodeAudio, escapeMetadata, tagAudio, type AudioFormat } from './ffmpeg.js';
import { planTimeline, type PlacedSegment } from './timeline.js';
import { resampleLinear } from './resample.js';

export type { AudioFormat } from './ffmpeg.js';
export { checkFfmpeg } from './ffmpeg.js';

export interface AudioOptions {
  outDir: string;
  formats: AudioFormat[];
  /** Files already written by an earlier run with the same inputs: timed, not encoded again. */
  reuse?: boolean;
  coverPath?: string;
  bitrate: number;
  /** Told as each audio file is finished. */
  onFileWritten?: (format: AudioFormat) => void;
  /** Aborting kills every ffmpeg this stage runs; it settles once they have exited. */
  signal?: AbortSignal;
}

export interface AudioBook {
  timeline: Timeline;
  /** File names written, relative to outDir. */
  files: string[];
  /** The book's samples at timeline.sampleRate, chunk by chunk. */
  pcm: () => Iterable<Int16Array>;
  /** One chapter's samples (its title, text and trailing pause), for per-chapter episodes. */
  chapterPcm: (chapterIndex: number) => Iterable<Int16Array>;
}

export const AUDIO_FILE_NAMES: Record<AudioFormat, string> = { m4b: 'book.m4b', mp3: 'book.mp3' };
const SILENCE = new Int16Array(8192);

/** `speeches` yields each segment's speech in segment order, as soon as it is ready. */
export async function writeAudioBook(book: SpokenBook, segments: Segment[], speeches: AsyncIterable<SegmentSpeech>, options: AudioOptions): Promise<AudioBook> {
  const work = await makeWorkDir('narrate-');
  try {
    const encoded = options.reuse ? [] : options.formats;
    const { collected, sampleRate } = await encodeWhileSpeaking(segments, speeches, encoded, work, options.bitrate, options.signal);
    const { timeline, placed } = planTimeline(book, segments, collected, sampleRate);
    const metadataPath = join(work, 'metadata.txt');
    await writeFile(metadataPath, ffMetadata(book.meta, timeline.chapters));
    await allSettledOrThrow(
      encoded.map((format) =>
        produceFileAtomic(join(options.outDir, AUDIO_FILE_NAMES[format]), (outPath) =>
          tagAudio({ inPath: encodedPath(work, format), format, metadataPath, coverPath: options.coverPath, outPath, signal: options.signal }),
        ).then(() => options.onFileWritten?.(format)),
      ),
    );
    const chapterPcm = (index: number) => pcmChunks(placed.filter((p) => p.segment.chapterIndex === index), sampleRate);
    return { timeline, files: options.formats.map((f) => AUDIO_FILE_NAMES[f]), pcm: () => pcmChunks(placed, sampleRate), chapterPcm };
  } finally {
    await removeWorkDir(work);
  }
}

function encodedPath(work: string, format: AudioFormat): string {
  return join(work, `encoded.${format}`);
}

/** Waits for every job (no ffmpeg is left running), then fails with the first failure. */
async function allSettledOrThrow(jobs: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(jobs)).find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

async function encodeWhileSpeaking(segments: Segment[], speeches: AsyncIterable<SegmentSpeech>, formats: AudioFormat[], work: string, bitrate: number, signal?: AbortSignal) {
  const collected: SegmentSpeech[] = [];
  let sampleRate = 0;
  let sinks: PassThrough[] = [];
  let encodes: Promise<void>[] = [];
  // Rejects as soon as any encoder fails, so writing never waits on a dead ffmpeg.
  let encoderFailed: Promise<never> = new Promise(() => {});
  try {
    for await (const speech of speeches) {
      if (collected.length === 0) {
        // The first segment fixes the book's sample rate; any other rate is resampled to it.
        sampleRate = speech.sampleRate;
        sinks = formats.map(() => new PassThrough({ highWaterMark: 1 << 20 }));
        encodes = formats.map((format, i) => encodeAudio({ pcm: sinks[i]!, sampleRate, format, outPath: encodedPath(work, format), bitrate, signal }));
        encoderFailed = new Promise<never>((_, reject) => encodes.forEach((e) => e.catch(reject)));
        encoderFailed.catch(() => {}); // settled below; never unhandled meanwhile
      }
      const segment = segments[collected.length]!;
      collected.push(speech);
      const write = async () => {
        await writeToAll(sinks, resampleLinear(speech.pcm, speech.sampleRate, sampleRate));
        await writeSilence(sinks, Math.round((segment.pauseAfterMs * sampleRate) / 1000));
      };
      await Promise.race([write(), encoderFailed]);
    }
    sinks.forEach((s) => s.end());
  } catch (e) {
    // Ending the input lets ffmpeg exit; its half-made file is in `work`, which is removed.
    sinks.forEach((s) => s.end());
    await Promise.allSettled(encodes);
    throw e;
  }
  const settled = await Promise.allSettled(encodes);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return { collected, sampleRate };
}

async function writeToAll(sinks: PassThrough[], pcm: Int16Array): Promise<void> {
  if (pcm.length === 0) return;
  const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  await Promise.all(sinks.map(async (sink) => (sink.write(bytes) ? undefined : await once(sink, 'drain'))));
}

async function writeSilence(sinks: PassThrough[], samples: number): Promise<void> {
  for (const chunk of silence(samples)) await writeToAll(sinks, chunk);
}

/** That many samples of silence, in chunks of one shared zero buffer. */
function* silence(samples: number): Generator<Int16Array> {
  for (let left = samples; left > 0; left -= SILENCE.length) yield left >= SILENCE.length ? SILENCE : SILENCE.subarray(0, left);
}

function* pcmChunks(placed: PlacedSegment[], sampleRate: number): Generator<Int16Array> {
  for (const p of placed) {
    yield resampleLinear(p.speech.pcm, p.speech.sampleRate, sampleRate);
    yield* silence(p.pauseSamples);
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
