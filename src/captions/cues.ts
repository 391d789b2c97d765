// Turns the final timeline's timed words into caption cues: each sentence is cut
// into cues that fit two 42-character lines and seven seconds, at the best phrase
// boundaries; very short neighbouring sentences share a cue; times come straight
// from the words' own start and end on the final audio clock.
import type { TimedToken, Timeline } from '../types.js';
import { DEFAULT_LIMITS, type CaptionLimits } from './limits.js';
import { bestLineBreak, breakCosts, joinedLength, layoutLines, type CueWord } from './lines.js';
import { displayableWord, hardWrap, visibleLength } from './text.js';

export interface CaptionCue {
  startMs: number;
  endMs: number;
  lines: string[];
  voice: string;
  chapterIndex: number;
  sentenceIds: string[];
  /** When the first word starts and the last word stops being heard. */
  speechStartMs: number;
  speechEndMs: number;
}

interface SentenceWords {
  sentenceId: string;
  chapterIndex: number;
  voice: string;
  words: CueWord[];
}

interface CueDraft extends Omit<CaptionCue, 'startMs' | 'endMs'> {
  words: CueWord[];
  /** False when the sentence was cut into several cues. */
  wholeSentences: boolean;
}

const CUE_COST = 6;
const BREAK_WEIGHT = 8;
const SHORT_CUE_COST = 30;
/**
 * An engine may voice two written words as one (eSpeak NG says "for a" as one
 * word event); the second then has no time of its own, and a cue starting on it
 * would start late. Cues start on such a word only when nothing else fits.
 */
const UNTIMED_START_COST = 40;

export function buildCues(timeline: Timeline, language: string, limits: CaptionLimits = DEFAULT_LIMITS): CaptionCue[] {
  const drafts: CueDraft[] = [];
  let wordsKeptFrom = 0;
  for (const sentence of sentencesOf(timeline.tokens, limits)) {
    const chunks = chunkSentence(sentence.words, language, limits);
    const parts = chunks.map((words) => draftCue(sentence, words, chunks.length === 1, language, limits));
    const previous = drafts.at(-1);
    const merged = parts.length === 1 && previous ? mergeShortSentences(previous, parts[0]!, language, limits) : null;
    if (merged) drafts[drafts.length - 1] = merged;
    else drafts.push(...parts);
    // Only the last draft's words are read again (to merge a short sentence into
    // it); letting go of the others keeps a whole book's words out of memory.
    for (; wordsKeptFrom < drafts.length - 1; wordsKeptFrom++) drafts[wordsKeptFrom]!.words = [];
  }
  return placeInTime(drafts, timeline.durationMs, limits);
}

export function cueText(cue: { lines: string[] }): string {
  return cue.lines.join(' ');
}

/** Consecutive displayable tokens of one sentence, one sentence at a time. */
function* sentencesOf(tokens: readonly TimedToken[], limits: CaptionLimits): Generator<SentenceWords> {
  let current: SentenceWords | undefined;
  for (const token of tokens) {
    const text = displayableWord(token.written);
    if (text === '') continue;
    if (!current || current.sentenceId !== token.sentenceId) {
      if (current) yield current;
      current = { sentenceId: token.sentenceId, chapterIndex: token.chapterIndex, voice: token.voice, words: [] };
    }
    pushWords(current.words, token, text, limits.maxLineLength);
  }
  if (current) yield current;
}

/**
 * Adds the token's word; a word too long for a line is hard-wrapped, and only then is
 * its time shared by length. Each word is one plain object literal, pushed as it is
 * made: spreading a shared base and the returned array, once per word of a book, left
 * tens of MiB of short-lived garbage that outlived young-generation collections.
 */
function pushWords(words: CueWord[], token: TimedToken, text: string, maxLineLength: number): void {
  const length = visibleLength(text);
  if (length <= maxLineLength) {
    words.push({ text, length, startMs: token.startMs, endMs: token.endMs, sentenceId: token.sentenceId, gluedToNext: false });
    return;
  }
  const pieces = hardWrap(text, maxLineLength);
  const msPerLetter = (token.endMs - token.startMs) / length;
  let at = token.startMs;
  pieces.forEach((piece, i) => {
    const pieceLength = visibleLength(piece);
    const startMs = at;
    at = i === pieces.length - 1 ? token.endMs : at + pieceLength * msPerLetter;
    words.push({ text: piece, length: pieceLength, startMs, endMs: at, sentenceId: token.sentenceId, gluedToNext: i < pieces.length - 1 });
  });
}

