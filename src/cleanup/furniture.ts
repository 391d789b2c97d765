// Which lines are story. Outside the story run (story-run.ts) everything is page
// furniture, except the headline (it becomes the book title) and the byline under it.
// Inside the run, furniture is told by shape and position: a short unpunctuated line is
// a subheading only between prose paragraphs; otherwise it is a label or a teaser
// headline, and the blurb under a teaser goes with it. Lines the page shows twice in a
// row (teasers) or repeats by template (comment headers, dates) go too.
import { GLUED_CREDIT, normalizedLine, type LineFeatures } from './features.js';
import { authorBioLine } from './author-bio.js';
import { coherentPart, findStoryRun, isProse, isTemplateLine, readsAsProse } from './story-run.js';

export interface Verdict {
  /** Dropped line index (0-based) → the reason shown by --dry-run. */
  rules: Map<number, string>;
  /** Index of the headline line, used as the book title. */
  title?: number;
  titleText?: string;
  author?: string;
}

interface Context {
  markdown: boolean;
  protectedLines: Set<number>;
  /** Lines known to be headings (HTML): kept inside the story unless furniture. */
  headings?: Set<number>;
  /** The text is an article already cut out of its page (Readability): no story run to find, no headline to look for. */
  extracted?: boolean;
}

/** Certain furniture, dropped wherever it stands. */
const CERTAIN = new Set(['ui-phrase', 'cookie-notice', 'bare-url']);
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+\S/;
const HEADLINE_SEARCH_LINES = 12;
/** A caption is a sentence or two; a longer paragraph said three times is meant. */
const MAX_CAPTION_CHARS = 300;

export function storyLines(features: LineFeatures[], raw: string[], ctx: Context): Verdict {
  const rules = new Map<number, string>();
  const keep = (i: number) => ctx.protectedLines.has(i) || (ctx.markdown && MARKDOWN_HEADING.test(raw[i]!) && !features[i]!.furniture);
  const found = findStoryRun(features.map((f, i) => (ctx.protectedLines.has(i) ? { ...f, blank: true } : f)));
  const part = ctx.extracted ? { start: 0, end: features.length - 1 } : found && coherentPart(features, found);
  // A Markdown script is the writer's own text: an author's biography is a web page's furniture.
  const bio = part && !ctx.extracted && !ctx.markdown ? authorBioLine(features, part) : undefined;
  const run = part && bio !== undefined ? { start: part.start, end: lastStoryLine(features, part.start, bio) } : part;
  if (!run) {
    // Nothing reads as prose (a poem, a list): drop only what is certainly furniture.
    for (const f of features) if (f.furniture && CERTAIN.has(f.furniture) && !keep(f.index)) rules.set(f.index, f.furniture);
    return { rules };
  }
  const verdict: Verdict = { rules };
  if (!ctx.markdown && !ctx.extracted) findHeadline(features, run.start, verdict);
  markOutside(features, 0, run.start, 'before-story', rules, keep, verdict.title);
  if (verdict.title !== undefined) rules.set(verdict.title, 'headline: the book title');
  markOutside(features, run.end + 1, features.length, 'after-story', rules, keep);
  if (bio !== undefined && !keep(bio)) rules.set(bio, 'author-bio');
  const caption = ctx.extracted ? undefined : leadingCaption(features, run);
  if (caption !== undefined && !keep(caption)) rules.set(caption, 'photo-caption');
  markInside(features, run.start, run.end, rules, ctx.extracted === true, (i) => keep(i) || (ctx.headings?.has(i) === true && !features[i]!.furniture), !ctx.markdown && !ctx.extracted);
  return verdict;
}

/**
 * A pasted story often opens with its picture: a caption alone, with the picture's
 * credit right under it ("Image: Jo Park"), before the story's own paragraphs.
 */
function leadingCaption(features: LineFeatures[], run: { start: number; end: number }): number | undefined {
  const lines = features.slice(run.start, run.end + 1).filter((f) => !f.blank);
  const [first, next, afterNext] = lines;
  if (!first || !next || !isProse(first) || isProse(next) || !lines.slice(2).some(isProse)) return undefined;
  // A bare credit: the caption it belongs to is the line above. (A caption with its credit is a picture of its own.)
  const isCredit = (f: LineFeatures | undefined) => f !== undefined && !isProse(f) && f.words <= 6 && (f.furniture === 'image-credit' || GLUED_CREDIT.test(f.text) || /^(image|photo|picture)s?\s*:/i.test(f.text));
  return [next, afterNext].some(isCredit) ? first.index : undefined;
}

