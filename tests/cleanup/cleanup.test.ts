import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanupScript, formatDroppedLines } from '../../src/cleanup/index.js';
import { NarrateError } from '../../src/errors.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('cleanupScript on an article with furniture at the end and in the middle', () => {
  const text = fixture('furniture-end-and-middle.txt');
  const result = cleanupScript(text, 'night-ferry.txt');
  const droppedText = result.dropped.map((d) => d.text.trim());

  it('drops UI phrases wherever they stand', () => {
    expect(droppedText).toEqual(expect.arrayContaining(['Skip to main content', 'ADVERTISEMENT', 'Share this story', 'Facebook | Twitter | Email', "You've reached the end"]));
  });

  it('drops a labelled teaser in the middle of the story', () => {
    expect(result.dropped).toContainEqual({ line: 7, text: 'Read more: Island bakery wins county prize', rule: 'teaser-label' });
  });

  it('drops the teaser list at the end: label, headlines and cut-off blurbs', () => {
    const rules = Object.fromEntries(result.dropped.map((d) => [d.text.trim(), d.rule]));
    expect(rules['More from the coast']).toBe('ui-phrase');
    expect(rules['Harbor master retires after forty years']).toBe('teaser-headline');
    expect(rules['New timetable for winter crossings']).toBe('teaser-headline');
    expect(rules['Passengers will notice fewer sailings on weekdays, but the last boat now…']).toBe('teaser-blurb');
  });

  it('keeps every story paragraph, with its original line number', () => {
    const kept = result.lines.filter((l) => l.text !== '');
    expect(kept.map((l) => l.line)).toEqual([1, 5, 9, 13]);
    expect(kept[0]!.text).toBe('The Night Ferry');
  });

  it('keeps blank lines as empty text so paragraphs stay apart', () => {
    expect(result.lines.find((l) => l.line === 2)).toEqual({ line: 2, text: '' });
    expect(result.lines.length + result.dropped.length).toBe(text.split('\n').length);
  });

  it('removes footnote markers from kept lines', () => {
    expect(result.lines.find((l) => l.line === 9)!.text).toContain('since she was a child. There were eleven');
    expect(result.inlineRemovals).toContainEqual({ line: 9, text: '[2]', rule: 'footnote-marker' });
  });

  it('lists every dropped line with its rule for --dry-run', () => {
    const listing = formatDroppedLines(result.dropped, result.inlineRemovals);
    for (const d of result.dropped) expect(listing).toContain(`[${d.rule}]  ${d.text.trim()}`);
    expect(listing).toMatch(/^\s+9\s+\[footnote-marker\]\s+\[2\]$/m);
  });
});

describe('cleanupScript on a story that only looks like furniture', () => {
  const text = fixture('furniture-ish-story.txt');
  const result = cleanupScript(text, 'fences.txt');

  it('keeps every line: UI words inside prose, headings, trailing "…" and "The End"', () => {
    expect(result.dropped).toEqual([]);
    expect(result.lines.map((l) => l.text).join('\n')).toBe(text);
  });
});

describe('inline clutter', () => {
  it('cuts a bare URL to its site name and keeps Markdown links', () => {
    const result = cleanupScript('Details are at https://www.example.org/path?q=1. See [the map](https://example.org/map).', 'a.md');
    expect(result.lines[0]!.text).toBe('Details are at example.org. See [the map](https://example.org/map).');
    expect(result.inlineRemovals).toEqual([{ line: 1, text: 'https://www.example.org/path?q=1', rule: 'bare-url' }]);
  });

  it('drops a line that is only a URL', () => {
    const result = cleanupScript('A real sentence here.\nhttps://example.org/story/123\nAnother real sentence.', 'a.txt');
    expect(result.dropped).toEqual([{ line: 2, text: 'https://example.org/story/123', rule: 'bare-url' }]);
  });

  it('leaves front matter alone', () => {
    const result = cleanupScript('---\ntitle: Share\n---\n\n# One\n\nText.', 'book.md');
    expect(result.dropped).toEqual([]);
  });
});

describe('the safety stop', () => {
  it('refuses to drop more than 30% of the text and names --keep-all', () => {
    const text = 'One short line of story.\n\nRelated\nFirst headline about the harbor\nSecond headline about the weather\nThird headline about the council';
    expect(() => cleanupScript(text, 'short.txt')).toThrow(NarrateError);
    expect(() => cleanupScript(text, 'short.txt')).toThrow(/short\.txt:4: .*--keep-all/);
  });
});
