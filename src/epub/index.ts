// The EPUB reader: an .epub file → the same BookDocument a Markdown script gives.
// ZIP container (zip.ts) → package (package.ts) → table of contents (toc.ts) → each
// spine document through the shared HTML module (src/document/html.ts) → chapters
// (chapters.ts). Front and back matter, notes and anything else not read are listed.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { bookFromBlocks } from '../document/index.js';
import { htmlBlocks, semanticTypes, type HeadingRole, type SkippedPart } from '../document/html.js';
import type { Block } from '../document/blocks.js';
import { NarrateError } from '../errors.js';
import { parseLexicon, type Lexicon } from '../lexicon/index.js';
import type { BookDocument } from '../types.js';
import { nameOf, namespacePrefixes, type DomElement } from '../util/dom.js';
import { planChapters, wordsIn, type SpineDocument } from './chapters.js';
import { decodeText, elementsNamed, readPackage, readXmlEntry, resolveHref, type EpubPackage } from './package.js';
import { readToc, type BookToc, type TocEntry } from './toc.js';
import { openEpubZip, type EpubZip } from './zip.js';

export interface EpubReadOptions {
  /** Read footnotes and endnotes (default: skipped). */
  notes?: boolean;
  /** Read image alt text (default: figures by caption only). */
  describeImages?: boolean;
  /** Called for a problem that does not stop the run. */
  onNote?: (message: string) => void;
}

export interface EpubBook {
  book: BookDocument;
  skipped: SkippedPart[];
  /** The book's own PLS lexicons (<link rel="pronunciation">), in the order first linked. */
  lexicons: Lexicon[];
  /** Where the chapters came from, for --dry-run. */
  chaptersFrom: string;
}

/**
 * Front and back matter a listener does not want read: skipped when a file or element
 * says so by epub:type or role, when a landmark or guide entry names its file, or when
 * its table-of-contents title is one of the usual English names for it.
 */
export const SKIPPED_MATTER = new Set([
  'cover', 'titlepage', 'halftitlepage', 'copyright-page', 'toc', 'landmarks', 'loi', 'lot', 'lov', 'index', 'colophon', 'imprint',
  'seriespage', 'errata', 'revision-history', 'bibliography', 'page-list',
]);
const NOTES = new Set(['footnotes', 'endnotes', 'rearnotes']);
const SKIPPED_TITLES = /^(cover|title ?page|half[- ]title|copyright( page)?|(table of )?contents|index|colophon|imprint)$/i;

export async function readEpub(path: string, options: EpubReadOptions = {}): Promise<EpubBook> {
  const zip = await openEpubZip(path);
  try {
    const pkg = await readPackage(zip);
    const toc = await readToc(zip, pkg);
    return await readBook(zip, pkg, toc, options);
  } finally {
    zip.close();
  }
}

