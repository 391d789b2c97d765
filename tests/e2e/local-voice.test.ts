// End to end with the real eSpeak NG engine (its WebAssembly build) and real ffmpeg.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import { tempDir, writeScript } from '../support/book.js';
import { ffprobe } from '../support/ffprobe.js';
import { decodeToPcm, rms } from '../support/decode.js';

const STORY = `# Two Short Chapters

## Morning

The kettle sang. Rosa opened the shutters and looked at the sea.

## Evening

The lamp was lit at dusk [700ms] and the boats came home.
`;

describe('narrating with the local eSpeak NG voice', () => {
  let result: NarrateResult;

  beforeAll(async () => {
    const dir = await tempDir();
    const script = await writeScript(dir, 'short.md', STORY);
    result = (await narrate({ scriptPath: script, provider: 'local', outRoot: join(dir, 'out'), formats: ['m4b', 'mp3'], cacheDir: false })) as NarrateResult;
  });

  it('writes chaptered M4B and MP3 at the engine rate', async () => {
    for (const file of ['book.m4b', 'book.mp3']) {
      const probe = await ffprobe(join(result.outDir, file));
      expect(probe.chapters.map((c) => c.tags.title)).toEqual(['Morning', 'Evening']);
      expect(Math.abs(Number(probe.chapters[1]!.start_time) * 1000 - result.manifest.chapters[1]!.startMs)).toBeLessThanOrEqual(50);
      expect(probe.streams[0]!.sample_rate).toBe('22050');
    }
  });

  it('times every written word from the engine word events, in order', () => {
    const words = result.timeline.tokens.map((t) => t.written);
    expect(words).toEqual(['Morning', 'The', 'kettle', 'sang.', 'Rosa', 'opened', 'the', 'shutters', 'and', 'looked', 'at', 'the', 'sea.', 'Evening', 'The', 'lamp', 'was', 'lit', 'at', 'dusk', 'and', 'the', 'boats', 'came', 'home.']);
    const tokens = result.timeline.tokens;
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.startMs).toBeGreaterThanOrEqual(tokens[i - 1]!.startMs);
    for (const t of tokens) expect(t.endMs).toBeGreaterThan(t.startMs);
  });

  it('hears speech inside each word and the 700 ms pause where the script asks for it', async () => {
    const pcm = await decodeToPcm(join(result.outDir, 'book.mp3'), 22_050);
    for (const t of result.timeline.tokens) expect(rms(pcm, 22_050, t.startMs, t.endMs), t.written).toBeGreaterThan(300);
    const dusk = result.timeline.tokens.find((t) => t.written === 'dusk')!;
    const and = result.timeline.tokens.find((t, i, all) => t.written === 'and' && all[i - 1] === dusk)!;
    expect(and.startMs - dusk.endMs).toBeGreaterThanOrEqual(650);
    expect(rms(pcm, 22_050, dusk.endMs + 100, and.startMs - 100)).toBeLessThan(100);
  });
});
