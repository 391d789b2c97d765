import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseText } from '../support/book.js';

const STORY = `---
title: Front Title
author: Jo Writer
language: en-GB
---

# Ignored Because Front Matter Names The Book

## The First Chapter

It was late. The tide was turning.
The boat came in.

A second paragraph [500ms] with a pause.

## The Second Chapter

Only (FBI)[characters] agents and (Dr.)[sub:"Doctor"] Reyes, (never)[emphasis:"strong"] again.
`;

describe('markdown scripts', () => {
  const book = parseMarkdown(STORY);

  it('reads book metadata from front matter', () => {
    expect(book.meta).toMatchObject({ title: 'Front Title', author: 'Jo Writer', language: 'en-GB', slug: 'front-title' });
  });

  it('makes a chapter of every ## heading with its source line', () => {
    expect(book.chapters.map((c) => [c.title, c.titleLocation.line])).toEqual([
      ['The First Chapter', 9],
      ['The Second Chapter', 16],
    ]);
  });

  it('splits paragraphs into sentences that keep their lines', () => {
    const [first, second] = book.chapters[0]!.paragraphs;
    expect(first!.sentences.map((s) => [s.text, s.location.line])).toEqual([
      ['It was late.', 11],
      ['The tide was turning.', 11],
      ['The boat came in.', 12],
    ]);
    expect(second!.sentences[0]!.text).toBe('A second paragraph with a pause.');
    expect(second!.sentences[0]!.inlines).toEqual([
      { kind: 'text', text: 'A second paragraph ' },
      { kind: 'break', timeMs: 500 },
      { kind: 'text', text: ' with a pause.' },
    ]);
  });

  it('turns Speech Markdown modifiers into marks and keeps the written words', () => {
    const sentence = book.chapters[1]!.paragraphs[0]!.sentences[0]!;
    expect(sentence.text).toBe('Only FBI agents and Dr. Reyes, never again.');
    expect(sentence.inlines.filter((i) => i.kind !== 'text')).toEqual([
      { kind: 'characters', text: 'FBI' },
      { kind: 'sub', text: 'Dr.', alias: 'Doctor' },
      { kind: 'emphasis', text: 'never', level: 'strong' },
    ]);
  });

  it('gives sentences stable ids', () => {
    expect(book.chapters[0]!.paragraphs[1]!.sentences[0]!.id).toBe('c01-p002-s01');
  });

  it('reads SSML-looking text and entities as plain text', () => {
    const b = parseMarkdown('## One\n\nShe typed <break time="9s"/> & then 3 < 4 &amp; more.\n');
    expect(b.chapters[0]!.paragraphs[0]!.sentences[0]!.text).toBe('She typed <break time="9s"/> & then 3 < 4 & more.');
    expect(b.chapters[0]!.paragraphs[0]!.sentences[0]!.inlines.every((i) => i.kind === 'text')).toBe(true);
  });

  it('takes the book title from # and the author from a "by" line', () => {
    const b = parseMarkdown('# A Small Book\n\n*by Lee Park*\n\n## Start\n\nHello there.\n');
    expect(b.meta.title).toBe('A Small Book');
    expect(b.meta.author).toBe('Lee Park');
    expect(b.chapters).toHaveLength(1);
  });

  it('switches voice for a chapter or a single passage', () => {
    const b = parseMarkdown('## One\n\n#[voice:"alice"]\n\nAlice speaks.\n\n#[voice:"bob"] Bob says one line.\n\nAlice again.\n\n## Two\n\nNarrator.\n');
    expect(b.chapters[0]!.voice).toBe('alice');
    expect(b.chapters[0]!.paragraphs.map((p) => p.voice)).toEqual(['alice', 'bob', 'alice']);
    expect(b.chapters[1]!.paragraphs[0]!.voice).toBe('narrator');
  });

  it('ends a sentence inside closing quotes', () => {
    const b = parseMarkdown('## One\n\nThe radio called it "the worst in years." The wind rose. "Whose?" he asked.\n');
    expect(b.chapters[0]!.paragraphs[0]!.sentences.map((s) => s.text)).toEqual(['The radio called it "the worst in years."', 'The wind rose.', '"Whose?" he asked.']);
  });

  it('does not end a sentence at an abbreviation before a lower-case word', () => {
    const b = parseMarkdown('## One\n\nWe met at 5 p.m. today. Then we left.\n');
    expect(b.chapters[0]!.paragraphs[0]!.sentences.map((s) => s.text)).toEqual(['We met at 5 p.m. today.', 'Then we left.']);
  });
});

describe('plain text scripts', () => {
  it('uses a first-line title and heading-like part titles; a part without one continues the chapter', () => {
    const b = parseText('The Quiet Harbour\nby Sam Reed\n\nArrival\nThe ferry was late.\nNobody minded.\n\nThe gulls were loud that year. Very loud.\n');
    expect(b.meta.title).toBe('The Quiet Harbour');
    expect(b.meta.author).toBe('Sam Reed');
    expect(b.chapters.map((c) => c.title)).toEqual(['Arrival']);
    expect(b.chapters[0]!.paragraphs).toHaveLength(3);
    expect(b.chapters[0]!.paragraphs[2]!.sentences).toHaveLength(2);
  });

  it('makes a text without headings one chapter named after its title, never "Part 1", "Part 2"', () => {
    const b = parseText('Harbour Lights\n\nOne line of story here.\nAnd its second line.\n\nAnother part of the story.\nWith two lines.\n');
    expect(b.chapters.map((c) => c.title)).toEqual(['Harbour Lights']);
    expect(b.chapters[0]!.paragraphs).toHaveLength(4);
  });
});

