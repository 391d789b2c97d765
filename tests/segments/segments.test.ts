import { describe, expect, it } from 'vitest';
import { DEFAULT_PAUSES } from '../../src/config/voices.js';

// The documented defaults, written out: the test checks which pause goes where, not the constant against itself.
const SENTENCE_MS = 400;
const PARAGRAPH_MS = 900;
const CHAPTER_MS = 2000;
const AFTER_TITLE_MS = 1000;
import type { ProviderCapabilities, SsmlTag } from '../../src/providers/provider.js';
import { buildSegments } from '../../src/segments/index.js';
import { toSpokenBook } from '../../src/speech-text/index.js';
import { decodeEntities } from '../../src/ssml/scan.js';
import type { Segment } from '../../src/types.js';
import { parseMarkdown } from '../support/book.js';

function caps(overrides: Partial<ProviderCapabilities> = {}): ProviderCapabilities {
  return {
    maxRequestChars: 6000,
    maxBilledChars: 3000,
    ssmlTags: new Set<SsmlTag>(['break', 's', 'say-as', 'sub', 'emphasis']),
    wordMarks: true,
    sentenceMarks: true,
    concurrency: 1,
    letterSpelling: 'say-as',
    readsPluralInitialisms: true,
    ...overrides,
  };
}

function segmentsOf(markdown: string, c = caps(), dropped: string[] = []): Segment[] {
  const spoken = toSpokenBook(parseMarkdown(markdown), { capabilitiesFor: () => c });
  return buildSegments(spoken, { pauses: DEFAULT_PAUSES, capabilitiesFor: () => c, onDroppedTag: (t) => dropped.push(t) });
}

const words = (n: number, stem = 'word') => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');

describe('segments', () => {
  it('announces each chapter title first, then one segment per short paragraph', () => {
    const segs = segmentsOf('## Alpha\n\nOne. Two.\n\nThree.\n\n## Beta\n\nFour.\n');
    expect(segs.map((s) => [s.id, s.kind, s.pauseAfterMs])).toEqual([
      ['c01-title', 'title', AFTER_TITLE_MS],
      ['c01-p001-k01', 'body', PARAGRAPH_MS],
      ['c01-p002-k01', 'body', CHAPTER_MS],
      ['c02-title', 'title', AFTER_TITLE_MS],
      ['c02-p001-k01', 'body', 0],
    ]);
    expect(segs[1]!.ssml).toBe(`<speak><s>One.</s> <break time='${SENTENCE_MS}ms'/><s>Two.</s></speak>`);
  });

  it('keeps every request within the provider limits, splitting only between sentences', () => {
    const paragraph = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} has a handful of ordinary words in it.`).join(' ');
    const limits = caps({ maxRequestChars: 600, maxBilledChars: 300 });
    const segs = segmentsOf(`## One\n\n${paragraph}\n`, limits).filter((s) => s.kind === 'body');
    expect(segs.length).toBeGreaterThan(5);
    for (const s of segs) {
      expect(s.ssml.length).toBeLessThanOrEqual(600);
      expect(s.billedChars).toBeLessThanOrEqual(300);
      expect(s.ssml).toMatch(/^<speak><s>Sentence number \S+ .*<\/s><\/speak>$/);
    }
    expect(segs.flatMap((s) => s.sentenceIds)).toHaveLength(40);
  });

  it('splits an over-long sentence at clause punctuation, never inside a word', () => {
    const sentence = `${words(30, 'alpha')}, ${words(30, 'beta')}; ${words(30, 'gamma')}.`;
    const segs = segmentsOf(`## One\n\n${sentence}\n`, caps({ maxBilledChars: 300 })).filter((s) => s.kind === 'body');
    expect(segs.length).toBeGreaterThan(1);
    const spoken = segs.map((s) => decodeEntities(s.ssml.replace(/<[^>]*>/g, ''))).join(' ');
    expect(spoken.split(/\s+/)).toEqual(sentence.split(/\s+/));
    expect(segs.some((s) => /[,;]<\/s><\/speak>$/.test(s.ssml))).toBe(true);
    for (const s of segs.slice(0, -1)) expect(s.pauseAfterMs).toBe(0);
  });

  it('puts one sentence in each segment for an engine without sentence marks', () => {
    const segs = segmentsOf('## One\n\nGo now. Stop there. Wait here.\n', caps({ sentenceMarks: false })).filter((s) => s.kind === 'body');
    expect(segs.map((s) => s.sentenceIds.length)).toEqual([1, 1, 1]);
    expect(segs.map((s) => s.pauseAfterMs)).toEqual([SENTENCE_MS, SENTENCE_MS, 0]);
  });

  it('records where each written word is spoken in the SSML', () => {
    // "Tom&Jerry" keeps its ampersand (a lone "&" is said "and"), so escaping is exercised.
    const [, seg] = segmentsOf('## One\n\nTom&Jerry <said> "hi".\n');
    const spanText = seg!.tokenSpans.map((t) => decodeEntities(seg!.ssml.slice(t.start, t.end)));
    // Quotes carry no sound, so the last word's speech is "hi." without them.
    expect(spanText).toEqual(['Tom&Jerry', '<said>', 'hi.']);
    expect(seg!.ssml).not.toContain('<said>');
  });

  it('drops tags the provider lacks, keeping what they say, and reports them', () => {
    const dropped: string[] = [];
    const [, seg] = segmentsOf('## One\n\n(Dr.)[sub:"Doctor"] (No)[emphasis:"strong"] and (yes)[emphasis:"reduced"] [500ms] go.\n', caps({ ssmlTags: new Set(['s', 'break']) }), dropped);
    expect(seg!.ssml).toBe(`<speak><s>Doctor No and yes <break time='500ms'/> go.</s></speak>`);
    expect([...new Set(dropped)].sort()).toEqual(['emphasis', 'sub']);
  });

  it('refuses a single word longer than a request', () => {
    expect(() => segmentsOf(`## One\n\n${'x'.repeat(400)} end.\n`, caps({ maxBilledChars: 300 }))).toThrow(/story\.md:3: the word "x+…" is too long/);
  });
});
