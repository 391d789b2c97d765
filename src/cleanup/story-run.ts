// Where the story is in pasted text: the long coherent run of prose. Each line scores
// for or against being story (prose with sentence punctuation and function words scores
// its length; short unpunctuated lines and lines that are certainly furniture cost), and
// the story is the run of lines with the highest total (maximum-sum subarray). A few
// teasers or labels inside the story cost less than the prose around them, so the run
// spans them; the menus above and the lists, comments and footers below are left out.
import type { LineFeatures } from './features.js';

/** What one short line of page furniture costs a run that would include it. */
const LINE_COST = 30;
/** What a line that is certainly furniture costs. */
const FURNITURE_COST = 100;
/** Below this share of stop words a punctuated line reads as a list, not as prose. */
export const MIN_STOP_DENSITY = 0.2;

export function isProse(f: LineFeatures): boolean {
  return !f.blank && (f.sentenceEnd || f.sentences >= 2) && !f.furniture;
}

export function readsAsProse(f: LineFeatures): boolean {
  return isProse(f) && (f.stopDensity === undefined || f.stopDensity >= MIN_STOP_DENSITY || f.length < 40);
}

/** A line made by a template the page repeats: "jo says:", "Tuesday November 19, 2019". */
export function isTemplateLine(f: LineFeatures): boolean {
  return !f.blank && !f.listItem && f.length <= 80 && f.shapeRepeats >= 3 && !isProse(f) && distinctiveShape(f.shape);
}

/** "A a" (any two words) says nothing; "a a:", "M 0, 0 a 0:0 a" or five words in a row do. */
function distinctiveShape(shape: string): boolean {
  return /[^Aa ]/.test(shape) || shape.split(' ').length >= 5;
}

export function storyScore(f: LineFeatures): number {
  const own = lineScore(f);
  // A lead-in and its list read as story, however short the items; a line with a sign of furniture ("Jo on May 3, 2021 at 4:47 pm said:") introduces no list.
  if (f.leadIn && !f.furniture) return Math.max(own, Math.min(f.length, 200) * 0.5);
  if (f.listItem) return Math.max(own, Math.min(f.length, 100) * 0.3);
  return own;
}

function lineScore(f: LineFeatures): number {
  if (f.blank) return 0;
  // A label such as "Advertisement" is dropped anyway; inside a story it costs no more than any short line.
  if (f.furniture) return f.furniture === 'ui-phrase' || f.furniture === 'teaser-label' ? -LINE_COST : -FURNITURE_COST;
  if (isTemplateLine(f) || (f.adjacentDuplicate && f.length <= 200)) return -FURNITURE_COST;
  if (isProse(f)) {
    let quality = readsAsProse(f) ? 1 : 0.3;
    // Cut off with "…": a teaser's blurb, or the story's own trailing thought; its neighbours decide.
    if (f.truncated && f.length < 300) quality *= 0.3;
    if (f.length < 40) quality *= 0.5;
    if (f.repeats > 1) quality *= 0.3;
    return Math.min(f.length, 1500) * quality;
  }
  // A long paragraph that lost its final full stop is still prose.
  if (f.length > 200 && (f.stopDensity === undefined || f.stopDensity >= MIN_STOP_DENSITY)) return f.length * 0.5;
  return -(LINE_COST + 0.2 * Math.min(f.length, 200)) * (f.repeats > 1 ? 2 : 1);
}

/** First and last line index (inclusive) of the best-scoring run, or undefined when nothing scores. */
export function findStoryRun(features: LineFeatures[]): { start: number; end: number; score: number } | undefined {
  let best: { start: number; end: number; score: number } | undefined;
  let sum = 0;
  let start = 0;
  features.forEach((f, i) => {
    const s = storyScore(f);
    if (sum <= 0) {
      if (s <= 0) return;
      sum = 0;
      start = i;
    }
    sum += s;
    if (s > 0 && (!best || sum > best.score)) best = { start, end: i, score: sum };
  });
  return best;
}

/** Reply headers that make a thread. */
const THREAD_HEADERS = 3;

/**
 * Replies under a post: each opens with a header that gives a name, a full date and a
 * clock time ("Jo Park on May 3, 2021 at 4:47 pm said:", or the name on a line of its
 * own above "May 3, 2021 at 4:47 pm"), and prose follows it. A thread of them after the
 * story's prose is not the story, however much prose the replies hold (a short post
 * with a long discussion). A header above any prose is the post's own.
 */