/** The last prose line before `before`, not before `start`. */
function lastStoryLine(features: LineFeatures[], start: number, before: number): number {
  let end = before - 1;
  while (end > start && !isProse(features[end]!)) end--;
  return end;
}

/** Lines outside the run go, unless they are a few heading-like lines with no sign of furniture ("Chapter 1", "The End"). */
function markOutside(features: LineFeatures[], from: number, to: number, rule: string, rules: Map<number, string>, keep: (i: number) => boolean, title?: number): void {
  const lines = features.slice(from, to).filter((f) => !f.blank && !keep(f.index) && f.index !== title);
  const plain = lines.length <= 2 && lines.every((f) => !f.furniture && !isTemplateLine(f) && f.repeats === 1 && f.words <= 6 && !f.truncated);
  if (plain && title === undefined) return;
  for (const f of lines) rules.set(f.index, f.furniture ?? (isTemplateLine(f) ? 'repeated-shape' : rule));
}

/** `extracted`: the blocks are an article's own (lists, table rows), so only certain signs and teasers count. */
function markInside(features: LineFeatures[], start: number, end: number, rules: Map<number, string>, extracted: boolean, keep: (i: number) => boolean, pasted: boolean): void {
  const lines = features.slice(start, end + 1).filter((f) => !f.blank);
  const dropped = (f: LineFeatures | undefined) => f !== undefined && rules.has(f.index);
  // Lines the page shows twice in a row somewhere (a picture and its caption, again and again); a refrain is not doubled.
  const shownTwiceInARow = new Set(features.filter((f) => f.adjacentDuplicate && f.repeats >= 3).map((f) => normalizedLine(f.text)));
  lines.forEach((f, k) => {
    if (keep(f.index)) return;
    const before = lines[k - 1];
    const after = lines[k + 1];
    if (f.furniture) return rules.set(f.index, f.furniture);
    if (f.leadIn || f.listItem) return;
    if (isTemplateLine(f)) return rules.set(f.index, 'repeated-shape');
    if (!isProse(f)) {
      if (f.length > 200 && readsAsProse({ ...f, sentenceEnd: true })) return; // a paragraph without its full stop
      if (f.adjacentDuplicate) return rules.set(f.index, 'teaser-headline');
      if (isSubheading(f, before, after, lines[k + 2], dropped(before))) return;
      if (extracted && !(after?.truncated || (after && f.repeats > 1))) return;
      return rules.set(f.index, f.truncated ? 'teaser-blurb' : f.words <= 3 ? 'label' : f.repeats > 1 ? 'repeated-line' : 'teaser-headline');
    }
    // A blurb: cut off, or right under a teaser headline.
    // Only a headline the page showed twice (link and picture) surely has its blurb under it.
    const underTeaser = before !== undefined && before.adjacentDuplicate && rules.get(before.index) === 'teaser-headline';
    if ((f.truncated && f.length < 300 && (before === undefined || dropped(before))) || (underTeaser && f.length < 300)) {
      return rules.set(f.index, 'teaser-blurb');
    }
    // A pasted story does not say a sentence three times, twice in a row; a gallery repeats its caption on every picture.
    // (A refrain is written on purpose: Markdown scripts, long paragraphs and lines never doubled keep theirs.)
    if (pasted && f.repeats >= 3 && f.length <= MAX_CAPTION_CHARS && shownTwiceInARow.has(normalizedLine(f.text))) return rules.set(f.index, 'repeated-line');
    if (f.adjacentDuplicate && f.length <= 200) {
      // Shown twice in a row: keep the first, as a pull quote is said once.
      const first = lines.find((g) => normalizedLine(g.text) === normalizedLine(f.text));
      if (first !== f) return rules.set(f.index, 'repeated-line');
    }
  });
}

