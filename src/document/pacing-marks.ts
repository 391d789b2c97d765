// Speech Markdown pacing marks inside paragraph text: [500ms], [2s], [break:"strong"],
// (FBI)[characters], (word)[emphasis:"strong"], (Dr.)[sub:"Doctor"].
// Everything else, including anything that looks like SSML, stays literal text.
import { fileError } from '../errors.js';
import type { BreakStrength, EmphasisLevel, Inline } from '../types.js';

/** An inline placed in the paragraph's display text (marks removed). */
export type PlacedInline = Inline & { at: number };

export interface MarkedParagraph {
  /** The text a reader sees: marks removed, source line breaks kept as "\n". */
  display: string;
  /** Source line of every display character. */
  lineAt: number[];
  inlines: PlacedInline[];
}

/** Longest pause a mark may ask for; Polly's <break> limit (standards.md §1). */
export const MAX_BREAK_MS = 10_000;

const MARK = new RegExp(
  [
    String.raw`\[(?<ms>\d+(?:\.\d+)?)(?<unit>ms|s)\]`,
    String.raw`\[break:"(?<strength>[a-z-]+)"\]`,
    String.raw`\((?<target>[^()\n]+)\)\[(?<modifier>[a-z]+)(?::"(?<value>[^"\n]*)")?\]`,
    // Anything shaped like a mark but not one of the above is a mistake, not text.
    String.raw`(?<bad>\[(?:\d+(?:\.\d+)?\s*(?:m?secs?|seconds?|millis|milliseconds?|ms|s)|break[^\]\n]*|[a-z]+:"[^\]\n]*)\])`,
  ].join('|'),
  'g',
);

const STRENGTHS = new Set<BreakStrength>(['none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong']);
const EMPHASIS = new Set<EmphasisLevel>(['strong', 'moderate', 'reduced']);
const HELP = 'Use [500ms], [2s], [break:"strong"], (text)[characters], (text)[emphasis:"strong"] or (text)[sub:"alias"]';

export function parsePacingMarks(text: string, firstLine: number, file: string): MarkedParagraph {
  const out: MarkedParagraph = { display: '', lineAt: [], inlines: [] };
  let line = firstLine;
  let cursor = 0;
  const emitText = (s: string) => {
    if (s === '') return;
    out.inlines.push({ kind: 'text', text: s, at: out.display.length });
    for (const ch of s) {
      for (let i = 0; i < ch.length; i++) out.lineAt.push(line);
      if (ch === '\n') line++;
    }
    out.display += s;
  };
  for (const m of text.matchAll(MARK)) {
    emitText(text.slice(cursor, m.index));
    const mark = toInline(m, `${line}`, file);
    const at = out.display.length;
    out.inlines.push({ ...mark, at });
    if (mark.kind !== 'break') {
      out.display += mark.text;
      for (let i = 0; i < mark.text.length; i++) out.lineAt.push(line);
    }
    cursor = m.index + m[0].length;
  }
  emitText(text.slice(cursor));
  return out;
}

function toInline(m: RegExpMatchArray, line: string, file: string): Inline {
  const g = m.groups!;
  const bad = (why: string) => fileError(file, line, `malformed pacing mark "${m[0]}": ${why}`, HELP);
  if (g.bad) throw bad('not a mark narrate knows');
  if (g.ms) {
    const ms = Math.round(Number(g.ms) * (g.unit === 's' ? 1000 : 1));
    if (ms > MAX_BREAK_MS) throw bad(`a pause is at most ${MAX_BREAK_MS / 1000}s`);
    return { kind: 'break', timeMs: ms };
  }
  if (g.strength) {
    if (!STRENGTHS.has(g.strength as BreakStrength)) throw bad(`strength must be one of ${[...STRENGTHS].join(', ')}`);
    return { kind: 'break', strength: g.strength as BreakStrength };
  }
  const target = g.target!.trim();
  switch (g.modifier) {
    case 'characters':
    case 'chars':
      return { kind: 'characters', text: target };
    case 'emphasis':
      if (!EMPHASIS.has(g.value as EmphasisLevel)) throw bad('emphasis takes "strong", "moderate" or "reduced"');
      return { kind: 'emphasis', text: target, level: g.value as EmphasisLevel };
    case 'sub':
      if (!g.value?.trim()) throw bad('sub needs the words to say, e.g. (Dr.)[sub:"Doctor"]');
      return { kind: 'sub', text: target, alias: g.value.trim() };
    default:
      throw bad(`unknown modifier "${g.modifier}"`);
  }
}
