// The segment cache counts an entry only when its audio is there to be read back:
// a record whose .pcm is gone would be spoken (and billed) again.
import { readdir, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SegmentCache } from '../../src/speech/cache.js';
import { tempDir } from '../support/book.js';

const AUDIO = { pcm: new Int16Array([1, 2, 3, 4]), sampleRate: 22_050, marks: [] };

async function pcmFile(dir: string, key: string): Promise<string> {
  const folder = join(dir, key.slice(0, 2));
  const name = (await readdir(folder)).find((f) => f.endsWith('.pcm'))!;
  return join(folder, name);
}

describe('SegmentCache.has', () => {
  const key = 'ab'.repeat(32);

  it('is true for a whole entry', async () => {
    const cache = new SegmentCache(await tempDir());
    expect(await cache.has(key)).toBe(false);
    await cache.put(key, AUDIO);
    expect(await cache.has(key)).toBe(true);
  });

  it('is false when the audio file is missing, as get() finds', async () => {
    const dir = await tempDir();
    const cache = new SegmentCache(dir);
    await cache.put(key, AUDIO);
    await rm(await pcmFile(dir, key));
    expect(await cache.get(key)).toBeUndefined();
    expect(await cache.has(key)).toBe(false);
  });

  it('is false when the audio file is shorter than its record says', async () => {
    const dir = await tempDir();
    const cache = new SegmentCache(dir);
    await cache.put(key, AUDIO);
    await truncate(await pcmFile(dir, key), 4);
    expect(await cache.has(key)).toBe(false);
  });
});
