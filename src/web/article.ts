// The web-article reader's second half: the article extract.ts found in a page (in this
// thread, or in the page worker while the CLI started) → BookDocument. Here the furniture
// Readability leaves inside articles (in-article teasers, "Advertisement", image credits,
// newsletter boxes) is dropped by the same rules as pasted text (src/cleanup/), and the
// book is built with the page's metadata: headline → title, byline → author, site name,
// published date, <html lang>.
import { NarrateError } from '../errors.js';
import { bookFromBlocks } from '../document/index.js';
import type { Block } from '../document/blocks.js';
import { cleanupBlocks, type CleanupReport } from '../cleanup/index.js';
import type { ExtractedArticle, ExtractOptions } from './extract.js';
import { clean, sameText } from './text.js';
import type { BookDocument } from '../types.js';

export interface WebArticle {
  book: BookDocument;
  /** What was left out of the article, for --dry-run (absent with keepAll). */
  cleanup?: CleanupReport;
}

export type ArticleOptions = ExtractOptions;

/** The book of an article extract.ts found (in this thread or in the page worker). */
export function articleBook(page: ExtractedArticle, options: ArticleOptions): WebArticle {
  if (!page.found) throw new NarrateError(`${options.file}: no article found on this page. Save the page of the article itself, or copy its text into a .txt file and narrate that`);
  const { blocks, skipped } = page;
  const author = authorOf(page.byline);
  const cleanup = options.keepAll ? undefined : dropFurniture(blocks, author);
  const kept = cleanup ? blocks.filter((b) => !cleanup.droppedIndexes.has(b)) : blocks;
  const book = bookFromBlocks(options.file, { title: page.title, author, language: page.language }, kept);
  book.meta.publisher = page.siteName;
  book.meta.published = page.published;
  const dropped = [
    ...(cleanup?.result.dropped ?? []),
    ...skipped.map((s) => ({ line: s.location.line, text: s.text, rule: s.reason })),
  ].sort((a, b) => a.line - b.line);
  return { book, cleanup: cleanup ? { ...cleanup.result, dropped } : undefined };
}

/** Readability's output through the cleanup rules: one line per block, headings kept where the story is. */
function dropFurniture(blocks: Block[], author: string | undefined): { result: CleanupReport; droppedIndexes: Set<Block> } {
  const readable = blocks.filter((b): b is Extract<Block, { text: string }> => b.kind !== 'anchor');
  const rules = cleanupBlocks(
    readable.map((b) => b.text),
    new Set(readable.flatMap((b, i) => (b.kind === 'paragraph' ? [] : [i]))),
  );
  // Readability leaves the page's byline in the article when the page's metadata named the
  // author first; it is the author's name, shown (and kept) as metadata, not part of the story.
  readable.forEach((b, i) => {
    if (author && !rules.has(i) && b.text.length <= 120 && sameText(authorOf(b.text) ?? '', author)) rules.set(i, 'byline');
  });
  const droppedIndexes = new Set<Block>();
  const dropped: CleanupReport['dropped'] = [];
  rules.forEach((rule, i) => {
    const block = readable[i]!;
    droppedIndexes.add(block);
    dropped.push({ line: block.line, text: block.text.replace(/\s+/g, ' ').slice(0, 120), rule });
  });
  return { result: { dropped, inlineRemovals: [] }, droppedIndexes };
}

function authorOf(byline: string | null | undefined): string | undefined {
  const text = clean(byline).replace(/^(by|von|par|por|di|door)\s+/i, '').split(/\s*(?:\||·|•|\bon\b|\bupdated\b|\bpublished\b)\s*/i)[0]!.trim();
  return text.length >= 2 && text.length <= 100 ? text : undefined;
}
