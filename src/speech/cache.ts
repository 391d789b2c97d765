// Segment cache: one entry per synthesized segment, keyed by a hash of everything
// that decides its sound. Entries are written atomically, so an interrupted run
// leaves only whole entries and the next run resumes from them.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechAudio, SpeechMark } from '../types.js';
import { writeFileAtomic } from '../util/atomic-file.js';

export interface CacheKeyParts {
  provider: string;
  engineVersion: string;
  voiceSettings: unknown;
  ssml: string;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(JSON.stringify([parts.provider, parts.engineVersion, parts.voiceSettings, parts.ssml])).digest('hex');
}

interface EntryMeta {
  sampleRate: number;
  samples: number;
  marks: SpeechMark[];
}

export class SegmentCache {
  constructor(readonly dir: string | undefined) {}

  private paths(key: string) {
    const folder = join(this.dir!, key.slice(0, 2));
    return { folder, pcm: join(folder, `${key}.pcm`), meta: join(folder, `${key}.json`) };
  }

  async get(key: string): Promise<SpeechAudio | undefined> {
    if (!this.dir) return undefined;
    const p = this.paths(key);
    try {
      const meta = JSON.parse(await readFile(p.meta, 'utf8')) as EntryMeta;
      const bytes = await readFile(p.pcm);
      if (bytes.length !== meta.samples * 2) return undefined;
      const pcm = new Int16Array(bytes.buffer, bytes.byteOffset, meta.samples);
      return { pcm, sampleRate: meta.sampleRate, marks: meta.marks };
    } catch {
      return undefined;
    }
  }

  /**
   * True when get() would return the entry: its record and an audio file of the length
   * the record gives. A record whose audio is gone is not cached: it would be spoken
   * (and billed) again, so the cost estimate must count it.
   */
  async has(key: string): Promise<boolean> {
    if (!this.dir) return false;
    const p = this.paths(key);
    try {
      const meta = JSON.parse(await readFile(p.meta, 'utf8')) as EntryMeta;
      return (await stat(p.pcm)).size === meta.samples * 2;
    } catch {
      return false;
    }
  }

  async put(key: string, audio: SpeechAudio): Promise<void> {
    if (!this.dir) return;
    const p = this.paths(key);
    await mkdir(p.folder, { recursive: true });
    // PCM first: an entry counts only once its metadata exists.
    await writeFileAtomic(p.pcm, new Uint8Array(audio.pcm.buffer, audio.pcm.byteOffset, audio.pcm.byteLength));
    const meta: EntryMeta = { sampleRate: audio.sampleRate, samples: audio.pcm.length, marks: audio.marks };
    await writeFileAtomic(p.meta, JSON.stringify(meta));
  }
}
