// Which table-of-contents entries are the book's chapters, and the text of each.
//
// The spine's documents are read into one stream of blocks; each TOC entry points at a
// place in it (a file's start, or an element id: `ch03.xhtml#sec2` splits there). An
// entry's own text runs to the next entry's place. The chapter level is chosen top down:
//  - the book's own semantics first: entries whose targets say epub:type="chapter" are
//    chapters; "part", "volume" and "division" hold chapters, so look one level deeper;
//  - otherwise a level is a set of containers, and the level below holds the chapters,
//    when its entries carry little text of their own (at most 20% of what they hold, a
//    part title page or an author's note) and their children either start files of their
//    own (publishers split books into files by chapter) or the entries are longer than
//    any chapter (over 15,000 words each, typically). A chapter's sections share the
//    chapter's file and follow its opening text, so they stay inside it.
// Chapters are the entries at the chosen level, and shallower entries with no children
// (a prologue beside parts). A container's own text is a chapter when it is substantial
// (an introduction); a container with only its title has the title read at the start of
// its first chapter. Nothing is ever a chapter without text.
import type { Block } from '../document/blocks.js';
import type { TocEntry } from './toc.js';

export interface SpineDocument {
  path: string;
  blocks: Block[];
  /** Semantic types (epub:type, role) at the file's start and at each requested id. */
  targetTypes: Map<string, Set<string>>;
}

export interface PlacedEntry {
  entry: TocEntry;
  /** Index into the stream, or undefined when the entry's target is not read. */
  position?: number;
  parent?: PlacedEntry;
  children: PlacedEntry[];
  ownWords: number;
  totalWords: number;
  startsFile: boolean;
  types: Set<string>;
}

export interface ChapterPlan {
  blocks: Block[];
  level: number;
  /** Words before the first entry, not read. */
  unlistedWords: number;
  unlistedExcerpt: string;
}

const CONTAINER_OWN_SHARE = 0.2;
const CONTAINER_OWN_MAX_WORDS = 1500;
const LONGER_THAN_A_CHAPTER = 15_000;
/** A container's own text reads as a chapter of its own from this many words (an introduction, not a title page). */
const SUBSTANTIAL_WORDS = 40;
const CONTAINER_TYPES = ['part', 'volume', 'division'];

export function wordsIn(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.kind === 'paragraph') n += countWords(b.text);
  return n;
}

function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

export function planChapters(docs: SpineDocument[], toc: TocEntry[]): ChapterPlan {
  const stream: Block[] = [];
  const docStart = new Map<string, number>();
  const anchorAt = new Map<string, number>();
  for (const doc of docs) {
    docStart.set(doc.path, stream.length);
    for (const b of doc.blocks) {
      if (b.kind === 'anchor') anchorAt.set(`${doc.path}#${b.id}`, stream.length);
      stream.push(b);
    }
  }
  const typesOf = (e: TocEntry) => docs.find((d) => d.path === e.path)?.targetTypes.get(e.fragment ?? '') ?? new Set<string>();
  const placed: PlacedEntry[] = [];
  const place = (entry: TocEntry, parent?: PlacedEntry): PlacedEntry => {
    const start = entry.path !== undefined ? docStart.get(entry.path) : undefined;
    const anchored = entry.fragment !== undefined && entry.path !== undefined ? anchorAt.get(`${entry.path}#${entry.fragment}`) : undefined;
    const position = anchored ?? start;
    const startsFile = start !== undefined && (anchored === undefined || !stream.slice(start, anchored).some((b) => b.kind === 'paragraph'));
    const p: PlacedEntry = { entry, position, parent, children: [], ownWords: 0, totalWords: 0, startsFile, types: typesOf(entry) };
    placed.push(p);
    p.children = entry.children.map((c) => place(c, p));
    return p;
  };
  const roots = toc.map((e) => place(e));

  // Document order; a parent before its first child at the same place (it was placed first).
  const ordered = placed.filter((p) => p.position !== undefined).sort((a, b) => a.position! - b.position!);
  const endOf = new Map<PlacedEntry, number>();
  ordered.forEach((p, i) => {
    const next = ordered.slice(i + 1).find((q) => q.position! > p.position!);
    endOf.set(p, next?.position ?? stream.length);
    // Several entries at one place: only the last of them owns the text there.
    const sameNext = ordered[i + 1]?.position === p.position;
    p.ownWords = sameNext ? 0 : wordsIn(stream.slice(p.position, endOf.get(p)));
    if (sameNext) endOf.set(p, p.position!);
  });
  const total = (p: PlacedEntry): number => (p.totalWords = p.ownWords + p.children.reduce((n, c) => n + total(c), 0));
  roots.forEach(total);

  const level = chooseLevel(placed);
  const isChapter = (p: PlacedEntry) => p.entry.depth === level || (p.entry.depth < level && p.children.every((c) => c.totalWords === 0));
  const isBoundary = (p: PlacedEntry) => p.entry.depth <= level;
  const boundaries = ordered.filter(isBoundary);

  const blocks: Block[] = [];
  let carried: Block[] = [];
  const first = boundaries[0]?.position ?? stream.length;
  const unlisted = stream.slice(0, first);
  boundaries.forEach((p, i) => {
    const end = boundaries.slice(i + 1).find((q) => q.position! > p.position!)?.position ?? stream.length;
    if (i + 1 < boundaries.length && boundaries[i + 1]!.position === p.position) {
      return; // the next boundary at the same place owns the text
    }
    const range = stream.slice(p.position, end);
    const title = p.entry.title || firstHeading(range) || 'Untitled';
    if (!isChapter(p) && wordsIn(range) < SUBSTANTIAL_WORDS) {
      // A part's title page: its title is heard at the start of its first chapter.
      carried.push(...headingsAsText(range.length ? range : [{ kind: 'chapter', text: title, line: 0 }], ''));
      return;
    }
    blocks.push({ kind: 'chapter', text: title, line: range[0]?.line ?? 0, place: range[0]?.place }, ...carried, ...headingsAsText(range, title));
    carried = [];
  });
  return { blocks, level, unlistedWords: wordsIn(unlisted), unlistedExcerpt: excerpt(unlisted) };
}