function beforeReplies(features: LineFeatures[], run: { start: number; end: number }): { start: number; end: number } {
  const lines = features.slice(run.start, run.end + 1).filter((f) => !f.blank);
  const headers = lines.map((f, k) => isReplyHeader(lines, k));
  let prose = false;
  for (let k = 0; k < lines.length; k++) {
    if (readsAsProse(lines[k]!) && lines[k]!.length >= 40) prose = true;
    if (!prose || !headers[k]) continue;
    if (headers.slice(k).filter(Boolean).length < THREAD_HEADERS) return run;
    let end = k - 1;
    while (end > 0 && storyScore(lines[end]!) <= 0) end--;
    return { start: run.start, end: lines[end]!.index };
  }
  return run;
}

function isReplyHeader(lines: LineFeatures[], k: number): boolean {
  const f = lines[k]!;
  if (!f.datedHeader || !lines.slice(k + 1, k + 3).some(isProse)) return false;
  // A bare date and time is a reply's when its name stands on the line above; else it may be a live report's entry.
  const above = lines[k - 1];
  return f.furniture === 'dated-header' || (above !== undefined && !isProse(above) && above.words <= 6);
}

/** Content words a block needs before its topic can be judged. */
const MIN_TOPIC_WORDS = 12;
/** Below this share of its topic words found in the story so far, a block is about something else. */
const MIN_TOPIC_OVERLAP = 0.08;

/**
 * The run may have swallowed neighbours with a lot of prose of their own: an author's
 * biography, a comment form, the next article. Cut into blocks at gaps of two or more
 * non-prose lines, the story is grown outward from its strongest block, block by block,
 * while each next block shares its topic words; the first that does not ends the story.
 */
export function coherentPart(features: LineFeatures[], found: { start: number; end: number }): { start: number; end: number } {
  const run = beforeReplies(features, found);
  const blocks = blocksOf(features, run);
  const strength = (b: LineFeatures[]) => b.reduce((n, f) => n + Math.max(0, storyScore(f)), 0);
  const core = blocks.reduce((best, b, i) => (strength(b) > strength(blocks[best]!) ? i : best), 0);
  const vocabulary = new Set<string>();
  const learn = (b: LineFeatures[]) => b.forEach((f) => f.contentWords.forEach((w) => vocabulary.add(w)));
  learn(blocks[core]!);
  const grow = (step: 1 | -1): number => {
    // Blocks too small to judge are taken only along with a judged block beyond them.
    let edge = core;
    for (let i = core + step; i >= 0 && i < blocks.length; i += step) {
      if (startsCardList(blocks, i, step, vocabulary)) break;
      let verdict = onTopic(blocks[i]!, vocabulary);
      if (verdict === false) {
        const next = blocks[i + step];
        if (!next || startsCardList(blocks, i + step, step, vocabulary) || onTopic(next, vocabulary) !== true) break;
        verdict = true;
      }
      if (verdict === true) {
        for (let j = edge + step; j !== i + step; j += step) learn(blocks[j]!);
        edge = i;
      }
    }
    return edge;
  };
  const last = grow(1);
  const first = grow(-1);
  for (let i = first; i <= last; i++) learn(blocks[i]!);
  return extendAcrossFigures(features, { start: blocks[first]![0]!.index, end: blocks[last]!.at(-1)!.index }, vocabulary);
}

/** The most lines a picture leaves between two parts of a story (counter, caption, credit, twice). */
const MAX_FIGURE_GAP = 6;
/** A part beyond a picture must share this much of the story's topic words. */
const FIGURE_TOPIC_OVERLAP = 0.25;

/** Lines a picture leaves in a story: its credit, its counter, a caption the page repeats. */
function isFigureLine(f: LineFeatures): boolean {
  return f.furniture === 'image-credit' || f.furniture === 'gallery-caption' || f.furniture === 'number' || (f.repeats >= 2 && f.words >= 8);
}

/**
 * A picture (its counter, caption and credit) costs the run more than a short paragraph
 * beyond it brings, so the lead above a gallery or the end below a repeated caption is
 * left out. Across such a gap, a part that shares the story's topic words is story.
 */
function extendAcrossFigures(features: LineFeatures[], part: { start: number; end: number }, vocabulary: Set<string>): { start: number; end: number } {
  const extended = { ...part };
  for (const step of [1, -1] as const) {
    for (;;) {
      const block = partBeyondFigure(features, step === 1 ? extended.end : extended.start, step);
      if (!block) break;
      const words = block.filter((f) => storyScore(f) > 0).flatMap((f) => f.contentWords);

      if (words.length < 4 || words.filter((w) => vocabulary.has(w)).length / words.length < FIGURE_TOPIC_OVERLAP) break;
      block.forEach((f) => f.contentWords.forEach((w) => vocabulary.add(w)));
      if (step === 1) extended.end = block.at(-1)!.index;
      else extended.start = block[0]!.index;
    }
  }
  return extended;
}

