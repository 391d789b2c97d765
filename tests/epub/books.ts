// The test books: each written for these tests, built as EPUB files in a temp folder.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildEpub, sentences, TINY_PNG, type EpubSpec } from '../support/epub-book.js';

const run = promisify(execFile);

export async function writeEpub(dir: string, name: string, spec: EpubSpec): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, buildEpub(spec));
  return path;
}

/** A square PNG made by the real ffmpeg, big enough to be podcast artwork. */
export async function coverPng(dir: string): Promise<Buffer> {
  const path = join(dir, 'made-cover.png');
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=teal:s=1400x1400', '-frames:v', '1', path]);
  const { readFile } = await import('node:fs/promises');
  return readFile(path);
}

export const BOOK_LEXICON = `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en">
  <lexeme><grapheme>Quillon</grapheme><phoneme>ˈkwɪlən</phoneme></lexeme>
  <lexeme><grapheme>Marrow</grapheme><phoneme>ˈmɛɹoʊ</phoneme></lexeme>
</lexicon>
`;

export const PROJECT_LEXICON = `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en">
  <lexeme><grapheme>Marrow</grapheme><alias>Marro</alias></lexeme>
</lexicon>
`;

export const CH1_INTRO = sentences('alpha', 6);
export const CH1_SECTION = sentences('beta', 4);
export const CH2_TEXT = sentences('gamma', 8);
export const CH3_TEXT = sentences('delta', 8);
export const NOTE_TEXT = 'This endnote explains the salt trade in detail.';

/** Part > chapter > section, with every kind of thing a reader must skip or treat specially. */
export function nestedBook(cover?: Buffer): EpubSpec {
  return {
    version: 3,
    title: 'The Salt Road',
    creators: ['Ada Marsh', 'Tom Reed'],
    language: 'en-GB',
    description: '&lt;p&gt;A journey along the &lt;b&gt;salt road&lt;/b&gt;.&lt;/p&gt;',
    coverId: cover ? 'cover-image' : undefined,
    extra: [
      ...(cover ? [{ id: 'cover-image', file: 'images/cover.png', data: cover, mediaType: 'image/png', properties: 'cover-image' }] : []),
      { id: 'lexicon', file: 'lexicon.pls', data: BOOK_LEXICON, mediaType: 'application/pls+xml' },
      { id: 'map', file: 'images/map.png', data: TINY_PNG, mediaType: 'image/png' },
    ],
    pages: [
      { id: 'cover', file: 'cover.xhtml', body: `<section epub:type="cover"><img src="images/${cover ? 'cover' : 'map'}.png" alt="A teal square"/></section>` },
      { id: 'title', file: 'title.xhtml', body: '<section epub:type="titlepage"><h1>The Salt Road</h1><p>Ada Marsh and Tom Reed</p></section>' },
      { id: 'copyright', file: 'copyright.xhtml', body: '<section><p>Copyright 2026 Ada Marsh. All rights reserved.</p></section>' },
      { id: 'part1', file: 'part1.xhtml', body: '<section epub:type="part"><h1>Part One: The Coast</h1></section>' },
      {
        id: 'c1',
        file: 'c1.xhtml',
        head: '<link rel="pronunciation" type="application/pls+xml" href="lexicon.pls"/>',
        body: `<section epub:type="chapter"><h2>Chapter 1</h2><h3>Arrival</h3>
<p>${CH1_INTRO}<a epub:type="noteref" href="notes.xhtml#n1" id="r1">1</a></p>
<span epub:type="pagebreak" id="page7" title="7"/>
<p>The <span ssml:ph="ˈzɛfər">Zephyr</span> met the Quillon at the Marrow.</p>
<figure><img src="images/map.png" alt="A map of the coast road"/><figcaption>The coast road in winter.</figcaption></figure>
<pre>10 PRINT "SALT"</pre>
<h3 id="market">The market</h3>
<p>${CH1_SECTION}</p></section>`,
      },
      { id: 'c2', file: 'c2.xhtml', body: `<section epub:type="chapter"><h2>Chapter 2</h2><p>${CH2_TEXT}</p><ul><li>Three sacks of salt</li><li>A lantern</li></ul></section>` },
      { id: 'part2', file: 'part2.xhtml', body: '<section epub:type="part"><h1>Part Two: Inland</h1></section>' },
      { id: 'c3', file: 'c3.xhtml', body: `<section epub:type="chapter"><h2>Chapter 3</h2><blockquote><p>${CH3_TEXT}</p></blockquote></section>` },
      { id: 'notes', file: 'notes.xhtml', body: `<section epub:type="endnotes"><h2>Notes</h2><aside epub:type="endnote" id="n1"><p>${NOTE_TEXT}</p></aside></section>` },
    ],
    toc: [
      { title: 'Title Page', href: 'title.xhtml' },
      {
        title: 'Part One: The Coast',
        href: 'part1.xhtml',
        children: [
          { title: 'Chapter 1. Arrival', href: 'c1.xhtml', children: [{ title: 'The market', href: 'c1.xhtml#market' }] },
          { title: 'Chapter 2', href: 'c2.xhtml' },
        ],
      },
      { title: 'Part Two: Inland', href: 'part2.xhtml', children: [{ title: 'Chapter 3', href: 'c3.xhtml' }] },
      { title: 'Notes', href: 'notes.xhtml' },
    ],
    landmarks: [
      ['copyright-page', 'copyright.xhtml'],
      ['bodymatter', 'part1.xhtml'],
    ],
  };
}

