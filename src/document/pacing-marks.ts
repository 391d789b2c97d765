// Speech Markdown pacing marks inside paragraph text: [500ms], [2s], [break:"strong"],
// (FBI)[characters], (word)[emphasis:"strong"], (Dr.)[sub:"Doctor"].
// Everything else, including anything that looks like SSML, stays literal text: brackets
// in ordinary writing ("[sic]", "[laughs]", "(ed.)[1]") are text. In Markdown a bracket
// that is clearly an attempt at a mark ("[2sec]", "[break:"loud"]") stops the run with
// its line; in plain text, which is often pasted, it is read as written.
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
    // Shaped like a mark but not one: a length with a unit, "break" alone or with a value,
    // a name:"value". "[breaking news]" or "[sic]" is not shaped like one.
    String.raw`(?<bad>\[(?:\d+(?:\.\d+)?\s*(?:m?secs?|seconds?|millis|milliseconds?|ms|s)|break(?:\s*[:=][^\]\n]*)?|[a-z]+\s*:\s*"[^\]\n]*)\])`,
  ].join('|'),
  'g',
);

const STRENGTHS = new Set<BreakStrength>(['none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong']);
const EMPHASIS = new Set<EmphasisLevel>(['strong', 'moderate', 'reduced']);
const HELP = 'Use [500ms], [2s], [break:"strong"], (text)[characters], (text)[emphasis:"strong"] or (text)[sub:"alias"]';

/** What a malformed mark does: stop the run (Markdown scripts) or stay as text (plain text). */
export type MalformedMarks = 'error' | 'text';

export function parsePacingMarks(text: string, firstLine: number, file: string, malformed: MalformedMarks = 'error'): MarkedParagraph {
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
    const markLine = line + (text.slice(cursor, m.index).match(/\n/g)?.length ?? 0);
    const mark = toInline(m, `${markLine}`, file, malformed);
    if (!mark) continue; // read as written, with the text around it
    emitText(text.slice(cursor, m.index));
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

/** The mark as an inline; undefined when it is text: "(he said)[sic]", or any malformed mark in plain text. */
function toInline(m: RegExpMatchArray, line: string, file: string, malformed: MalformedMarks): Inline | undefined {
  try {
    return markInline(m, line, file);
  } catch (e) {
    if (malformed === 'text') return undefined;
    throw e;
  }
}

function markInline(m: RegExpMatchArray, line: string, file: string): Inline | undefined {
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
      // "(x)[name:"value"]" is mark syntax; "(x)[word]" may be ordinary writing.
      if (g.value === undefined) return undefined;
      throw bad(`unknown modifier "${g.modifier}"`);
  }
}