async function readBook(zip: EpubZip, pkg: EpubPackage, toc: BookToc, options: EpubReadOptions): Promise<EpubBook> {
  const file = zip.file;
  const skipped: SkippedPart[] = [];
  const skipFile = (path: string, reason: string, text = '') => skipped.push({ reason, text, location: { file: `${file}/${path}`, line: 1, place: 'whole file' } });
  const flat = flatten(toc.entries);
  const matterFiles = new Map<string, string>();
  for (const l of toc.landmarks) if (SKIPPED_MATTER.has(l.type) && !l.fragment) matterFiles.set(l.path, l.type);
  const matterIds = new Map(toc.landmarks.filter((l) => SKIPPED_MATTER.has(l.type) && l.fragment).map((l) => [`${l.path}#${l.fragment}`, l.type]));
  for (const e of flat) if (e.path && !e.fragment && SKIPPED_TITLES.test(e.title) && !matterFiles.has(e.path)) matterFiles.set(e.path, e.title.toLowerCase());
  const anchorsByPath = new Map<string, Set<string>>();
  for (const e of flat) {
    if (!e.path || !e.fragment) continue;
    if (!anchorsByPath.has(e.path)) anchorsByPath.set(e.path, new Set());
    anchorsByPath.get(e.path)!.add(e.fragment);
  }

  // Each document is parsed, read into blocks and let go, so one DOM is in memory at a time.
  const readable: string[] = [];
  for (const { item, linear } of pkg.spine) {
    const matter = !linear ? 'outside the reading order (linear="no")' : item === pkg.nav ? 'toc' : matterFiles.get(item.path);
    if (matter) skipFile(item.path, matter);
    else if (!/x?html|xml/.test(item.mediaType)) continue; // an image or SVG page: nothing to read
    else if (!zip.has(item.path)) throw new NarrateError(`${file}: the spine names "${item.path}", which is not in the book. The EPUB is incomplete; re-export it`);
    else readable.push(item.path);
  }
  const parse = async (path: string) => {
    const doc = await readXmlEntry(zip, path);
    return { doc, body: elementsNamed(doc, 'body')[0] ?? doc.documentElement };
  };

  const lexiconPaths: string[] = [];
  const docs: SpineDocument[] = [];
  let line = 1;
  for (const path of readable) {
    const { doc, body } = await parse(path);
    if (!body) continue;
    for (const link of elementsNamed(doc, 'link')) {
      const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      const href = link.getAttribute('href');
      if (rel.includes('pronunciation') && href) {
        const target = resolveHref(file, path, href).path;
        if (!lexiconPaths.includes(target)) lexiconPaths.push(target);
      }
    }
    const prefixes = namespacePrefixes(doc.documentElement);
    const anchors = anchorsByPath.get(path) ?? new Set<string>();
    const result = htmlBlocks(body, {
      file: `${file}/${path}`,
      heading: (): HeadingRole => 'chapter', // which headings start chapters is decided below
      anchors,
      notes: options.notes,
      describeImages: options.describeImages,
      firstLine: line,
      skip: (el) => {
        const types = semanticTypes(el, prefixes);
        const id = el.getAttribute('id');
        const landmark = id ? matterIds.get(`${path}#${id}`) : undefined;
        if (landmark) return landmark;
        for (const t of types) if (SKIPPED_MATTER.has(t)) return t;
        if (!options.notes) for (const t of types) if (NOTES.has(t)) return 'note';
        return undefined;
      },
    });
    line = result.nextLine;
    const found = new Set(result.blocks.flatMap((b) => (b.kind === 'anchor' ? [b.id] : [])));
    const missing = [...anchors].filter((id) => !found.has(id));
    if (missing.length > 0) options.onNote?.(`${file}/${path}: the table of contents points to #${missing.slice(0, 3).join(', #')}${missing.length > 3 ? ', …' : ''}, not found in the text read; those entries start at the file's start`);
    skipped.push(...result.skipped);
    const targetTypes = new Map([['', startTypes(body, prefixes)]]);
    for (const id of anchors) {
      const el = doc.querySelector(`[id="${id.replace(/["\\]/g, '\\$&')}"]`);
      if (el) targetTypes.set(id, semanticTypes(el, prefixes));
    }
    docs.push({ path, blocks: result.blocks, targetTypes });
  }

  let blocks: Block[] = [];
  let chaptersFrom = '';
  const plan = toc.entries.length > 0 ? planChapters(docs, toc.entries) : undefined;
  if (plan && wordsIn(plan.blocks) > 0) {
    blocks = plan.blocks;
    chaptersFrom = `${toc.source === 'nav' ? 'the navigation document' : 'the NCX'} table of contents, level ${plan.level}`;
    if (plan.unlistedWords > 0) skipped.push({ reason: 'before the first table-of-contents entry', text: plan.unlistedExcerpt, location: { file, line: 1, place: `${plan.unlistedWords} words` } });
  } else {
    // No table of contents, or one that leads to no text: the headings start chapters.
    const level = topHeadingLevel(docs.flatMap((d) => d.blocks));
    blocks = docs.flatMap((d) => d.blocks).map((b) => (b.kind === 'chapter' && b.level !== level ? { kind: 'paragraph', text: b.text, line: b.line, place: b.place, inlines: [{ kind: 'text', text: b.text }] } : b));
    const why = plan ? 'its table of contents leads to no text' : 'no table of contents';
    chaptersFrom = level ? `the spine's <h${level}> headings (${why})` : `the spine (${why}, no headings)`;
  }
  if (wordsIn(blocks) === 0) throw new NarrateError(`${file}: the book has no text to narrate (${docs.length} documents read; front matter and notes are skipped). Is it all images? Try --notes if the text is in notes`);

  const meta = pkg.meta;
  const book = bookFromBlocks(file, {
    title: meta.title,
    author: meta.creators.length ? joinNames(meta.creators) : undefined,
    language: validLanguage(meta.language),
    description: meta.description,
    cover: pkg.cover ? await coverFor(zip, pkg.cover.path, pkg.cover.mediaType, options.onNote) : undefined,
  }, blocks);
  if (!meta.title) book.meta.title = basename(file, extname(file));
  const lexicons = await readLexicons(zip, lexiconPaths, options.onNote);
  return { book, skipped, lexicons, chaptersFrom };
}