/** Cuts one sentence into cues by dynamic programming over the word boundaries. */
function chunkSentence(words: CueWord[], language: string, limits: CaptionLimits): CueWord[][] {
  const n = words.length;
  const sentenceMs = words[n - 1]!.endMs - words[0]!.startMs;
  const best: Array<{ cost: number; from: number }> = [{ cost: 0, from: -1 }];
  const costs = breakCosts(words, language);
  for (let end = 1; end <= n; end++) {
    best[end] = { cost: Infinity, from: end - 1 };
    for (let start = end - 1; start >= 0; start--) {
      if (joinedLength(words, start, end) > limits.maxLineLength * limits.maxLines + 1) break;
      const spanMs = words[end - 1]!.endMs - words[start]!.startMs;
      if (spanMs > limits.maxCueMs && end - start > 1) break;
      const layout = bestLineBreak(words, start, end, limits.maxLineLength, costs);
      if (!layout || best[start]!.cost === Infinity) continue;
      const breakCost = end < n ? costs[end]! * BREAK_WEIGHT + (hasOwnTime(words[end]!) ? 0 : UNTIMED_START_COST) : 0;
      const tooShort = spanMs < limits.minCueMs && sentenceMs >= limits.minCueMs ? SHORT_CUE_COST : 0;
      const cost = best[start]!.cost + CUE_COST + layout.cost + breakCost + tooShort;
      if (cost < best[end]!.cost) best[end] = { cost, from: start };
    }
  }
  const chunks: CueWord[][] = [];
  for (let end = n; end > 0; end = best[end]!.from) chunks.unshift(words.slice(best[end]!.from, end));
  return chunks;
}

function hasOwnTime(word: CueWord): boolean {
  return word.endMs > word.startMs;
}

function draftCue(sentence: SentenceWords, words: CueWord[], wholeSentences: boolean, language: string, limits: CaptionLimits): CueDraft {
  const layout = layoutLines(words, language, limits.maxLineLength);
  if (!layout) throw new Error(`sentence ${sentence.sentenceId} has a cue that cannot be laid out`);
  return {
    lines: layout.lines,
    words,
    wholeSentences,
    voice: sentence.voice,
    chapterIndex: sentence.chapterIndex,
    sentenceIds: [sentence.sentenceId],
    speechStartMs: words[0]!.startMs,
    speechEndMs: words.at(-1)!.endMs,
  };
}

/**
 * Two sentences share a cue only when each is too short to make a cue of its own
 * (under the minimum cue time), they are spoken by one voice in one paragraph,
 * close together, and the pair still fits the cue limits.
 */
function mergeShortSentences(previous: CueDraft, next: CueDraft, language: string, limits: CaptionLimits): CueDraft | null {
  const short = (d: CueDraft) => d.wholeSentences && d.speechEndMs - d.speechStartMs < limits.minCueMs;
  if (!short(previous) || !short(next)) return null;
  if (previous.voice !== next.voice || paragraphOf(previous.sentenceIds[0]!) !== paragraphOf(next.sentenceIds[0]!)) return null;
  if (next.speechStartMs - previous.speechEndMs > limits.maxMergeGapMs) return null;
  if (next.speechEndMs - previous.speechStartMs > limits.maxCueMs) return null;
  const words = [...previous.words, ...next.words];
  const layout = layoutLines(words, language, limits.maxLineLength);
  if (!layout) return null;
  return { ...previous, words, lines: layout.lines, sentenceIds: [...previous.sentenceIds, ...next.sentenceIds], speechEndMs: next.speechEndMs };
}

/** "c02-p003-s01" → "c02-p003"; ids of another shape (a title) stand alone. */
function paragraphOf(sentenceId: string): string {
  return sentenceId.replace(/-s\d+$/, '');
}

/**
 * Cue start is the first word's start; the end is the last word's stop, held a
 * little longer only to reach the minimum time or the reading speed, never into
 * the next cue and never past the timing tolerance.
 */
function placeInTime(drafts: CueDraft[], durationMs: number, limits: CaptionLimits): CaptionCue[] {
  const starts = drafts.map((d) => Math.round(d.speechStartMs));
  return drafts.map((draft, i) => {
    const startMs = starts[i]!;
    const spokenEnd = Math.max(Math.round(draft.speechEndMs), startMs + 1);
    const characters = visibleLength(cueText(draft));
    const wanted = Math.max(startMs + limits.minCueMs, startMs + Math.floor((characters * 1000) / limits.maxCharsPerSecond) + 1);
    const ceiling = Math.min(spokenEnd + limits.maxEndExtensionMs, starts[i + 1] ?? Infinity, startMs + limits.maxCueMs, Math.round(durationMs));
    const endMs = Math.max(spokenEnd, Math.min(wanted, ceiling));
    const { words: _words, wholeSentences: _whole, ...cue } = draft;
    return { ...cue, startMs, endMs };
  });
}
