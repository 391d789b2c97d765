// Cleanup of text pasted from a web page: drops page furniture (teaser lists, share and
// subscribe buttons, ads, cookie notices) and inline clutter (footnote markers, bare
// URLs) before parsing, so the voice reads only the story. Rules are general: where a
// line sits (the end of the text, right after a "Related" label), how it looks (a
// headline without sentence punctuation, a blurb cut off with "…") and known UI phrases.
import { NarrateError } from '../errors.js';
import { classifyLine, frontMatterLines, isFurnitureLike, STRONG_SIGNALS, type LineKind } from './classify.js';
import { removeInlineClutter, type InlineRemoval } from './inline.js';
import { visibleText } from './phrases.js';

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
}

/**
 * Above this share of the text's characters dropped by judgement (teaser headlines and
 * blurbs, unpunctuated end lines), cleanup is more likely wrong than the page. Lines that
 * are exactly a UI phrase, a URL or a cookie notice are certain and do not count.
 */
export const MAX_DROPPED_SHARE = 0.3;
const CERTAIN_RULES = new Set(['ui-phrase', 'bare-url', 'cookie-notice']);

const LIST_LABEL = /^(related|more|recommended|you (may|might)|trending|most|top stories|latest|editor|don'?t miss|also read|read (more|next)|up next|watch next|popular|see also)/i;

export function cleanupScript(text: string, file: string): CleanupResult {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const protectedLines = frontMatterLines(raw);
  const kinds: LineKind[] = raw.map((l, i) => (protectedLines.has(i) ? 'protected' : classifyLine(l)));
  const rules = new Map<number, string>();
  for (const [i, kind] of kinds.entries()) if (STRONG_SIGNALS.has(kind)) rules.set(i, kind);
  markTeasersAfterLabels(raw, kinds, rules);
  markFurnitureTail(kinds, rules);
  return finish(raw, rules, file);
}

function nextNonBlank(kinds: LineKind[], from: number, step: 1 | -1): number {
  let i = from;
  while (i >= 0 && i < kinds.length && kinds[i] === 'blank') i += step;
  return i;
}

/** After "Related" or "More stories", the headlines and cut-off blurbs that follow. */
function markTeasersAfterLabels(raw: string[], kinds: LineKind[], rules: Map<number, string>): void {
  kinds.forEach((kind, i) => {
    if (kind !== 'ui-phrase' || !LIST_LABEL.test(visibleText(raw[i]!))) return;
    for (let j = nextNonBlank(kinds, i + 1, 1); j < kinds.length; j = nextNonBlank(kinds, j + 1, 1)) {
      const next = kinds[j]!;
      if (next === 'prose' || next === 'protected') break;
      if (!rules.has(j)) rules.set(j, next === 'truncated-blurb' ? 'teaser-blurb' : next === 'no-sentence-punctuation' ? 'teaser-headline' : next);
    }
  });
}

/**
 * The block at the very end made only of furniture-like lines. It goes only if it holds a
 * UI phrase, label, URL or cookie notice; a story that simply ends on "The End" keeps it.
 */
function markFurnitureTail(kinds: LineKind[], rules: Map<number, string>): void {
  const block: number[] = [];
  for (let i = nextNonBlank(kinds, kinds.length - 1, -1); i >= 0; i = nextNonBlank(kinds, i - 1, -1)) {
    const kind = kinds[i]!;
    if (!isFurnitureLike(kind)) break;
    // A cut-off line is a teaser blurb only under a headline or label; else it is the story's own "…".
    const above = kinds[nextNonBlank(kinds, i - 1, -1)];
    if (kind === 'truncated-blurb' && !(above && isFurnitureLike(above) && above !== 'truncated-blurb')) break;
    block.push(i);
  }
  if (!block.some((i) => STRONG_SIGNALS.has(kinds[i]!) || rules.get(i)?.startsWith('teaser'))) return;
  for (const i of block) {
    if (rules.has(i)) continue;
    rules.set(i, kinds[i] === 'truncated-blurb' ? 'teaser-blurb' : 'end-furniture');
  }
}

function finish(raw: string[], rules: Map<number, string>, file: string): CleanupResult {
  const lines: CleanupResult['lines'] = [];
  const dropped: DroppedLine[] = [];
  const inlineRemovals: InlineRemoval[] = [];
  raw.forEach((text, i) => {
    const rule = rules.get(i);
    if (rule) return dropped.push({ line: i + 1, text, rule });
    const cleaned = removeInlineClutter(text, i + 1);
    inlineRemovals.push(...cleaned.removals);
    lines.push({ line: i + 1, text: cleaned.text });
  });
  checkShare(raw, dropped, file);
  return { lines, dropped, inlineRemovals };
}

function checkShare(raw: string[], dropped: DroppedLine[], file: string): void {
  const total = raw.reduce((n, l) => n + l.trim().length, 0);
  const judged = dropped.filter((d) => !CERTAIN_RULES.has(d.rule));
  const lost = judged.reduce((n, d) => n + d.text.trim().length, 0);
  if (total === 0 || lost / total <= MAX_DROPPED_SHARE) return;
  const first = judged[0]!;
  throw new NarrateError(
    `${file}:${first.line}: cleanup would guess that ${Math.round((100 * lost) / total)}% of the text is page furniture (over ${MAX_DROPPED_SHARE * 100}%), so it stopped in case it is story. See what it would drop with --dry-run, then remove the page furniture by hand or pass --keep-all`,
  );
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
