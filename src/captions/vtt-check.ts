// Our one door to the W3C's webvtt-parser (a CommonJS module): a file is only
// written when the reference parser reads it back without a single error.
import { createRequire } from 'node:module';
import type { Entity, TreeNode, TreeNodeObjectTagNameWithRt, VTTData, WebVTTParser as Parser } from 'webvtt-parser';

const require = createRequire(import.meta.url);
const { WebVTTParser } = require('webvtt-parser') as { WebVTTParser: typeof Parser };
// The parser's built-in entity list lacks the ";" forms ("&amp;" would read as "&;");
// the full HTML list it ships gives the spec's behaviour.
const htmlEntities = require('webvtt-parser/html-entities.json') as Record<Entity, string>;

type AnyTreeNode = TreeNode<TreeNodeObjectTagNameWithRt>;

export type VttMode = 'captions' | 'chapters';

export function parseVtt(text: string, mode: VttMode): VTTData {
  return new WebVTTParser(htmlEntities).parse(text, mode);
}

export interface VttCheck {
  /** The parser's errors, in file order, with line numbers of the whole file. */
  errors: { line: number; message: string }[];
  cueCount: number;
}

const LINE_END = /\r\n|\r|\n/g;

/**
 * Reads a file exactly as parseVtt would, but a bounded run of blocks at a time,
 * so checking a whole book never holds the parse tree of every cue at once.
 * A blank line always ends a WebVTT block, and the parser carries only two facts
 * from one cue to the next: that a cue was seen (STYLE may not follow one) and
 * the previous cue's start (starts may not go back). Each later batch is parsed
 * after a signature and a stand-in cue carrying both; line numbers are the file's.
 */
export function checkVtt(text: string, mode: VttMode, blocksPerBatch = 500): VttCheck {
  const errors: VttCheck['errors'] = [];
  let cueCount = 0;
  let previousCueStart: number | undefined;
  let start = 0;
  let firstLine = 1;
  do {
    const { end, lines } = batchEnd(text, start, blocksPerBatch);
    const context = start === 0 ? '' : cueCount === 0 ? 'WEBVTT\n\n' : `WEBVTT\n\n${standInTimestamp(previousCueStart)} --> ${standInTimestamp(previousCueStart, 1)}\n-\n\n`;
    const contextLines = context.split('\n').length - 1;
    const parsed = parseVtt(context + text.slice(start, end), mode);
    for (const e of parsed.errors) if (e.line > contextLines) errors.push({ line: e.line - contextLines - 1 + firstLine, message: e.message });
    const cues = context.includes('-->') ? parsed.cues.slice(1) : parsed.cues;
    cueCount += cues.length;
    if (cues.length > 0) previousCueStart = cues[cues.length - 1]!.startTime;
    start = end;
    firstLine += lines;
  } while (start < text.length);
  return { errors, cueCount };
}

/** Where the batch from `start` ends: at the first line of its (blocks + 1)-th block, or the end of the text; and how many lines it spans. */
function batchEnd(text: string, start: number, blocks: number): { end: number; lines: number } {
  LINE_END.lastIndex = start;
  let lineStart = start;
  let lines = 0;
  let seen = 0;
  let previousBlank = true;
  for (;;) {
    const match = LINE_END.exec(text);
    const lineEnd = match ? match.index : text.length;
    const blank = lineEnd === lineStart;
    if (!blank && previousBlank && ++seen > blocks) return { end: lineStart, lines };
    if (!match) return { end: text.length, lines };
    previousBlank = blank;
    lines++;
    lineStart = match.index + match[0].length;
  }
}

/** A cue start in the file's own ms precision (the parser's starts are seconds); undefined (no start read) behaves like 0. */
function standInTimestamp(seconds: number | undefined, plusMs = 0): string {
  const ms = Math.round((seconds ?? 0) * 1000) + plusMs;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** One line per problem, "line N: message"; empty when the file is valid. */
export function vttProblems(text: string, mode: VttMode): string[] {
  return checkVtt(text, mode).errors.map((e) => `line ${e.line}: ${e.message}`);
}

/** The text a viewer would see in a parsed cue, tags and references resolved. */
export function visibleCueText(nodes: readonly AnyTreeNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'object' ? visibleCueText(node.children) : '')).join('');
}

/** The <v> voice names used in a parsed cue. */
export function cueVoices(nodes: readonly AnyTreeNode[]): string[] {
  return nodes.flatMap((node) => (node.type === 'object' ? [...(node.name === 'v' ? [node.value] : []), ...cueVoices(node.children)] : []));
}
