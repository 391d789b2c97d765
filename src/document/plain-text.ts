// Plain-text scripts: a line is a paragraph, a blank line starts a new part.
// A part whose first line is short and heading-like starts a chapter titled by it; other
// parts continue the chapter before them (the first is named after the book), so
// chapters come from real headings only.
import type { Block } from './blocks.js';

export interface NumberedLine {
  line: number;
  text: string;
}

const MAX_HEADING_CHARS = 60;

export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_HEADING_CHARS && !/[.,;:!?…"”’)]$/.test(t) && !/^#\[/.test(t) && !/^by\s/i.test(t);
}

export function plainTextBlocks(lines: NumberedLine[], hasTitle: boolean): Block[] {
  if (blankLinesSeparateParagraphs(splitParts(lines, false), hasTitle)) return paragraphModeBlocks(lines.filter((l) => l.text.trim() !== ''), hasTitle);
  const parts = splitParts(lines, true);
  const blocks: Block[] = [];
  parts.forEach((part, i) => {
    if (i === 0 && !hasTitle && isBookTitle(part, parts.length)) {
      blocks.push({ kind: 'book-title', text: part[0]!.text.trim(), line: part[0]!.line });
      const byLine = part[1];
      if (byLine) blocks.push({ kind: 'paragraph', text: byLine.text, line: byLine.line });
      return;
    }
    const [first, ...rest] = part;
    if (isHeadingLike(first!.text) && rest.length > 0) {
      blocks.push({ kind: 'chapter', text: first!.text.trim(), line: first!.line });
      part = rest;
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

/**
 * Text pasted from the web puts a blank line between every paragraph. When no part has
 * more than one line, blank lines are read as paragraph breaks and heading-like lines
 * start the parts instead.
 */
function blankLinesSeparateParagraphs(parts: NumberedLine[][], hasTitle: boolean): boolean {
  const body = !hasTitle && parts.length > 1 && isBookTitle(parts[0]!, parts.length) ? parts.slice(1) : parts;
  return body.length >= 3 && body.every((p) => p.length === 1);
}

function paragraphModeBlocks(lines: NumberedLine[], hasTitle: boolean): Block[] {
  const blocks: Block[] = [];
  lines.forEach((l, i) => {
    if (i === 0 && !hasTitle && isHeadingLike(l.text)) blocks.push({ kind: 'book-title', text: l.text.trim(), line: l.line });
    else if (isHeadingLike(l.text) && i < lines.length - 1) blocks.push({ kind: 'chapter', text: l.text.trim(), line: l.line });
    else blocks.push({ kind: 'paragraph', text: l.text, line: l.line });
  });
  return blocks;
}

/** Parts are split by blank lines; a line dropped by cleanup between two blank lines joins them. */
function splitParts(lines: NumberedLine[], joinAcrossDropped: boolean): NumberedLine[][] {
  const parts: NumberedLine[][] = [];
  let current: NumberedLine[] = [];
  let blanks = 0;
  for (const l of lines) {
    if (l.text.trim() === '') {
      blanks++;
      continue;
    }
    const previous = current[current.length - 1];
    const droppedBetween = joinAcrossDropped && previous !== undefined && l.line - previous.line - 1 > blanks;
    if (blanks > 0 && !droppedBetween && current.length) {
      parts.push(current);
      current = [];
    }
    current.push(l);
    blanks = 0;
  }
  if (current.length) parts.push(current);
  return parts;
}