/** The prose beyond `edge` when only picture lines stand between; up to the next gap of two non-prose lines. */
function partBeyondFigure(features: LineFeatures[], edge: number, step: 1 | -1): LineFeatures[] | undefined {
  const inside = (i: number) => i >= 0 && i < features.length;
  let i = edge + step;
  const gap: LineFeatures[] = [];
  for (; inside(i) && (features[i]!.blank || storyScore(features[i]!) <= 0); i += step) if (!features[i]!.blank) gap.push(features[i]!);
  if (gap.length === 0 || gap.length > MAX_FIGURE_GAP || !gap.every(isFigureLine)) return undefined;
  const block: LineFeatures[] = [];
  let nonProse = 0;
  for (; inside(i); i += step) {
    const f = features[i]!;
    if (f.blank) continue;
    nonProse = storyScore(f) > 0 ? 0 : nonProse + 1;
    if (nonProse >= 2) break;
    block.push(f);
  }
  while (block.length > 0 && storyScore(block.at(-1)!) <= 0) block.pop();
  if (block.length === 0) return undefined;
  return step === 1 ? block : block.reverse();
}

/** A teaser card's text: one or two short paragraphs between lines of furniture. */
const CARD_MAX_LINES = 2;
const CARD_MAX_CHARS = 600;
/** Cards in a row that make a list of other stories. */
const CARD_LIST_LENGTH = 3;
/** Below this share of topic words the cards tell other stories; the story's own short sections share more. */
const CARD_TOPIC_OVERLAP = 0.25;

/**
 * Teaser cards (headline, name, date, blurb; again and again) after or before a story:
 * each block is one short paragraph cut off by furniture, several in a row, about other
 * things. A story's own sections are longer or share its topic words.
 */
function startsCardList(blocks: LineFeatures[][], i: number, step: 1 | -1, vocabulary: Set<string>): boolean {
  const run = Array.from({ length: CARD_LIST_LENGTH }, (_, k) => blocks[i + k * step]);
  if (run.some((b) => b === undefined || !isCard(b))) return false;
  const words = run.flatMap((b) => b!.filter((f) => storyScore(f) > 0).flatMap((f) => f.contentWords));
  return words.length === 0 || words.filter((w) => vocabulary.has(w)).length / words.length < CARD_TOPIC_OVERLAP;
}

function isCard(block: LineFeatures[]): boolean {
  const prose = block.filter((f) => storyScore(f) > 0);
  return prose.length <= CARD_MAX_LINES && prose.reduce((n, f) => n + f.length, 0) <= CARD_MAX_CHARS;
}

/** True or false when the block has enough topic words to tell; undefined when it is too small. */
function onTopic(block: LineFeatures[], vocabulary: Set<string>): boolean | undefined {
  const words = block.filter((f) => storyScore(f) > 0).flatMap((f) => f.contentWords);
  if (words.length < MIN_TOPIC_WORDS) return words.length < 4 ? undefined : words.filter((w) => vocabulary.has(w)).length / words.length >= MIN_TOPIC_OVERLAP ? undefined : false;
  return words.filter((w) => vocabulary.has(w)).length / words.length >= MIN_TOPIC_OVERLAP;
}

function blocksOf(features: LineFeatures[], run: { start: number; end: number }): LineFeatures[][] {
  const blocks: LineFeatures[][] = [];
  let current: LineFeatures[] = [];
  let gap = 0;
  for (const f of features.slice(run.start, run.end + 1)) {
    if (f.blank) continue;
    if (storyScore(f) <= 0) gap += isPageWidget(f) ? 2 : 1;
    else {
      if (gap >= 2 && current.length > 0) {
        blocks.push(trimTrailing(current));
        current = [];
      }
      gap = 0;
    }
    current.push(f);
  }
  if (current.length > 0) blocks.push(trimTrailing(current));
  return blocks;
}

/**
 * A short line the page prints three times or more (a share bar under every item, an
 * author's name over every reply) is the page's own widget: it separates items, so
 * what follows it is judged as a block of its own.
 */
function isPageWidget(f: LineFeatures): boolean {
  // Rules without words ("___", "* * *") are the story's own section breaks.
  return f.repeats >= 3 && f.words >= 1 && f.words <= 6 && !isProse(f);
}

/** A block ends with its last prose line; the gap after it belongs to no one. */
function trimTrailing(block: LineFeatures[]): LineFeatures[] {
  let end = block.length;
  while (end > 1 && storyScore(block[end - 1]!) <= 0) end--;
  return block.slice(0, end);
}
