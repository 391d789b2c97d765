// Splits a marked paragraph into sentences. Boundaries come from sentence-splitter
// (wrapped here so it can be replaced); we only repair its known slip of ending a
// sentence at an abbreviation that is followed by a lower-case word ("5 p.m. today").
import { split, SentenceSplitterSyntax } from 'sentence-splitter';
import type { Inline } from '../types.js';

import type { MarkedParagraph, PlacedInline } from './pacing-marks.js';

export interface SentenceDraft {
  text: string;
  inlines: Inline[];
  line: number;
}

export function splitSentences(paragraph: MarkedParagraph): SentenceDraft[] {
  const ranges = sentenceRanges(paragraph.display);
  return ranges
    .map(([start, end], i) => {
      const isLast = i === ranges.length - 1;
      const inlines = inlinesWithin(paragraph.inlines, start, end, isLast);
      const firstVisible = start + (paragraph.display.slice(start, end).search(/\S/) + 1 || 1) - 1;
      return { text: foldSpace(paragraph.display.slice(start, end)), inlines, line: paragraph.lineAt[firstVisible] ?? paragraph.lineAt[0] ?? 1 };
    })
    .filter((s) => s.text !== '' || s.inlines.some((i) => i.kind === 'break'));
}

/** sentence-splitter does not end a sentence at a closing quote: `"…years." The wind`. */
const END_INSIDE_QUOTE = /[.!?…]["”’']\s+(?=["“‘(]?[A-Z0-9])/g;

function splitAtClosingQuotes(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(END_INSIDE_QUOTE)) {
    const cut = start + m.index + 2;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, end]);
  return out;
}

function sentenceRanges(display: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const flat = display.replace(/\n/g, ' ');
  const found = split(flat)
    .filter((node) => node.type === SentenceSplitterSyntax.Sentence)
    .flatMap((node) => splitAtClosingQuotes(flat, node.range[0], node.range[1]));
  for (const [start, end] of found) {
    const previous = ranges[ranges.length - 1];
    if (previous && /^[\s"'“‘(]*[a-z]/.test(display.slice(start, end))) previous[1] = end;
    else ranges.push([start, end]);
  }
  // Stretch ranges to touch so no character (or zero-width break) falls between them.
  if (ranges.length === 0) return [[0, display.length]];
  ranges[0]![0] = 0;
  for (let i = 1; i < ranges.length; i++) ranges[i]![0] = ranges[i - 1]![1];
  ranges[ranges.length - 1]![1] = display.length;
  return ranges;
}

function inlinesWithin(inlines: PlacedInline[], start: number, end: number, isLast: boolean): Inline[] {
  const out: Inline[] = [];
  for (const placed of inlines) {
    const { at, ...inline } = placed;
    if (inline.kind === 'text') {
      const from = Math.max(start, at);
      const to = Math.min(end, at + inline.text.length);
      if (from < to) pushText(out, inline.text.slice(from - at, to - at));
    } else if (at >= start && (at < end || (isLast && at === end))) {
      out.push(inline);
    }
  }
  return trimEnds(out);
}

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

function trimEnds(inlines: Inline[]): Inline[] {
  const out = inlines
    .map((i) => (i.kind === 'text' ? { ...i, text: i.text.replace(/\s+/g, ' ') } : i));
  const first = out[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text = last.text.trimEnd();
  return out.filter((i) => i.kind !== 'text' || i.text !== '');
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
