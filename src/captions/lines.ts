// Lays a cue's words out on at most two lines, choosing the line break that
// reads best: at a phrase boundary, with lines of similar length.
import { phraseBreakCost } from './phrase-breaks.js';

/** One displayable word (or, for an over-long word, one hard-wrapped piece of it). */
export interface CueWord {
  text: string;
  /** Visible length in grapheme clusters. */
  length: number;
  startMs: number;
  endMs: number;
  sentenceId: string;
  /** A hard-wrapped piece continues in the next word without a space. */
  gluedToNext: boolean;
}

export interface CueLayout {
  lines: string[];
  cost: number;
}

export function joinWords(words: readonly CueWord[]): string {
  return words.map((w, i) => (i < words.length - 1 && !w.gluedToNext ? `${w.text} ` : w.text)).join('');
}

/** Length of words[start, end) joined with their spaces. */
export function joinedLength(words: readonly CueWord[], start = 0, end = words.length): number {
  let length = 0;
  for (let i = start; i < end; i++) length += words[i]!.length + (i < end - 1 && !words[i]!.gluedToNext ? 1 : 0);
  return length;
}

export function breakCostBefore(words: readonly CueWord[], index: number, language: string): number {
  const before = words[index - 1]!;
  return phraseBreakCost({ before: before.text, after: words[index]!.text, insideWord: before.gluedToNext }, language);
}

/** breakCostBefore of every word (index 0 unused): computed once per sentence, read by every range tried. */
export function breakCosts(words: readonly CueWord[], language: string): number[] {
  return words.map((_, i) => (i === 0 ? 0 : breakCostBefore(words, i, language)));
}

export function layoutLines(words: readonly CueWord[], language: string, maxLineLength: number): CueLayout | null {
  const best = bestLineBreak(words, 0, words.length, maxLineLength, breakCosts(words, language));
  if (!best) return null;
  if (best.split === words.length) return { lines: [joinWords(words)], cost: 0 };
  return { lines: [joinWords(words.slice(0, best.split)), joinWords(words.slice(best.split))], cost: best.cost };
}

/**
 * Where words[start, end) reads best broken into lines, without building them (the
 * cue search tries many ranges): split === end means one line; null when they do not fit.
 */
export function bestLineBreak(words: readonly CueWord[], start: number, end: number, maxLineLength: number, costs: readonly number[]): { split: number; cost: number } | null {
  if (end <= start) return null;
  const total = joinedLength(words, start, end);
  if (total <= maxLineLength) return { split: end, cost: 0 };
  let best: { split: number; cost: number } | null = null;
  let topLength = 0;
  for (let split = start + 1; split < end; split++) {
    const before = words[split - 1]!;
    topLength += before.length;
    const gap = before.gluedToNext ? 0 : 1;
    const bottomLength = total - topLength - gap;
    if (topLength > maxLineLength) break;
    if (bottomLength <= maxLineLength) {
      // Bottom-heavy lines are slightly preferred: the eye lands on the lower line.
      const imbalance = Math.abs(topLength - bottomLength) / 8 + (topLength > bottomLength ? 0.5 : 0);
      const cost = costs[split]! * 2 + imbalance;
      if (!best || cost < best.cost) best = { split, cost };
    }
    topLength += gap;
  }
  return best;
}