function flatten(entries: TocEntry[]): TocEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.children)]);
}

function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function validLanguage(tag: string | undefined): string | undefined {
  return tag && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

/** Types at a file's start: the body's and those of the first elements that wrap the text. */
function startTypes(body: DomElement, prefixes: ReadonlyMap<string, string>): Set<string> {
  const types = new Set(semanticTypes(body, prefixes));
  let el: DomElement | undefined = body;
  for (let i = 0; i < 3 && el; i++) {
    const next: DomElement | undefined = Array.from(el.children).find((c) => ['section', 'article', 'div', 'main'].includes(nameOf(c)));
    if (!next) break;
    for (const t of semanticTypes(next, prefixes)) types.add(t);
    el = next;
  }
  return types;
}

/** Without a table of contents: the highest heading level used more than once starts chapters. */
function topHeadingLevel(blocks: Block[]): number | undefined {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const b of blocks) if (b.kind === 'chapter' && b.level) counts[b.level]!++;
  const repeated = counts.findIndex((n, level) => level > 0 && n > 1);
  if (repeated > 0) return repeated;
  const any = counts.findIndex((n, level) => level > 0 && n > 0);
  return any > 0 ? any : undefined;
}

/** Audio files and podcast apps take JPEG and PNG artwork only. */
async function coverFor(zip: EpubZip, path: string, mediaType: string, onNote?: (message: string) => void): Promise<string | undefined> {
  if (mediaType === 'image/jpeg' || mediaType === 'image/png') return extractCover(zip, path);
  onNote?.(`${zip.file}: the cover image ${path} is ${mediaType}, not JPEG or PNG; the audio gets no cover`);
  return undefined;
}

/** The cover image, written once per content to a temporary file the audio and feed stages can read. */
async function extractCover(zip: EpubZip, path: string): Promise<string | undefined> {
  if (!zip.has(path)) return undefined;
  const bytes = await zip.read(path);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'narrate-epub-covers');
  await mkdir(dir, { recursive: true });
  const target = join(dir, `${hash}${extname(path).toLowerCase() || '.img'}`);
  await writeFile(target, bytes);
  return target;
}

async function readLexicons(zip: EpubZip, paths: string[], onNote?: (message: string) => void): Promise<Lexicon[]> {
  const out: Lexicon[] = [];
  for (const path of paths) {
    const where = `${zip.file}/${path}`;
    if (!zip.has(path)) {
      onNote?.(`${where}: linked as a pronunciation lexicon but not in the book; ignored`);
      continue;
    }
    try {
      out.push(parseLexicon(decodeText(await zip.read(path)), where));
    } catch (e) {
      if (!(e instanceof NarrateError)) throw e;
      onNote?.(`${e.message.replace(/\.[^.]*$/, '')}; the book's lexicon is ignored`);
    }
  }
  return out;
}