function excerpt(blocks: Block[]): string {
  const text = blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text).join(' ').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function firstHeading(range: Block[]): string | undefined {
  return range.find((b) => b.kind === 'chapter' || b.kind === 'book-title')?.text as string | undefined;
}

const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Headings inside a chapter's text are read as paragraphs, except the chapter's own
 * heading (already heard as its title): those before the first paragraph that repeat
 * part of the title.
 */
function headingsAsText(range: Block[], title: string): Block[] {
  const t = normal(title);
  const out: Block[] = [];
  let seenText = false;
  for (const b of range) {
    if (b.kind === 'paragraph') {
      seenText = true;
      out.push(b);
    } else if (b.kind === 'chapter' || b.kind === 'book-title') {
      const h = normal(b.text);
      if (!seenText && t !== '' && h !== '' && (t.includes(h) || h.includes(t))) continue;
      out.push({ kind: 'paragraph', text: b.text, line: b.line, place: b.place, inlines: [{ kind: 'text', text: b.text }] });
    }
  }
  return out;
}

/** The TOC depth whose entries are the book's chapters (see the file's head). */
export function chooseLevel(placed: PlacedEntry[]): number {
  const maxDepth = Math.max(1, ...placed.map((p) => p.entry.depth));
  for (let depth = 1; depth < maxDepth; depth++) {
    const atDepth = placed.filter((p) => p.entry.depth === depth && p.totalWords > 0);
    const parents = atDepth.filter((p) => p.children.some((c) => c.totalWords > 0));
    if (parents.length === 0) return depth;
    const typed = (types: string[]) => atDepth.filter((p) => types.some((t) => p.types.has(t))).length;
    if (typed(['chapter']) * 2 >= atDepth.length && typed(['chapter']) > 0) return depth;
    if (typed(CONTAINER_TYPES) * 2 >= atDepth.length && typed(CONTAINER_TYPES) > 0) continue;
    const parentWords = parents.reduce((n, p) => n + p.totalWords, 0);
    const containerWords = parents.filter(isContainer).reduce((n, p) => n + p.totalWords, 0);
    if (containerWords * 2 < parentWords) return depth;
  }
  return maxDepth;
}

function isContainer(p: PlacedEntry): boolean {
  if (p.ownWords > CONTAINER_OWN_SHARE * p.totalWords || p.ownWords > CONTAINER_OWN_MAX_WORDS) return false;
  const children = p.children.filter((c) => c.totalWords > 0);
  const ownFiles = children.filter((c) => c.startsFile && c.entry.path !== p.entry.path).length;
  return ownFiles * 2 >= children.length || p.totalWords > LONGER_THAN_A_CHAPTER;
}
