// The shared HTML-to-document rules (src/document/html.ts), used by the EPUB and web readers.
import { describe, expect, it } from 'vitest';
import { htmlBlocks, type HtmlReadOptions } from '../../src/document/html.js';
import { parseHtml, parseXmlDocument } from '../../src/util/dom.js';
import type { Block } from '../../src/document/blocks.js';

function blocksOf(body: string, options: Partial<HtmlReadOptions> = {}) {
  const doc = parseHtml(`<!DOCTYPE html><html><body>${body}</body></html>`);
  return htmlBlocks(doc.querySelector('body')!, { file: 'page.html', ...options });
}

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'anchor' ? `#${b.id}` : `${b.kind}: ${b.text.replace(/\s+/g, ' ').trim()}`));

describe('HTML to blocks', () => {
  it('reads headings, paragraphs, list items, quotes and captions as blocks; inline markup as text', () => {
    const { blocks } = blocksOf(
      '<h2>The Harbor</h2><p>A <em>calm</em> <a href="#">day</a>.</p><ul><li>Rope</li><li>Tar<ol><li>Pine tar</li></ol></li></ul><blockquote><p>Quoted words.</p></blockquote><figure><img alt="gulls"><figcaption>Gulls at rest.</figcaption></figure>',
    );
    expect(texts(blocks)).toEqual(['chapter: The Harbor', 'paragraph: A calm day.', 'paragraph: Rope', 'paragraph: Tar', 'paragraph: Pine tar', 'paragraph: Quoted words.', 'paragraph: Gulls at rest.']);
  });

  it('reads a table row by row, cells joined by commas, the caption first', () => {
    const { blocks } = blocksOf('<table><caption>Tides</caption><tr><th>Day</th><th>High</th></tr><tr><td>Monday</td><td>6:10</td></tr></table>');
    expect(texts(blocks)).toEqual(['paragraph: Tides', 'paragraph: Day, High', 'paragraph: Monday, 6:10']);
  });

  it('skips and lists code blocks and notes; ignores scripts, navigation, hidden parts and page numbers', () => {
    const { blocks, skipped } = blocksOf(
      '<nav>Home | About</nav><script>var x = 1;</script><p hidden>Secret.</p><p>Text<a role="doc-noteref" href="#n">3</a> here.<span role="doc-pagebreak" aria-label="12">12</span></p><pre>make all</pre><aside role="doc-footnote" id="n">A footnote.</aside>',
    );
    expect(texts(blocks)).toEqual(['paragraph: Text here.']);
    expect(skipped.map((s) => [s.reason, s.text])).toEqual([
      ['code', 'make all'],
      ['note', 'A footnote.'],
    ]);
  });

  it('lets the caller decide what headings are and what else to skip', () => {
    const { blocks, skipped } = blocksOf('<h1>Title</h1><h3>Sub</h3><div class="ad"><p>Buy now.</p></div><p>Body.</p>', {
      heading: (level) => (level === 1 ? 'book-title' : 'paragraph'),
      skip: (el) => (el.getAttribute('class') === 'ad' ? 'advert' : undefined),
    });
    expect(texts(blocks)).toEqual(['book-title: Title', 'paragraph: Sub', 'paragraph: Body.']);
    expect(skipped[0]).toMatchObject({ reason: 'advert', text: 'Buy now.' });
  });

  it('marks a line break as a pause and carries ssml:ph as a phoneme', () => {
    const doc = parseXmlDocument(
      '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:s="http://www.w3.org/2001/10/synthesis"><body s:alphabet="ipa"><p>Roses are red,<br/>the <span s:ph="ˈkeɪ">quay</span> is wet.</p></body></html>',
    );
    const { blocks } = htmlBlocks(doc.querySelector('body')!, { file: 'c.xhtml' });
    const p = blocks[0] as Extract<Block, { kind: 'paragraph' }>;
    expect(p.inlines).toEqual([
      { kind: 'text', text: 'Roses are red, ' },
      { kind: 'break', strength: 'weak' },
      { kind: 'text', text: ' the ' },
      { kind: 'phoneme', text: 'quay', ph: 'ˈkeɪ', alphabet: 'ipa' },
      { kind: 'text', text: ' is wet.' },
    ]);
  });

  it('emits an anchor where a requested id starts, splitting a paragraph there, and names places by the nearest id', () => {
    const { blocks } = blocksOf('<section id="one"><p>First.</p></section><p>Before <span id="two"></span>after.</p>', { anchors: new Set(['two']) });
    expect(texts(blocks)).toEqual(['paragraph: First.', 'paragraph: Before', '#two', 'paragraph: after.']);
    expect(blocks[0]).toMatchObject({ line: 1, place: '#one, block 1' });
  });
});

describe('HTML from books made before epub:type', () => {
  it('keeps page numbers and note anchors marked by class out of the sentence, and skips class-marked notes', () => {
    const { blocks, skipped } = blocksOf(
      '<p>The tide<span class="pagenum"><a id="Page_12">[12]</a></span> turned.<a href="#f1" class="fnanchor">[1]</a></p><div class="footnote"><p>[1] A note.</p></div>',
    );
    expect(texts(blocks)).toEqual(['paragraph: The tide turned.']);
    expect(skipped.map((s) => s.reason)).toEqual(['note']);
  });

  it('reads the named entities of the XHTML DTD', () => {
    const doc = parseXmlDocument('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Caf&eacute;&nbsp;by the quay &mdash; closed &amp; dark.</p></body></html>');
    expect(texts(htmlBlocks(doc.querySelector('body')!, { file: 'c.xhtml' }).blocks)).toEqual(['paragraph: Café by the quay — closed & dark.']);
  });
});
