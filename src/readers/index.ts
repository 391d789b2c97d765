// One reader per input kind, each giving the same BookDocument: the only place that
// decides how a source is read. Scripts (Markdown, text) go through pasted-text cleanup
// and the script parser; EPUB books through src/epub/; saved web pages and URLs through
// src/web/ (Readability, then the same furniture rules).
import { extname } from 'node:path';
import { cleanupScript, type CleanupReport, type CleanupResult } from '../cleanup/index.js';
import { parseScript, titleFromFileName } from '../document/index.js';
import { withoutFrontMatter } from '../document/front-matter.js';
import type { SkippedPart } from '../document/html.js';
import type { Lexicon } from '../lexicon/index.js';
import { readScript } from '../script/read-script.js';
import type { BookDocument } from '../types.js';
import { isWebInput } from '../web/fetch-page.js';

export interface ReadSourceOptions {
  /** Scripts: skip the cleanup of pasted web text. */
  keepAll?: boolean;
  /** Books: read footnotes and endnotes. */
  notes?: boolean;
  /** Books and pages: read image alt text. */
  describeImages?: boolean;
  onNote?: (message: string) => void;
}

export interface SourceBook {
  book: BookDocument;
  /** What cleanup of pasted text removed (scripts and pages, unless keepAll). */
  cleanup?: CleanupReport;
  /** What the reader did not read, for --dry-run (front matter, notes, code…). */
  skipped?: SkippedPart[];
  /** Pronunciation lexicons the source carries; the project lexicon wins over them. */
  lexicons?: Lexicon[];
  /** Where the chapters came from, for --dry-run. */
  chaptersFrom?: string;
}

export async function readSource(path: string, options: ReadSourceOptions = {}): Promise<SourceBook> {
  const ext = extname(path).toLowerCase();
  if (ext === '.epub') return readEpubSource(path, options);
  if (isWebInput(path)) {
    // Loaded on demand, like EPUB: Readability and the DOM cost start-up time on every script run.
    const { readWebInput } = await import('../web/index.js');
    return readWebInput(path, { keepAll: options.keepAll, describeImages: options.describeImages });
  }
  return readScriptSource(path, options);
}

async function readScriptSource(path: string, options: ReadSourceOptions): Promise<SourceBook> {
  const source = await readScript(path);
  const cleanup = options.keepAll ? undefined : cleanupScript(withoutFrontMatter(source.text), source.path, { markdown: source.format === 'markdown' });
  // Plain text that names no title (a paste without its headline) is named after its file.
  const fallbackTitle = source.format === 'markdown' ? undefined : titleFromFileName(source.path);
  return { book: parseScript(source, { lines: cleanup?.lines, title: cleanup?.title?.text, author: cleanup?.author, fallbackTitle }), cleanup: cleanup && reportOf(cleanup) };
}

/** The kept lines are in the book now; a source keeps only what was dropped (kept for --dry-run, and in the prepared-text cache). */
function reportOf({ lines: _kept, ...report }: CleanupResult): CleanupReport {
  return report;
}

async function readEpubSource(path: string, options: ReadSourceOptions): Promise<SourceBook> {
  // Loaded on demand: the ZIP and DOM libraries cost start-up time on every script run.
  const { readEpub } = await import('../epub/index.js');
  const epub = await readEpub(path, options);
  return { book: epub.book, skipped: epub.skipped, lexicons: epub.lexicons, chaptersFrom: epub.chaptersFrom };
}