/** A short line between two stretches of prose, followed by a real paragraph. */
function isSubheading(f: LineFeatures, before: LineFeatures | undefined, after: LineFeatures | undefined, afterThat: LineFeatures | undefined, beforeDropped: boolean): boolean {
  if (f.words > 20 || f.repeats > 1 || f.truncated) return false;
  if (!after || !readsAsProse(after) || after.length < 60) return false;
  // A paragraph that trails off ("…") is the story's only when more story follows it; else it is a teaser's blurb.
  if (after.truncated && !(afterThat && readsAsProse(afterThat) && !afterThat.truncated)) return false;
  return before === undefined || (!beforeDropped && isProse(before));
}

/**
 * The headline: a title-like line above the story. Pages put the byline, the date or a
 * gallery counter right under the headline, so when such a line stands above the story
 * the headline is the title-like line just above it; the lines between it and the story
 * (share buttons, captions, "Back to gallery") are never the headline. Else the nearest
 * title-like line above the story.
 */
function findHeadline(features: LineFeatures[], start: number, verdict: Verdict): void {
  const above: LineFeatures[] = [];
  for (let i = start - 1; i >= 0 && above.length < HEADLINE_SEARCH_LINES; i--) if (!features[i]!.blank) above.push(features[i]!);
  for (const f of above) {
    if (verdict.author === undefined && f.length <= 120 && BYLINE_START.test(f.text)) verdict.author = authorOf(f.text);
  }
  const anchor = above.findIndex(isAnchor);
  const headline = anchor < 0 ? above.find(isTitleLike) : nearAnchor(above, anchor);
  if (headline) {
    verdict.title = headline.index;
    verdict.titleText = headline.text.trim();
  }
}

/** The first title-like line above any byline, date or counter line, searching up from `anchor`. */
function nearAnchor(above: LineFeatures[], anchor: number): LineFeatures | undefined {
  for (let i = anchor; i < above.length; i++) {
    if (!isAnchor(above[i]!)) continue;
    const found = above.slice(i + 1, i + 4).find((f) => !isAnchor(f) && isTitleLike(f));
    if (found) return found;
  }
  return undefined;
}

function isAnchor(f: LineFeatures): boolean {
  return f.furniture === 'date' || f.furniture === 'dated-header' || f.furniture === 'byline' || f.furniture === 'number';
}

/** Words of a headline: not furniture, not a button row ("Share Tweet Submit"), not a caption with its credit. */
function isTitleLike(f: LineFeatures): boolean {
  if (f.furniture || f.truncated || f.repeats > 2 || f.words < 3 || f.words > 30 || f.length > 250) return false;
  if (/[.。]["”’]?$/.test(f.text) || GLUED_CREDIT.test(f.text) || BYLINE_INSIDE.test(f.text) || DATE_INSIDE.test(f.text)) return false;
  // A template with more than words in it ("0 a a", "M 0, 0") is a list's line, not a title.
  if (isTemplateLine(f) && /[^Aa ]/.test(f.shape)) return false;
  // A short headline still has a function word; a row of buttons or names has none.
  return f.words >= 6 || f.stopDensity === undefined || f.stopDensity > 0;
}

/** A byline or a date sharing the line ("February 1, 2019 | BY: Ana Ruiz"): the line under a headline, not the headline. */
const BYLINE_INSIDE = /(^|[|·•–—-]\s*)[Bb][Yy]\s*:?\s/u;
const DATE_INSIDE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b/i;
const BYLINE_START = /^(?:[Bb][Yy]|[Pp]osted [Bb]y|[Ww]ritten [Bb]y|[Ww]ords [Bb]y)\s+[\p{Lu}\p{Lo}]/u;

function authorOf(byline: string): string | undefined {
  const name = byline
    .replace(/^(by|posted by|written by|words by|reporting by|von|par|por|di|door)\s+/i, '')
    .split(/\s*(?:\||,|·|•|／| \/ | on | at | - | – | — )\s*/)[0]!
    // "Dana Whit dana@example.org (555) 010-2030": the name ends where the contact details start.
    .replace(/\s+\S*[@\d(].*$/, '')
    .trim();
  return name.length >= 3 ? name : undefined;
}

/** Line indexes (0-based) of a front-matter block at the very top, which cleanup leaves alone. */
export function frontMatterLines(lines: string[]): Set<number> {
  const kept = new Set<number>();
  if (lines[0]?.trim() !== '---') return kept;
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) return kept;
  for (let i = 0; i <= close; i++) kept.add(i);
  return kept;
}
