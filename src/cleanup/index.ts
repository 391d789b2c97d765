// Cleanup of text pasted from a web page, so the voice reads the story and nothing else.
// A general method, not a phrase list: every line is measured (features.ts), the story
// is the long coherent run of prose (story-run.ts), and inside that run furniture is
// recognised by shape, repetition and position (furniture.ts): labels and teaser
// headlines with their blurbs, runs of short lines, lines the page repeats, credits.
// Cleanup never refuses a text: a story with no furniture signs is kept whole.
import { frontMatterLines, storyLines, type Verdict } from './furniture.js';
import { measureLines } from './features.js';
import { visibleText } from './phrases.js';
import { removeInlineClutter, type InlineRemoval } from './inline.js';

export interface DroppedLine {
  line: number;
  text: string;
  rule: string;
}

export interface CleanupResult {
  /** Kept lines with their original 1-based numbers; blank lines kept as ''. */
  lines: Array<{ line: number; text: string }>;
  dropped: DroppedLine[];
  /** Footnote markers and bare URLs taken out of kept lines. */
  inlineRemovals: InlineRemoval[];
  /** The article's headline (the book title), when the text has one above the story. */
  title?: { line: number; text: string };
  /** From a byline under the headline ("By Dana Whit"). */
  author?: string;
}

/** What cleanup removed, for --dry-run: the result without its kept lines (the book holds those now). */
export type CleanupReport = Omit<CleanupResult, 'lines'>;

export interface CleanupOptions {
  /** Markdown keeps its declared headings ("# …") and front matter. */
  markdown?: boolean;
}

export function cleanupScript(text: string, _file: string, options: CleanupOptions = {}): CleanupResult {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const features = measureLines(raw);
  const verdicts = storyLines(features, raw, { markdown: options.markdown ?? false, protectedLines: frontMatterLines(raw) });
  return finish(raw, verdicts);
}

/**
 * The same rules over blocks already cut out of a page (Readability's article): each
 * block is one line; headings are kept where the story is unless they are furniture.
 * Returns the dropped block indexes with their reasons. Repetition is not a reason here.
 */
export function cleanupBlocks(texts: string[], headings: Set<number>): Map<number, string> {
  const features = measureLines(texts.map((t) => t.replace(/\s+/g, ' ')));
  const rules = storyLines(features, texts, { markdown: false, protectedLines: new Set(), headings, extracted: true }).rules;
  // Repetition is a pasted page's sign of a template (comment headers, card lines); in an
  // article an extractor has already chosen, it is the story's own lists (a product's
  // features under each product), so it is not a reason to drop a block.
  for (const [i, rule] of rules) if (REPETITION_RULES.has(rule)) rules.delete(i);
  return rules;
}

const REPETITION_RULES = new Set(['repeated-shape', 'repeated-line']);

function finish(raw: string[], verdicts: Verdict): CleanupResult {
  const lines: CleanupResult['lines'] = [];
  const dropped: DroppedLine[] = [];
  const inlineRemovals: InlineRemoval[] = [];
  raw.forEach((text, i) => {
    const rule = verdicts.rules.get(i);
    if (rule) return dropped.push({ line: i + 1, text, rule });
    // Zero-width spaces alone on a line (pasted from image blocks) are a blank line.
    if (visibleText(text) === '') return lines.push({ line: i + 1, text: '' });
    const cleaned = removeInlineClutter(text, i + 1);
    inlineRemovals.push(...cleaned.removals);
    lines.push({ line: i + 1, text: cleaned.text });
  });
  const title = verdicts.title === undefined ? undefined : { line: verdicts.title + 1, text: verdicts.titleText! };
  return { lines, dropped, inlineRemovals, title, author: verdicts.author };
}

/** For --dry-run: one line per dropped line, "  12  [teaser-blurb]  text". */
export function formatDroppedLines(dropped: DroppedLine[], inlineRemovals: InlineRemoval[] = []): string {
  if (dropped.length === 0 && inlineRemovals.length === 0) return 'Cleanup: nothing to drop.';
  const width = String(Math.max(0, ...dropped.map((d) => d.line), ...inlineRemovals.map((r) => r.line))).length;
  const rows = [
    `Cleanup dropped ${dropped.length} line${dropped.length === 1 ? '' : 's'} (pass --keep-all to keep them):`,
    ...dropped.map((d) => `  ${String(d.line).padStart(width)}  [${d.rule}]  ${d.text.trim()}`),
  ];
  if (inlineRemovals.length > 0) {
    rows.push(`and removed ${inlineRemovals.length} inline item${inlineRemovals.length === 1 ? '' : 's'}:`);
    rows.push(...inlineRemovals.map((r) => `  ${String(r.line).padStart(width)}  [${r.rule}]  ${r.text}`));
  }
  return rows.join('\n');
}

export type { InlineRemoval } from './inline.js';
