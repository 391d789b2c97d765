// Encoded chapters kept between runs, keyed by the hash of everything that decides
// their samples: the speech of each segment (its cache key), the pauses, the book's
// sample rate and the encoder settings. A rerun encodes only chapters whose key is
// new, and needs no speech at all for the others: the record beside each chapter
// holds what the timeline needs (samples, pauses and marks of every segment).
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechMark } from '../types.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { CHAPTER_EXTENSION, type AudioFormat } from './ffmpeg.js';
import { SLOT_SAMPLES, FED_SHORTFALL } from './frames.js';

/** Bump when encoding or framing changes, so chapters encoded the old way are not joined with new ones. */
const CHAPTER_ENCODING_VERSION = 1;

export interface PlacedSpeech {
  /** Samples of the segment's speech at the book's sample rate. */
  samples: number;
  /** Silence after it; for a chapter's last segment, what fills the chapter's slot. */
  pauseSamples: number;
  marks: SpeechMark[];
}

export interface ChapterRecord {
  sampleRate: number;
  segments: PlacedSpeech[];
}

export interface ChapterKeyParts {
  /** Speech cache key of each of the chapter's segments, in order. */
  speechKeys: string[];
  pausesMs: number[];
  /** Decides the book's sample rate (the provider and voice of the book's first segment). */
  rateKey: string;
  bitrate: number;
}

export function chapterKey(parts: ChapterKeyParts): string {
  const framing = [SLOT_SAMPLES, FED_SHORTFALL];
  return createHash('sha256')
    .update(JSON.stringify([CHAPTER_ENCODING_VERSION, framing, parts.rateKey, parts.bitrate, parts.speechKeys, parts.pausesMs]))
    .digest('hex');
}

export function slotOf(record: ChapterRecord): number {
  return record.segments.reduce((n, s) => n + s.samples + s.pauseSamples, 0);
}

export class ChapterStore {
  constructor(readonly dir: string) {}

  audioPath(key: string, format: AudioFormat): string {
    return join(this.dir, `${key}.${CHAPTER_EXTENSION[format]}`);
  }

  private recordPath(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The chapter's record, when it and its audio in every format are there. */
  async read(key: string, formats: AudioFormat[]): Promise<ChapterRecord | undefined> {
    try {
      const record = JSON.parse(await readFile(this.recordPath(key), 'utf8')) as ChapterRecord;
      await Promise.all(formats.map((f) => access(this.audioPath(key, f))));
      return record;
    } catch {
      return undefined;
    }
  }

  /** Written after the chapter's audio: a chapter counts only once its record exists. */
  async commit(key: string, record: ChapterRecord): Promise<void> {
    await writeFileAtomic(this.recordPath(key), JSON.stringify(record));
  }
}
