import { describe, expect, it } from 'vitest';
import { buildCaptionFiles } from '../../src/captions/index.js';
import { parseVtt, visibleCueText } from '../../src/captions/vtt-check.js';
import { NATURAL_SPEECH, spokenBook, synthesizeTimeline, type SyntheticChapter } from './synthetic-book.js';
import { readCaptions, readabilityProblems, timingProblems } from './checks.js';

const options = { voiceLabels: new Map([['narrator', 'Narrator <main> & co'], ['keeper', 'Keeper']]), srt: true, audioFileName: 'book.mp3' };

function build(chapters: SyntheticChapter[], language = 'en-US', model = NATURAL_SPEECH) {
  const book = spokenBook(chapters, { language });
  const timeline = synthesizeTimeline(book, model);
  const files = new Map(buildCaptionFiles(timeline, book, options).map((f) => [f.name, f.content]));
  return { book, timeline, files, vtt: files.get('captions.vtt')! };
}

function expectValidCaptions(chapters: SyntheticChapter[], language?: string, model?: typeof NATURAL_SPEECH) {
  const { timeline, vtt, files } = build(chapters, language, model);
  const cues = readCaptions(vtt, timeline);
  expect(readabilityProblems(cues, timeline)).toEqual([]);
  expect(timingProblems(cues)).toEqual([]);
  return { cues, vtt, files };
}

const markup = 'If a < b && c > d --> then <b>bold</b> & "quotes" &amp; stay as written.';

describe('captions of hostile text', () => {
  it('shows markup characters and arrows exactly as written, never as tags or timings', () => {
    const { cues, vtt } = expectValidCaptions([{ title: 'Tags', paragraphs: [{ sentences: [markup, 'The end --> is near.'] }] }]);
    expect(vtt.split('-->').length - 1).toBe(cues.length);
    const tags = parseVtt(vtt, 'captions').cues.flatMap((c) => c.tree.children.filter((n) => n.type === 'object'));
    expect(tags).toEqual([]);
  });

  it('counts an emoji as one character and keeps the lines within 42', () => {
    const family = Array.from({ length: 30 }, () => '👨‍👩‍👧‍👦').join(' ');
    const { cues } = expectValidCaptions([{ title: 'Emoji 🐋', paragraphs: [{ sentences: [`The 🐋 whale and 🇬🇧 flags 👍🏽 waved.`, family] }] }]);
    expect(cues.some((c) => c.lines.some((l) => l.includes('👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦')))).toBe(true);
  });

  it('captions right-to-left Arabic and Hebrew, alone and mixed with English', () => {
    const arabic = 'كان حارس المنارة يشعل المصباح كل ليلة، وكانت السفن تعود إلى الميناء بأمان تحت ضوئه الهادئ.';
    const hebrew = 'שומר המגדלור הדליק את המנורה בכל לילה, והספינות חזרו לנמל בשלום.';
    expectValidCaptions([{ title: 'المنارة', paragraphs: [{ sentences: [arabic, `He said “${hebrew}” and left.`] }] }], 'ar');
  });

  it('cuts a single 300-word sentence into readable cues without losing a word', () => {
    const words = Array.from({ length: 300 }, (_, i) => ['the', 'keeper', 'watched,', 'and', 'waves', 'broke', 'over', 'rocks'][i % 8]);
    const { cues } = expectValidCaptions([{ title: 'Long', paragraphs: [{ sentences: [`${words.join(' ')}.`] }] }]);
    expect(cues.length).toBeGreaterThan(20);
  });

  it('keeps the rules when the voice speaks fast', () => {
    const fast = { ...NATURAL_SPEECH, msPerChar: 35, wordGapMs: 20, sentenceGapMs: 150 };
    expectValidCaptions([{ title: 'Fast', paragraphs: [{ sentences: [markup, 'Yes.', 'No.', 'Go, go, go now, before the tide turns and the rocks go under.'] }] }], 'en-US', fast);
  });
});

describe('voice labels', () => {
  it('escapes a label that holds tag characters so that every <v> span stays valid', () => {
    const { vtt } = build([{ title: 'Two voices', paragraphs: [{ sentences: ['Who is there?'] }, { voice: 'keeper', sentences: ['Only me.'] }] }]);
    const parsed = parseVtt(vtt, 'captions');
    expect(parsed.errors).toEqual([]);
    const voices = parsed.cues.map((c) => c.tree.children.map((n) => (n.type === 'object' ? n.value : '')).join());
    expect(voices).toEqual(['Narrator &lt;main&gt; &amp; co', 'Narrator &lt;main&gt; &amp; co', 'Keeper']);
  });
});

describe('words longer than a caption line', () => {
  it('hard-wraps them into valid lines as a last resort, keeping every letter', () => {
    const url = `https://example.org/${'a-very-long-path-segment/'.repeat(6)}index.html`;
    const { timeline, vtt } = build([{ title: 'Link', paragraphs: [{ sentences: [`See ${url} for more.`] }] }]);
    const parsed = parseVtt(vtt, 'captions');
    expect(parsed.errors).toEqual([]);
    const lines = parsed.cues.flatMap((c) => visibleCueText(c.tree.children).split('\n'));
    expect(lines.every((l) => [...l].length <= 42) && parsed.cues.every((c) => visibleCueText(c.tree.children).split('\n').length <= 2)).toBe(true);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(lines.join(''))).toBe(squeeze(timeline.tokens.map((t) => t.written).join('')));
  });
});

describe('the chapter track and the SubRip file', () => {
  it('escapes chapter titles so that no tag reaches the chapter track', () => {
    const title = '<b>Chapter</b> & "One" --> <v Bob>';
    const { files } = build([{ title, paragraphs: [{ sentences: ['A.'] }] }, { title: 'Two', paragraphs: [{ sentences: ['B.'] }] }]);
    const parsed = parseVtt(files.get('chapters.vtt')!, 'chapters');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => visibleCueText(c.tree.children))).toEqual([title, 'Two']);
  });

  it('writes SubRip with an arrow in place of "-->" so its timing lines stay unambiguous', () => {
    const { files } = build([{ title: 'Arrow', paragraphs: [{ sentences: ['The end --> is near.'] }] }]);
    const srt = files.get('captions.srt')!;
    expect(srt).toContain('The end → is near.');
    expect(srt.split('\n').filter((l) => l.includes('-->')).every((l) => /^\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$/.test(l))).toBe(true);
  });
});
