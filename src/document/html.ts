// HTML and XHTML → the document stage's Block[] (shared by the EPUB and web readers),
// so the rest of the pipeline cannot tell an HTML story from a Markdown one.
//
// The reading rules (README "What narrate skips"):
// - Headings become what the caller decides (chapter, book title, a paragraph, or nothing).
// - Paragraphs, list items, definition terms and descriptions, block-quote paragraphs and
//   figure captions are each read as a paragraph; inline elements are flattened to text.
// - Tables are read row by row, one paragraph per row, cells separated by commas; the
//   caption first. Preformatted blocks (<pre>: code, ASCII art) are skipped and listed.
// - Figures are read by their caption; image alt text only with describeImages.
// - Page-break markers are silent; note references are not read; notes themselves
//   (footnotes, endnotes) are skipped and listed unless `notes` is set. Found by
//   epub:type or ARIA role, or by the class names older books use (pagenum, fnanchor,
//   footnote). Project Gutenberg's header and licence (#pg-header, #pg-footer) are skipped.
// - script, style, nav, aside, forms, media, hidden elements and ruby annotations are ignored.
// - ssml:ph on an element reads its text with that pronunciation (a 'phoneme' inline).
import type { Inline, SourceLocation } from '../types.js';
import type { Block } from './blocks.js';
import { attributeIn, isElement, nameOf, namespacePrefixes, CDATA_SECTION_NODE, TEXT_NODE, type DomElement, type DomNode } from '../util/dom.js';

export const OPS_NAMESPACE = 'http://www.idpf.org/2007/ops';
export const SSML_NAMESPACE = 'http://www.w3.org/2001/10/synthesis';

export type HeadingRole = 'book-title' | 'chapter' | 'paragraph' | 'skip';

export interface HtmlReadOptions {
  /** Names the source in locations, e.g. "book.epub/OEBPS/ch01.xhtml" or "article.html". */
  file: string;
  /** What a heading becomes; default: every heading starts a chapter. */
  heading?: (level: number, text: string, el: DomElement) => HeadingRole;
  /** A caller's reason to skip an element (and all inside it), or undefined to read it. */
  skip?: (el: DomElement) => string | undefined;
  /** Read footnotes and endnotes where they stand (default: skipped and listed). */
  notes?: boolean;
  /** Read image alt text (default: only figure captions are read). */
  describeImages?: boolean;
  /** Element ids to split at: an 'anchor' block is emitted where each one starts. */
  anchors?: ReadonlySet<string>;
  /** Line number of the first block (blocks are numbered in document order). */
  firstLine?: number;
}

/** Something not read, for --dry-run. */
export interface SkippedPart {
  reason: string;
  /** The start of its text, for the listing. */
  text: string;
  location: SourceLocation;
}

export interface HtmlBlocks {
  blocks: Block[];
  skipped: SkippedPart[];
  /** The next free line number (pass as firstLine to continue a numbering). */
  nextLine: number;
}

/** Elements that are never read. */
const IGNORED = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'nav', 'iframe', 'object', 'embed', 'audio', 'video', 'canvas', 'svg', 'math',
  'form', 'button', 'input', 'select', 'textarea', 'map', 'rt', 'rp', 'link', 'meta', 'title', 'base', 'dialog',
]);

/** Elements that hold blocks; anything else is flattened into the surrounding paragraph. */
const BLOCK = new Set([
  'html', 'body', 'main', 'article', 'section', 'div', 'header', 'footer', 'p', 'blockquote', 'figure', 'figcaption', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'pre', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hgroup', 'address', 'details', 'summary', 'center', 'aside', 'nav', 'fieldset', 'legend', 'menu', 'search', 'switch', 'case', 'default',
  'colgroup', 'col', 'picture', 'object',
]);

const NOTE_TYPES = ['footnote', 'endnote', 'rearnote', 'footnotes', 'endnotes', 'rearnotes', 'note'];
/**
 * Class names that mean the same in books made before epub:type (Project Gutenberg,
 * word-processor exports): page numbers, note references and notes.
 */
