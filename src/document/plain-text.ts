// Plain-text scripts: a line is a paragraph, a blank line starts a new part.
// A part whose first line is short and heading-like is titled by it.
import type { Block } from './blocks.js';

export interface NumberedLine {
  line: number;
  text: string;
}

const MAX_HEADING_CHARS = 60;

export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_HEADING_CHARS && !/[.,;:!?…"”’)]$/.test(t) && !/^#\[/.test(t);
}

export function plainTextBlocks(lines: NumberedLine[], hasTitle: boolean): Block[] {
  const parts = splitParts(lines);
  const blocks: Block[] = [];
  let partNumber = 0;
  parts.forEach((part, i) => {
    if (i === 0 && !hasTitle && isBookTitle(part, parts.length)) {
      blocks.push({ kind: 'book-title', text: part[0]!.text.trim(), line: part[0]!.line });
      const byLine = part[1];
      if (byLine) blocks.push({ kind: 'paragraph', text: byLine.text, line: byLine.line });
      return;
    }
    partNumber++;
    const [first, ...rest] = part;
    if (isHeadingLike(first!.text) && rest.length > 0) {
      blocks.push({ kind: 'chapter', text: first!.text.trim(), line: first!.line });
      part = rest;
    } else {
      blocks.push({ kind: 'chapter', text: `Part ${partNumber}`, line: first!.line });
    }
    for (const l of part) blocks.push({ kind: 'paragraph', text: l.text, line: l.line });
  });
  return blocks;
}

/** A lone heading-like first line (or one followed by "by Author") names the book. */
function isBookTitle(part: NumberedLine[], partCount: number): boolean {
  if (partCount < 2 || !isHeadingLike(part[0]!.text)) return false;
  return part.length === 1 || (part.length === 2 && /^by\s+\S/i.test(part[1]!.text.trim()));
}

function splitParts(lines: NumberedLine[]): NumberedLine[][] {
  const parts: NumberedLine[][] = [];
  let current: NumberedLine[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') {
      if (current.length) parts.push(current);
      current = [];
    } else {
      current.push(l);
    }
  }
  if (current.length) parts.push(current);
  return parts;
}
