// A book of over an hour through the whole pipeline with the mock provider and
// real ffmpeg; the captions are checked against the decoded MP3 itself.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import { tempDir, writeScript } from '../support/book.js';
import { decodeToPcm } from '../support/decode.js';
import { generatedChapters } from './synthetic-book.js';
import { readCaptions, readabilityProblems, type ReadCue } from './checks.js';
import { HeardAudio, heardTimings, type HeardTiming } from './onsets.js';

function markdownBook(): string {
  const chapters = generatedChapters(12, 17, 11);
  const body = chapters.map((c) => `## ${c.title}\n\n${c.paragraphs.map((p) => p.sentences.join(' ')).join('\n\n')}`);
  return `# The Long Watch\n\n${body.join('\n\n')}\n`;
}

function worst(timings: HeardTiming[]): number {
  return Math.max(...timings.flatMap((t) => [Math.abs(t.startError), Math.abs(t.endError)]));
}

describe('captions of an hour-long mock narration', () => {
  let result: NarrateResult;
  let cues: ReadCue[];
  let timings: HeardTiming[];

  beforeAll(async () => {
    const dir = await tempDir();
    const script = await writeScript(dir, 'long-watch.md', markdownBook());
    result = (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['mp3'], cacheDir: false })) as NarrateResult;
    // The captions.vtt the run wrote, as users get it.
    cues = readCaptions(await readFile(join(result.outDir, 'captions.vtt'), 'utf8'), result.timeline);
    timings = heardTimings(new HeardAudio(await decodeToPcm(join(result.outDir, 'book.mp3'), 16_000), 16_000), cues);
  });

  it('is over an hour long', () => {
    expect(result.timeline.durationMs).toBeGreaterThan(3_600_000);
  });

  it('captions the script text in order, nothing dropped or repeated', () => {
    const script = result.book.chapters.flatMap((c) => [c.title, ...c.paragraphs.flatMap((p) => p.sentences.map((s) => s.text))]);
    expect(cues.map((c) => c.lines.join(' ')).join(' ')).toBe(script.join(' '));
  });

  it('keeps every readability limit', () => {
    expect(readabilityProblems(cues, result.timeline)).toEqual([]);
  });

  it('starts each cue within -100/+50 ms of the heard word and ends it within 150 ms after the last word stops', () => {
    const late = timings.map((t, i) => ({ i, ...t })).filter((t) => !(t.startError >= -100 && t.startError <= 50 && t.endError >= -10 && t.endError <= 150));
    expect(late).toEqual([]);
  });

  it('is as exact in the last chapter as in the first', () => {
    const chapterOf = (i: number) => cues[i]!.words[0]!.chapterIndex;
    const first = timings.filter((_, i) => chapterOf(i) === 0);
    const last = timings.filter((_, i) => chapterOf(i) === result.timeline.chapters.length - 1);
    expect(last.length).toBeGreaterThan(20);
    expect(worst(last)).toBeLessThanOrEqual(worst(first) + 10);
  });
});
