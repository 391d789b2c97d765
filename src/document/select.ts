// --chapters 3-7,10: narrate a selection of the book's chapters, numbered as --dry-run lists them.
import { NarrateError } from '../errors.js';
import type { BookDocument } from '../types.js';
import { renumberSentences } from './index.js';

export interface ChapterRange {
  from: number;
  to: number;
}

const SYNTAX = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/;

/** "3-7,10" → ranges; undefined when the text is not a selection. */
export function parseChapterSelection(text: string): ChapterRange[] | undefined {
  const parts = text.split(',');
  const ranges: ChapterRange[] = [];
  for (const part of parts) {
    const m = SYNTAX.exec(part);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) return undefined;
    ranges.push({ from, to });
  }
  return ranges.length ? ranges : undefined;
}

/** The book with only the chosen chapters, in book order, renumbered from 1. */
export function selectChapters(book: BookDocument, ranges: ChapterRange[], spec: string): BookDocument {
  const count = book.chapters.length;
  const beyond = ranges.find((r) => r.to > count);
  if (beyond) {
    throw new NarrateError(`--chapters ${spec}: ${book.sourceFile} has ${count} chapter${count === 1 ? '' : 's'}, so ${beyond.to} is out of range. See the numbers with --dry-run`);
  }
  const wanted = (i: number) => ranges.some((r) => i + 1 >= r.from && i + 1 <= r.to);
  const chapters = book.chapters.filter((_, i) => wanted(i)).map((c, i) => ({ ...c, index: i }));
  renumberSentences(chapters);
  return { ...book, chapters };
}