const PAGE_NUMBER_CLASSES = /^(pagenum|pagenumber|page-number|pageno|page-num)$/i;
const NOTEREF_CLASSES = /^(fnanchor|noteref|footnote-ref|footnote-reference|endnote-ref)$/i;
const NOTE_CLASSES = /^(footnote|footnotes|endnote|endnotes)$/i;
/** Project Gutenberg's header and licence around the book. */
const BOILERPLATE_IDS = new Set(['pg-header', 'pg-footer']);
const HEADING = /^h([1-6])$/;
const EXCERPT_CHARS = 60;

/**
 * The semantic types of an element: its epub:type tokens and its ARIA role with "doc-"
 * removed, so `epub:type="footnote"` and `role="doc-footnote"` both give "footnote".
 */
export function semanticTypes(el: DomElement, prefixes: ReadonlyMap<string, string>): Set<string> {
  const types = new Set<string>();
  const epubType = attributeIn(el, OPS_NAMESPACE, 'type', prefixes) ?? el.getAttribute('epub:type');
  for (const t of (epubType ?? '').split(/\s+/)) if (t) types.add(t.toLowerCase());
  for (const r of (el.getAttribute('role') ?? '').split(/\s+/)) if (r) types.add(r.toLowerCase().replace(/^doc-/, ''));
  return types;
}

export function htmlBlocks(root: DomElement, options: HtmlReadOptions): HtmlBlocks {
  const reader = new HtmlReader(root, options);
  reader.readBlock(root);
  reader.flush();
  return { blocks: reader.blocks, skipped: reader.skipped, nextLine: reader.line };
}

/** The text a listener would hear from an element (notes, page breaks and the ignored left out). */
export function spokenTextOf(el: DomElement, options: Omit<HtmlReadOptions, 'file'> = {}): string {
  const reader = new HtmlReader(el, { file: '', ...options });
  const inlines: Inline[] = [];
  reader.collectInlines(el, inlines);
  return inlines.map(inlineText).join('').replace(/\s+/g, ' ').trim();
}

function inlineText(i: Inline): string {
  return i.kind === 'break' ? '' : i.text;
}

class HtmlReader {
  readonly blocks: Block[] = [];
  readonly skipped: SkippedPart[] = [];
  line: number;
  private pending: Inline[] = [];
  private lastId?: string;
  /** The nearest id before the block being gathered: names where it is. */
  private placeId?: string;
  private readonly prefixes: ReadonlyMap<string, string>;

  constructor(
    root: DomElement,
    private readonly options: HtmlReadOptions,
  ) {
    this.line = options.firstLine ?? 1;
    this.prefixes = namespacePrefixes(root, { [OPS_NAMESPACE]: 'epub', [SSML_NAMESPACE]: 'ssml' });
  }

  /** Why an element is not read (undefined: read it); '' means silently. */
  private skipReason(el: DomElement, name: string): string | undefined {
    if (IGNORED.has(name) || el.hasAttribute('hidden')) return '';
    const types = semanticTypes(el, this.prefixes);
    const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    if (types.has('pagebreak') || classes.some((c) => PAGE_NUMBER_CLASSES.test(c))) return '';
    if (types.has('noteref') || classes.some((c) => NOTEREF_CLASSES.test(c))) return '';
    const custom = this.options.skip?.(el);
    if (custom !== undefined) return custom;
    if (NOTE_TYPES.some((t) => types.has(t)) || classes.some((c) => NOTE_CLASSES.test(c))) return this.options.notes ? undefined : 'note';
    if (BOILERPLATE_IDS.has(el.getAttribute('id') ?? '')) return 'Project Gutenberg header or licence';
    if (name === 'aside') return 'aside';
    if (name === 'pre') return 'code';
    return undefined;
  }

  private location(): SourceLocation {
    const n = this.line;
    return { file: this.options.file, line: n, place: this.placeId ? `#${this.placeId}, block ${n}` : `block ${n}` };
  }

