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

export function joinedLength(words: readonly CueWord[]): number {
  let length = 0;
  words.forEach((w, i) => (length += w.length + (i < words.length - 1 && !w.gluedToNext ? 1 : 0)));
  return length;
}

export function breakCostBefore(words: readonly CueWord[], index: number, language: string): number {
  const before = words[index - 1]!;
  return phraseBreakCost({ before: before.text, after: words[index]!.text, insideWord: before.gluedToNext }, language);
}

export function layoutLines(words: readonly CueWord[], language: string, maxLineLength: number): CueLayout | null {
  if (words.length === 0) return null;
  const total = joinedLength(words);
  if (total <= maxLineLength) return { lines: [joinWords(words)], cost: 0 };
  let best: { split: number; cost: number } | null = null;
  let topLength = 0;
  for (let split = 1; split < words.length; split++) {
    const before = words[split - 1]!;
    topLength += before.length;
    const gap = before.gluedToNext ? 0 : 1;
    const bottomLength = total - topLength - gap;
    if (topLength > maxLineLength) break;
    if (bottomLength <= maxLineLength) {
      // Bottom-heavy lines are slightly preferred: the eye lands on the lower line.
      const imbalance = Math.abs(topLength - bottomLength) / 8 + (topLength > bottomLength ? 0.5 : 0);
      const cost = breakCostBefore(words, split, language) * 2 + imbalance;
      if (!best || cost < best.cost) best = { split, cost };
    }
    topLength += gap;
  }
  if (!best) return null;
  return { lines: [joinWords(words.slice(0, best.split)), joinWords(words.slice(best.split))], cost: best.cost };
}
