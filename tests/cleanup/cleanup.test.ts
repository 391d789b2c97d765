import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanupScript, formatDroppedLines } from '../../src/cleanup/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const sentencesOf = (text: string) => text.split('\n').filter((l) => /[.!?"”]$/.test(l.trim()) && l.trim().split(' ').length > 6);

describe('a story followed by a section label, teasers, cut-off blurbs and end-of-list lines', () => {
  const text = fixture('story-then-teasers.txt');
  const result = cleanupScript(text, 'orchard.txt');
  const kept = result.lines.map((l) => l.text).join('\n');

  it('loses none of the story: every story sentence and its subheading stay', () => {
    for (const sentence of sentencesOf(text).filter((s) => !s.endsWith('…'))) expect(kept).toContain(sentence);
    expect(kept).toContain('Pruning season');
  });

  it('keeps none of the furniture, whatever its wording', () => {
    for (const furniture of ['Sponsored', 'Neighbourhood', 'Bridge repairs', 'Drivers heading', 'Council delays', 'Councillors said', 'Library extends', 'End of content', 'No more pages', 'Share on Mastodon', 'November 2, 2025']) {
      expect(kept).not.toContain(furniture);
    }
  });

  it('takes the headline as the title and the byline as the author', () => {
    expect(result.title).toEqual({ line: 1, text: 'Town Orchard Saved by Volunteers' });
    expect(result.author).toBe('Priya Nandakumar');
  });

  it('lists every dropped line with its reason for --dry-run', () => {
    const listing = formatDroppedLines(result.dropped);
    expect(result.dropped.length).toBeGreaterThanOrEqual(10);
    for (const d of result.dropped) expect(listing).toContain(`[${d.rule}]  ${d.text.trim()}`);
    expect(result.lines.length + result.dropped.length).toBe(text.split('\n').length);
  });
});

describe('an article with furniture in the middle', () => {
  const result = cleanupScript(fixture('furniture-end-and-middle.txt'), 'night-ferry.txt');

  it('drops a labelled teaser and an advert between paragraphs and keeps the paragraphs around them', () => {
    expect(result.dropped).toContainEqual({ line: 7, text: 'Read more: Island bakery wins county prize', rule: 'teaser-label' });
    expect(result.dropped.map((d) => d.text)).toContain('ADVERTISEMENT');
    expect(result.lines.filter((l) => l.text !== '').map((l) => l.line)).toEqual([5, 9, 13]);
  });

  it('removes footnote markers from kept lines', () => {
    expect(result.inlineRemovals).toContainEqual({ line: 9, text: '[2]', rule: 'footnote-marker' });
  });
});

describe('teasers inside the story, in words no list knows', () => {
  it('drops a section label, a teaser headline and its cut-off blurb between paragraphs', () => {
    const paragraphs = [
      'The council voted on Thursday to buy the old chapel on Quarry Road and turn it into a small concert hall, after two years of fundraising by the village choir.',
      'Work on the roof will begin in April. The choir hopes to give its first concert there before the end of the summer, if the weather holds and the builders keep to their plan.',
    ];
    const text = [paragraphs[0], '', 'Elsewhere in the valley', '', 'Harbour master hangs up his cap after forty winters', 'He saw the port through storms, strikes and one very…', '', paragraphs[1]].join('\n');
    const result = cleanupScript(text, 'chapel.txt');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual(paragraphs);
    expect(result.dropped.map((d) => [d.line, d.rule])).toEqual([
      [3, 'teaser-headline'],
      [5, 'teaser-headline'],
      [6, 'teaser-blurb'],
    ]);
  });
});

describe('a story that only looks like furniture', () => {
  it('keeps every line: UI words inside prose, headings, trailing "…" and "The End"', () => {
    const text = fixture('furniture-ish-story.txt');
    const result = cleanupScript(text, 'fences.txt');
    expect(result.dropped).toEqual([]);
    expect(result.lines.map((l) => l.text).join('\n')).toBe(text);
  });
});

describe('comments under a story', () => {
  it('ends the story where the comment template starts', () => {
    const story = [
      'The harbour board met on Tuesday evening and agreed, after a long and sometimes heated debate, to rebuild the north breakwater before next winter.',
      'Engineers told the board that the old stones had shifted by almost a metre in the February storms, and that a second winter like it could open a gap wide enough to flood the fish market.',
      'The work will be paid for from the reserve fund, which the board has been building up for a decade for exactly this purpose.',
    ];
    const comments = Array.from({ length: 6 }, (_, i) => [`reader${i + 1} says:`, `November ${i + 3}, 2025 at ${i + 1}:1${i} pm`, `I walked past the breakwater last week and it really does look worse than it did, comment number ${i + 1}.`]).flat();
    const result = cleanupScript([...story, 'Leave a comment', ...comments].join('\n\n'), 'harbour.txt');
    const kept = result.lines.map((l) => l.text).filter(Boolean);
    expect(kept).toEqual(story);
  });
});

describe('never refuses', () => {
  it('keeps a short text that is all headline-like lines rather than dropping it all', () => {
    const result = cleanupScript('Morning\nEvening\nNight', 'poem.txt');
    expect(result.lines.map((l) => l.text)).toEqual(['Morning', 'Evening', 'Night']);
  });

  it('does not stop on a page that is mostly furniture; the story is what is left', () => {
    const menu = Array.from({ length: 40 }, (_, i) => `Section ${i + 1}`);
    const story = 'The lighthouse on the point was lit again on Friday night for the first time since the war, and half the village walked out along the cliff path to watch the beam come round.';
    const result = cleanupScript([...menu, '', story, '', ...menu].join('\n'), 'mostly-menu.txt');
    expect(result.lines.map((l) => l.text).filter(Boolean)).toEqual([story]);
  });
});

describe('inline clutter', () => {
  it('cuts a bare URL to its site name and keeps Markdown links', () => {
    const result = cleanupScript('Details are at https://www.example.org/path?q=1. See [the map](https://example.org/map).', 'a.md');
    expect(result.lines[0]!.text).toBe('Details are at example.org. See [the map](https://example.org/map).');
  });

  it('leaves Markdown headings alone', () => {
    const result = cleanupScript('# One\n\n## Chapter\n\nText of the chapter, long enough to read as a sentence of prose.', 'book.md', { markdown: true });
    expect(result.dropped).toEqual([]);
  });
});

describe('a photo credit between paragraphs', () => {
  const text = [
    'Orchard growers count the cost of a late frost',
    '',
    'Growers across the valley woke on Sunday to find blossom browned by a frost that came three weeks late.',
    '',
    '"We lost most of the early pears in a single night," said one grower, who expects a third less fruit.',
    '',
    'Photograph: Lena Okafor',
    '',
    'Forecasters said warmer air was due by the end of the week, but another cold night could not be ruled out.',
  ].join('\n');
  const result = cleanupScript(text, 'frost.txt');

  it('is dropped as a credit, not kept as a subheading', () => {
    expect(result.dropped.find((d) => d.text === 'Photograph: Lena Okafor')?.rule).toBe('image-credit');
    expect(result.lines.map((l) => l.text)).toContain('Forecasters said warmer air was due by the end of the week, but another cold night could not be ruled out.');
  });
});