  private noteSkip(el: DomElement, reason: string): void {
    if (reason === '') return;
    const text = spokenTextOf(el, { notes: true, describeImages: this.options.describeImages });
    this.skipped.push({ reason, text: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text, location: this.location() });
  }

  private seeId(el: DomElement): void {
    const id = el.getAttribute('id');
    if (!id) return;
    if (this.options.anchors?.has(id)) {
      this.flush();
      this.blocks.push({ kind: 'anchor', id, line: this.line++, place: `#${id}` });
    }
    this.lastId = id;
    if (this.pending.length === 0) this.placeId = id;
  }

  flush(): void {
    const inlines = tidy(this.pending);
    this.pending = [];
    if (inlines.length === 0) return;
    const text = inlines.map(inlineText).join('');
    if (text.trim() === '') return;
    const loc = this.location();
    this.blocks.push({ kind: 'paragraph', text, inlines, line: this.line++, place: loc.place });
    this.placeId = this.lastId;
  }

  readBlock(el: DomElement): void {
    for (const child of Array.from(el.childNodes)) this.readNode(child);
  }

  private readNode(node: DomNode): void {
    if (!isElement(node)) {
      if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) this.pending.push({ kind: 'text', text: node.textContent ?? '' });
      return;
    }
    const name = nameOf(node);
    const reason = this.skipReason(node, name);
    if (reason !== undefined) {
      if (BLOCK.has(name)) this.flush();
      this.noteSkip(node, reason);
      return;
    }
    if (!BLOCK.has(name)) {
      this.readInline(node, name, this.pending);
      return;
    }
    this.flush();
    this.seeId(node);
    const heading = HEADING.exec(name);
    if (heading) return this.readHeading(node, Number(heading[1]));
    if (name === 'hgroup') {
      // A heading with its subtitle ("Chapter I" + "The Beginning") is one heading.
      const first = Array.from(node.children).find((c) => HEADING.test(nameOf(c)));
      if (first) return this.readHeading(node, Number(nameOf(first).slice(1)));
    }
    switch (name) {
      case 'hr':
      case 'col':
      case 'colgroup':
        return;
      case 'tr':
        return this.readRow(node);
      case 'figure':
        return this.readFigure(node);
      default:
        this.readBlock(node);
        this.flush();
    }
  }

  private readHeading(el: DomElement, level: number): void {
    const inlines: Inline[] = [];
    this.collectInlines(el, inlines);
    const tidied = tidy(inlines);
    const text = tidied.map(inlineText).join('').replace(/\s+/g, ' ').trim();
    if (text === '') return;
    const role = this.options.heading?.(level, text, el) ?? 'chapter';
    if (role === 'skip') return;
    if (role === 'paragraph') {
      this.pending = tidied;
      this.flush();
      return;
    }
    const place = this.location().place;
    this.blocks.push(role === 'chapter' ? { kind: role, text, line: this.line++, place, level } : { kind: role, text, line: this.line++, place });
    this.placeId = this.lastId;
  }

  /** One paragraph per table row: "cell, cell, cell". */
  private readRow(tr: DomElement): void {
    const cells = Array.from(tr.children).filter((c) => nameOf(c) === 'td' || nameOf(c) === 'th');
    cells.forEach((cell, i) => {
      const before = this.pending.length;
      this.collectInlines(cell, this.pending);
      const added = this.pending.slice(before).map(inlineText).join('').trim();
      if (added === '') this.pending.length = before;
      else if (i < cells.length - 1) this.pending.push({ kind: 'text', text: ', ' });
    });
    this.pending = tidy(this.pending);
    const last = this.pending[this.pending.length - 1];
    if (last?.kind === 'text') last.text = last.text.replace(/,\s*$/, '');
    this.flush();
  }

  /** A figure is read by its caption; its images' alt text only with describeImages. */
  private readFigure(figure: DomElement): void {
    for (const child of Array.from(figure.childNodes)) {
      if (isElement(child) && nameOf(child) !== 'figcaption' && !BLOCK.has(nameOf(child))) {
        if (this.options.describeImages) this.readInline(child, nameOf(child), this.pending);
        continue;
      }
      this.readNode(child);
    }
    this.flush();
  }

  /** Flattens an element's content (blocks inside included) into inlines. */
  collectInlines(el: DomElement, out: Inline[]): void {
    for (const child of Array.from(el.childNodes)) {
      if (!isElement(child)) {
        if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) out.push({ kind: 'text', text: child.textContent ?? '' });
        continue;
      }
      const name = nameOf(child);
      const reason = this.skipReason(child, name);
      if (reason !== undefined) continue;
      if (BLOCK.has(name)) {
        out.push({ kind: 'text', text: ' ' });
        this.collectInlines(child, out);
        out.push({ kind: 'text', text: ' ' });
      } else {
        this.readInline(child, name, out);
      }
    }
  }

  private readInline(el: DomElement, name: string, out: Inline[]): void {
    const reason = this.skipReason(el, name);
    if (reason !== undefined) return this.noteSkip(el, reason);
    if (out === this.pending) this.seeId(el);
    switch (name) {
      case 'br':
        out.push({ kind: 'text', text: ' ' }, { kind: 'break', strength: 'weak' }, { kind: 'text', text: ' ' });
        return;
      case 'img':
      case 'area': {
        const alt = (el.getAttribute('alt') ?? '').trim();
        if (alt !== '' && this.options.describeImages) out.push({ kind: 'text', text: ` ${alt} ` });
        return;
      }
      case 'wbr':
        return;
    }
    const ph = attributeIn(el, SSML_NAMESPACE, 'ph', this.prefixes);
    if (ph !== undefined && ph.trim() !== '') {
      const text = spokenTextOf(el).trim();
      const alphabet = this.alphabetFor(el);
      if (text !== '' && alphabet) {
        out.push({ kind: 'text', text: ' ' }, { kind: 'phoneme', text, ph: ph.trim(), alphabet }, { kind: 'text', text: ' ' });
        return;
      }
    }
    if (out === this.pending) {
      for (const child of Array.from(el.childNodes)) {
        if (isElement(child)) this.readInline(child, nameOf(child), out);
        else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) out.push({ kind: 'text', text: child.textContent ?? '' });
      }
    } else {
      this.collectInlines(el, out);
    }
  }

  /** ssml:alphabet is inherited; IPA when none is given. Unknown alphabets are read as text. */
  private alphabetFor(el: DomElement): 'ipa' | 'x-sampa' | undefined {
    for (let n: DomNode | null = el; n && isElement(n); n = n.parentNode) {
      const a = attributeIn(n, SSML_NAMESPACE, 'alphabet', this.prefixes);
      if (a !== undefined) {
        const lower = a.trim().toLowerCase();
        return lower === 'ipa' || lower === 'x-sampa' ? lower : undefined;
      }
    }
    return 'ipa';
  }
}

/**
 * Joins neighbouring text, folds white space (keeping "\n" for line breaks), and trims
 * the ends, so a paragraph's inlines read as its visible text does.
 */
function tidy(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of inlines) {
    const last = out[out.length - 1];
    if (i.kind === 'text' && last?.kind === 'text') last.text += i.text;
    else out.push(i.kind === 'text' ? { ...i } : i);
  }
  // Source line breaks are formatting; only <br> (a break inline) breaks a line.
  for (const i of out) if (i.kind === 'text') i.text = i.text.replace(/[ \t\n\r\f]+/g, ' ');
  while (out.length && isBlank(out[0]!)) out.shift();
  while (out.length && isBlank(out[out.length - 1]!)) out.pop();
  const first = out[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text = last.text.trimEnd();
  return out;
}

function isBlank(i: Inline): boolean {
  return i.kind === 'break' || (i.kind === 'text' && i.text.trim() === '');
}
