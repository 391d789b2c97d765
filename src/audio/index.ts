// Audio stage: joins every segment's PCM with its pauses and encodes each requested
// format once, all formats in parallel, each under a temporary name until complete.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookMeta, Segment, SegmentSpeech, SpokenBook, Timeline, TimedChapter } from '../types.js';
import { produceFileAtomic } from '../util/atomic-file.js';
import { encodeAudio, escapeMetadata, type AudioFormat } from './ffmpeg.js';
import { planTimeline, type PlacedSegment } from './timeline.js';
import { resampleLinear } from './resample.js';

export type { AudioFormat } from './ffmpeg.js';
export { assertFfmpegInstalled, checkFfmpeg } from './ffmpeg.js';

export interface AudioOptions {
  outDir: string;
  formats: AudioFormat[];
  coverPath?: string;
  bitrate: number;
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
const SILENCE_CHUNK = 8192;

export async function writeAudioBook(book: SpokenBook, segments: Segment[], speeches: SegmentSpeech[], options: AudioOptions): Promise<AudioBook> {
  const sampleRate = Math.max(...speeches.map((s) => s.sampleRate));
  const { timeline, placed } = planTimeline(book, segments, speeches, sampleRate);
  const pcm = () => pcmChunks(placed, sampleRate);
  const work = await mkdtemp(join(tmpdir(), 'narrate-'));
  try {
    const metadataPath = join(work, 'metadata.txt');
    await writeFile(metadataPath, ffMetadata(book.meta, timeline.chapters));
    await Promise.all(
      options.formats.map((format) =>
        produceFileAtomic(join(options.outDir, AUDIO_FILE_NAMES[format]), (outPath) =>
          encodeAudio({ pcm, sampleRate, format, metadataPath, coverPath: options.coverPath, outPath, bitrate: options.bitrate }),
        ),
      ),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const chapterPcm = (index: number) => pcmChunks(placed.filter((p) => p.segment.chapterIndex === index), sampleRate);
  return { timeline, files: options.formats.map((f) => AUDIO_FILE_NAMES[f]), pcm, chapterPcm };
}

function* pcmChunks(placed: PlacedSegment[], sampleRate: number): Generator<Int16Array> {
  const silence = new Int16Array(SILENCE_CHUNK);
  for (const p of placed) {
    const audio = resampleLinear(p.speech.pcm, p.speech.sampleRate, sampleRate);
    yield audio.length === p.samples ? audio : fitLength(audio, p.samples);
    for (let left = p.pauseSamples; left > 0; left -= SILENCE_CHUNK) yield left >= SILENCE_CHUNK ? silence : silence.subarray(0, left);
  }
}

function fitLength(audio: Int16Array, samples: number): Int16Array {
  if (audio.length > samples) return audio.subarray(0, samples);
  const out = new Int16Array(samples);
  out.set(audio);
  return out;
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