describe('brackets in ordinary writing', () => {
  const WRITING = 'He called it "a bridge [breaking their friendship]" and [laughs] walked off.\nThe sign said "Closed on Mondy [sic]" (see notes)[1] and (he said)[sic] so.\n';
  const written = (b: ReturnType<typeof parseText>) => b.chapters.flatMap((c) => c.paragraphs.flatMap((p) => p.sentences.map((s) => s.text))).join(' ');

  it.each([
    ['Markdown', () => parseMarkdown(`## One\n\n${WRITING}`)],
    ['plain text', () => parseText(WRITING)],
  ])('are read as written in %s', (_, parse) => {
    const text = written(parse());
    for (const kept of ['[breaking their friendship]', '[laughs]', '[sic]"', '(see notes)[1]', '(he said)[sic]']) expect(text).toContain(kept);
  });

  it('in plain text, even a malformed mark is text, while real marks still pace', () => {
    const b = parseText('Wait [2sec] here, [break:"loud"] and (x)[emphasis:"loud"] now [500ms] done.\n');
    const sentence = b.chapters[0]!.paragraphs[0]!.sentences[0]!;
    expect(sentence.text).toBe('Wait [2sec] here, [break:"loud"] and (x)[emphasis:"loud"] now done.');
    expect(sentence.inlines.filter((i) => i.kind === 'break')).toEqual([{ kind: 'break', timeMs: 500 }]);
  });

  it.each(['[2sec]', '[2 seconds]', '[break]', '[break:"loud"]', '[pause:"2s"]', '(x)[emphasis:"loud"]', '(x)[shout:"yes"]'])(
    'in Markdown, %s is an attempt at a mark and stops with its line',
    (mark) => {
      expect(() => parseMarkdown(`## One\n\nFine [sic].\nA line\nthen ${mark} here.\n`, 'tale.md')).toThrow(/^tale\.md:5: malformed pacing mark/);
    },
  );
});

describe('bad scripts', () => {
  it('rejects a malformed pacing mark with file, line and the marks it knows', () => {
    expect(() => parseMarkdown('## One\n\nFine.\nWait [2sec] here.\n', 'tale.md')).toThrow(/^tale\.md:4: malformed pacing mark "\[2sec\]".*Use \[500ms\]/);
    expect(() => parseMarkdown('## One\n\nA (word)[emphasis:"loud"] here.\n', 'tale.md')).toThrow(/tale\.md:3: .*emphasis takes/);
    expect(() => parseMarkdown('## One\n\nA pause [12s] too long.\n', 'tale.md')).toThrow(/at most 10s/);
  });

  it('rejects a script with nothing to say', () => {
    expect(() => parseMarkdown('# Only A Title\n\n## And A Chapter\n', 'empty.md')).toThrow(/empty\.md: the script has no text to narrate/);
  });

  it('rejects a 20,000-character paragraph without punctuation', () => {
    const blob = Array.from({ length: 3000 }, (_, i) => `word${i % 10}`).join(' ');
    expect(() => parseMarkdown(`## One\n\n${blob}\n`, 'blob.md')).toThrow(/blob\.md:3: a sentence of \d+ characters has no sentence-ending punctuation/);
  });

  it('rejects bad front matter with the JSON path', () => {
    expect(() => parseMarkdown('---\nlanguage: 12\n---\n## One\n\nHi.\n', 'fm.md')).toThrow(/^fm\.md: at \$\.language: /);
  });

  it('rejects an empty voice directive', () => {
    expect(() => parseMarkdown('## One\n\n#[voice:""] Hello.\n', 'v.md')).toThrow(/v\.md:3: empty voice directive/);
  });
});

describe('plain text pasted from the web', () => {
  it('reads blank-line-separated paragraphs as paragraphs, with heading-like lines as parts', () => {
    const b = parseText('Harbor Board Votes Yes\n\nBy Dana Whit\n\nThe vote came late. Nobody left early.\n\nIt passed 5 to 2.\n\nWhat Comes Next\n\nWork starts in May.\n\nCrews are ready.\n');
    expect(b.meta.title).toBe('Harbor Board Votes Yes');
    expect(b.meta.author).toBe('Dana Whit');
    expect(b.chapters.map((c) => [c.title, c.paragraphs.length])).toEqual([
      ['Harbor Board Votes Yes', 2],
      ['What Comes Next', 2],
    ]);
  });

  it('does not start a new part where cleanup dropped a line', async () => {
    const { parseScript } = await import('../../src/document/index.js');
    const lines = [
      { line: 1, text: 'First line of the part.' },
      { line: 2, text: 'Second line of the part.' },
      { line: 3, text: '' },
      { line: 5, text: '' },
      { line: 6, text: 'Third line, after a dropped advert.' },
    ];
    const b = parseScript({ path: 's.txt', text: '', format: 'text' }, { lines });
    expect(b.chapters).toHaveLength(1);
    expect(b.chapters[0]!.paragraphs).toHaveLength(3);
  });
});
