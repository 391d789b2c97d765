import { describe, expect, it } from 'vitest';
import { buildCaptionFiles } from '../../src/captions/index.js';
import { generatedChapters, spokenBook, synthesizeTimeline } from './synthetic-book.js';
import { readCaptions, readabilityProblems, timingErrors, timingProblems, type ReadCue } from './checks.js';

function worstError(cues: ReadCue[]): number {
  return Math.max(...cues.map((c) => Math.max(...Object.values(timingErrors(c)).map(Math.abs))));
}

describe('a book over an hour long', () => {
  const book = spokenBook(generatedChapters(12, 16, 7));
  const timeline = synthesizeTimeline(book);
  const files = buildCaptionFiles(timeline, book, { voiceLabels: new Map(), srt: false, audioFileName: 'book.m4b' });
  const cues = readCaptions(files.find((f) => f.name === 'captions.vtt')!.content, timeline);

  it('is at least an hour of speech', () => {
    expect(timeline.durationMs).toBeGreaterThanOrEqual(3_600_000);
  });

  it('keeps every cue on its words and every readability limit, to the last cue', () => {
    expect(timingProblems(cues)).toEqual([]);
    expect(readabilityProblems(cues, timeline)).toEqual([]);
  });

  it('is as exact in the last chapter as in the first', () => {
    const inChapter = (index: number) => cues.filter((c) => c.words[0]!.chapterIndex === index);
    const first = inChapter(0);
    const last = inChapter(book.chapters.length - 1);
    expect(last.length).toBeGreaterThan(10);
    expect(worstError(last)).toBeLessThanOrEqual(worstError(first) + 1);
  });
});