/** EPUB 2: NCX, a guide naming the title page, a flat list of chapters. */
export function epub2Book(): EpubSpec {
  return {
    version: 2,
    title: 'Letters from the Fen',
    creators: ['June Hollow'],
    language: 'en',
    pages: [
      { id: 'tp', file: 'tp.html', body: '<div><h1>Letters from the Fen</h1><p>June Hollow</p></div>' },
      { id: 'l1', file: 'l1.html', body: `<h2>First Letter</h2><p>${sentences('reed', 5)}</p>` },
      { id: 'l2', file: 'l2.html', body: `<h2>Second Letter</h2><p>${sentences('heron', 5)}</p>` },
    ],
    toc: [
      { title: 'First Letter', href: 'l1.html' },
      { title: 'Second Letter', href: 'l2.html' },
    ],
    guide: [
      ['title-page', 'Title Page', 'tp.html'],
      ['text', 'Text', 'l1.html'],
    ],
  };
}

/** EPUB 3, flat nav, all chapters in one file: `all.xhtml#id` entries split it. */
export function flatSplitBook(): EpubSpec {
  return {
    version: 3,
    title: 'Three Small Rooms',
    creators: ['Ivo Lark'],
    pages: [
      {
        id: 'all',
        file: 'all.xhtml',
        body: ['one', 'two', 'three'].map((n) => `<section id="room-${n}"><h2>Room ${n}</h2><p>${sentences(`room${n}`, 4)}</p></section>`).join('\n'),
      },
    ],
    toc: ['one', 'two', 'three'].map((n) => ({ title: `The ${n} room`, href: `all.xhtml#room-${n}` })),
  };
}

/** An anthology: section > author > story. The stories are the chapters. */
export function anthologyBook(): EpubSpec {
  const story = (id: string, title: string, tag: string, n: number) => ({ id, file: `${id}.xhtml`, body: `<h3>${title}</h3><p>${sentences(tag, n)}</p>` });
  return {
    version: 3,
    title: 'Tides: An Anthology',
    creators: ['Various'],
    pages: [
      { id: 'fiction', file: 'fiction.xhtml', body: '<h1>Fiction</h1>' },
      { id: 'ann', file: 'ann.xhtml', body: '<h2>Ann Vale</h2><p>Ann Vale writes from a small island.</p>' },
      story('s1', 'The Ferry', 'ferry', 30),
      story('s2', 'Low Water', 'lowwater', 30),
      { id: 'ben', file: 'ben.xhtml', body: '<h2>Ben Okafor</h2><p>Ben Okafor lives by an estuary.</p>' },
      story('s3', 'Driftwood', 'driftwood', 30),
      { id: 'poetry', file: 'poetry.xhtml', body: '<h1>Poetry</h1>' },
      { id: 'cal', file: 'cal.xhtml', body: '<h2>Cal Moss</h2>' },
      story('s4', 'Spring Tide', 'springtide', 6),
    ],
    toc: [
      {
        title: 'Fiction',
        href: 'fiction.xhtml',
        children: [
          { title: 'Ann Vale', href: 'ann.xhtml', children: [{ title: 'The Ferry', href: 's1.xhtml' }, { title: 'Low Water', href: 's2.xhtml' }] },
          { title: 'Ben Okafor', href: 'ben.xhtml', children: [{ title: 'Driftwood', href: 's3.xhtml' }] },
        ],
      },
      { title: 'Poetry', href: 'poetry.xhtml', children: [{ title: 'Cal Moss', href: 'cal.xhtml', children: [{ title: 'Spring Tide', href: 's4.xhtml' }] }] },
    ],
  };
}

/** Chapters whose sections share the chapter's file: the chapters stay whole. */
export function sectionedBook(): EpubSpec {
  const chapter = (n: number) => ({
    id: `ch${n}`,
    file: `ch${n}.xhtml`,
    body: `<h1>Chapter ${n}</h1><p>${sentences(`intro${n}`, 3)}</p><h2 id="a">Section ${n}.1</h2><p>${sentences(`first${n}`, 6)}</p><h2 id="b">Section ${n}.2</h2><p>${sentences(`second${n}`, 6)}</p>`,
  });
  return {
    version: 3,
    title: 'Field Notes',
    creators: ['R. Fenn'],
    pages: [chapter(1), chapter(2)],
    toc: [1, 2].map((n) => ({
      title: `Chapter ${n}`,
      href: `ch${n}.xhtml`,
      children: [
        { title: `Section ${n}.1`, href: `ch${n}.xhtml#a` },
        { title: `Section ${n}.2`, href: `ch${n}.xhtml#b` },
      ],
    })),
  };
}

/** No table of contents at all (not valid EPUB 3, but such books are sold): chapters come from the headings. */
export function noTocBook(): EpubSpec {
  return {
    version: 3,
    title: 'Untitled Walks',
    pages: [
      { id: 'w1', file: 'w1.xhtml', body: `<h2>The Hill Walk</h2><p>${sentences('hill', 3)}</p><h3>A stile</h3><p>${sentences('stile', 2)}</p>` },
      { id: 'w2', file: 'w2.xhtml', body: `<h2>The Shore Walk</h2><p>${sentences('shore', 3)}</p>` },
    ],
    toc: [],
  };
}
