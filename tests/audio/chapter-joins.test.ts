// The book files are joined from chapters encoded one by one, by stream copy. These
// tests decode the joined M4B and MP3 with the real ffmpeg and check every join: the
// chapter's first word starts where the manifest says (no gap, no encoder priming or
// padding left in), the pause before it is silent (no click), the last word of the
// chapter before is whole, and ffprobe's chapter marks equal the manifest.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import type { Manifest, Timeline } from '../../src/types.js';
import { tempDir, writeScript } from '../support/book.js';
import { decodeToPcm, rms } from '../support/decode.js';
import { ffprobe } from '../support/ffprobe.js';

// Chapters of uneven lengths, so every join falls at a different place in a codec frame.
const STORY = `# Five Crossings

## One

The boat was small.

## Two

Rain fell on the harbour all night, and the ropes creaked against the posts. Nobody slept much.

In the morning the gulls came back.

## Three

A letter arrived.

## Four

The keeper wrote down the wind, the tide and the ships, as he had every day for thirty years. The book was nearly full.

He bought another.

## Five

They sailed at dawn.
`;

const TONE = 1500; // the mock's tone peaks at 3000; silence decodes to near 0

/** First sample from `from` on whose magnitude passes TONE. */
function onset(pcm: Int16Array, from: number): number {
  for (let i = Math.max(0, from); i < pcm.length; i++) if (Math.abs(pcm[i]!) > TONE) return i;
  return -1;
}

function peak(pcm: Int16Array, from: number, to: number): number {
  let max = 0;
  for (let i = Math.max(0, from); i < Math.min(pcm.length, to); i++) max = Math.max(max, Math.abs(pcm[i]!));
  return max;
}

async function expectSeamlessJoins(outDir: string, timeline: Timeline): Promise<void> {
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  const rate = timeline.sampleRate;
  const at = (ms: number) => Math.round((ms * rate) / 1000);
  for (const file of ['book.m4b', 'book.mp3']) {
    const probe = await ffprobe(join(outDir, file));
    expect(probe.chapters.map((c) => Number(c.start_time) * 1000)).toEqual(manifest.chapters.map((c) => expect.closeTo(c.startMs, 0)));
    const pcm = await decodeToPcm(join(outDir, file), rate);
    expect(Math.abs((pcm.length * 1000) / rate - manifest.durationMs), `${file} length`).toBeLessThan(100);
    for (const chapter of timeline.chapters) {
      const start = at(chapter.startMs);
      // The title's first tone starts at the chapter mark, to the millisecond: nothing was added or lost before it.
      expect(Math.abs(onset(pcm, start - at(200)) - start), `${file}: onset of "${chapter.title}"`).toBeLessThanOrEqual(at(2));
      if (chapter.index === 0) continue;
      // The chapter pause before it is silence: no click, no encoder noise at the join.
      expect(peak(pcm, start - at(1500), start - at(3)), `${file}: pause before "${chapter.title}"`).toBeLessThan(200);
      // The previous chapter's last word is whole, up to its end.
      const lastWord = timeline.tokens.filter((t) => t.chapterIndex === chapter.index - 1).at(-1)!;
      expect(rms(pcm, rate, lastWord.endMs - 40, lastWord.endMs - 5), `${file}: last word before "${chapter.title}"`).toBeGreaterThan(1000);
    }
  }
}

async function mtimes(dir: string): Promise<Map<string, number>> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  return new Map(await Promise.all(names.map(async (n) => [n, (await stat(join(dir, n))).mtimeMs] as const)));
}

describe('chapters joined by stream copy', () => {
  let dir: string;
  let script: string;
  let first: NarrateResult;
  const run = () => narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['m4b', 'mp3'], cacheDir: join(dir, 'cache') }) as Promise<NarrateResult>;

  beforeAll(async () => {
    dir = await tempDir();
    script = await writeScript(dir, 'crossings.md', STORY);
    first = await run();
  });

  it('play every chapter where the manifest says, with silent, gapless joins', async () => {
    expect(first.audio.encodedChapters).toEqual([0, 1, 2, 3, 4]);
    await expectSeamlessJoins(first.outDir, first.timeline);
  });

  it('end each chapter on whole codec frames of both formats, so both files share one clock', () => {
    const rate = first.timeline.sampleRate;
    for (const c of first.timeline.chapters) expect(Math.round((c.startMs * rate) / 1000) % 9216).toBe(0);
  });

  it('encode only the edited chapter again after a one-word edit, and still join seamlessly', async () => {
    const chapterDir = join(dir, 'cache', 'chapters');
    const unchanged = await run();
    expect(unchanged.audio.encodedChapters).toEqual([]);
    expect(unchanged.synthesized).toBe(0);
    const before = await mtimes(chapterDir);
    await writeFile(script, STORY.replace('the gulls came back', 'the terns came back'));
    const edited = await run();
    expect(edited.synthesized).toBe(1);
    expect(edited.audio.encodedChapters).toEqual([1]);
    const after = await mtimes(chapterDir);
    // The four other chapters' files are the same files, untouched; the edited chapter has new ones.
    const kept = [...before].filter(([name, mtime]) => after.get(name) === mtime);
    expect(kept).toHaveLength(before.size);
    expect([...after.keys()].filter((n) => !before.has(n))).toHaveLength(3); // .aac, .mp3, .json of chapter Two
    await expectSeamlessJoins(edited.outDir, edited.timeline);
    expect(edited.timeline.tokens.some((t) => t.written === 'terns')).toBe(true);
  });
});
