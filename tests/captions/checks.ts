// Independent checks of a captions.vtt against the timeline it was made from:
// read back with the W3C parser, words matched to timed tokens one by one.
import { expect } from 'vitest';
import { parseVtt, visibleCueText, cueVoices } from '../../src/captions/vtt-check.js';
import type { Timeline, TimedToken } from '../../src/types.js';

export interface ReadCue {
  startMs: number;
  endMs: number;
  lines: string[];
  voices: string[];
  words: TimedToken[];
}

const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].length;

/** Parses with zero errors and gives each cue the timed words it shows, in order. */
export function readCaptions(vtt: string, timeline: Timeline): ReadCue[] {
  const parsed = parseVtt(vtt, 'captions');
  expect(parsed.errors).toEqual([]);
  const tokens = timeline.tokens.filter((t) => t.written !== '');
  let next = 0;
  const cues = parsed.cues.map((cue) => {
    const lines = visibleCueText(cue.tree.children).split('\n');
    const words: TimedToken[] = [];
    for (const line of lines) {
      for (const word of line.split(' ')) {
        expect(word, `cue at ${cue.startTime}s: word ${next}`).toBe(tokens[next]?.written);
        words.push(tokens[next++]!);
      }
    }
    return { startMs: Math.round(cue.startTime * 1000), endMs: Math.round(cue.endTime * 1000), lines, voices: cueVoices(cue.tree.children), words };
  });
  expect(next, 'every word of the script is captioned').toBe(tokens.length);
  return cues;
}


export function sentenceSpans(timeline: Timeline): Map<string, number> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const t of timeline.tokens) {
    const s = spans.get(t.sentenceId);
    spans.set(t.sentenceId, s ? { from: s.from, to: t.endMs } : { from: t.startMs, to: t.endMs });
  }
  return new Map([...spans].map(([id, s]) => [id, s.to - s.from]));
}

/** Every readability rule of issue 3, as a list of broken ones (empty when all hold). */
export function readabilityProblems(cues: ReadCue[], timeline: Timeline): string[] {
  const spans = sentenceSpans(timeline);
  const problems: string[] = [];
  cues.forEach((cue, i) => {
    const at = `cue ${i} (${cue.lines.join(' / ')})`;
    const duration = cue.endMs - cue.startMs;
    const sentences = [...new Set(cue.words.map((w) => w.sentenceId))];
    const allVeryShort = sentences.every((id) => spans.get(id)! < 1000);
    if (cue.lines.length > 2) problems.push(`${at}: ${cue.lines.length} lines`);
    for (const line of cue.lines) if (graphemes(line) > 42) problems.push(`${at}: line of ${graphemes(line)} characters`);
    if (duration > 7000) problems.push(`${at}: lasts ${duration} ms`);
    if (duration < 1000 && !allVeryShort) problems.push(`${at}: lasts only ${duration} ms`);
    if (sentences.length > 1 && !allVeryShort) problems.push(`${at}: spans ${sentences.length} sentences`);
    const cps = graphemes(cue.lines.join(' ')) / (duration / 1000);
    const heldAsLongAsAllowed = cue.endMs >= Math.min(cue.words.at(-1)!.endMs + 100, cues[i + 1]?.startMs ?? Infinity);
    if (cps >= 20 && !heldAsLongAsAllowed) problems.push(`${at}: ${cps.toFixed(1)} characters per second`);
    if (cue.endMs > (cues[i + 1]?.startMs ?? Infinity)) problems.push(`${at}: overlaps the next cue`);
  });
  return problems;
}

/** Start within [-100, +50] ms of the first word, end within [0, +150] ms of the last word's stop. */
export function timingErrors(cue: ReadCue): { startError: number; endError: number } {
  return { startError: cue.startMs - cue.words[0]!.startMs, endError: cue.endMs - cue.words.at(-1)!.endMs };
}

export function timingProblems(cues: ReadCue[]): string[] {
  return cues.flatMap((cue, i) => {
    const { startError, endError } = timingErrors(cue);
    const problems: string[] = [];
    if (startError < -100 || startError > 50) problems.push(`cue ${i}: starts ${startError} ms from its first word`);
    if (endError < -0.5 || endError > 150) problems.push(`cue ${i}: ends ${endError} ms from its last word's stop`);
    return problems;
  });
}
