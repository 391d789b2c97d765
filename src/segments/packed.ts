// Segments in a compact form for storage (the prepared-text cache). Token spans, one small
// object per word of the book, are most of a long book's segments; here they become columns
// for the whole book: numbers in one Int32Array, the written words in one string, each
// sentence id once. v8 reads that back several times faster than the objects (each object,
// and each small typed array, costs an allocation that a new process pays for in GC).
import type { Segment, TokenSpan } from '../types.js';

export interface PackedSegments {
  /** The segments, each with its number of token spans in place of the spans. */
  segments: Array<Omit<Segment, 'tokenSpans'> & { tokenSpans: number }>;
  /** Per span, COLUMNS numbers: tokenIndex, start, end, length of written, index in sentenceIds. */
  numbers: Int32Array;
  /** Every span's written word, one after another. */
  written: string;
  /** The spans' distinct sentence ids. */
  sentenceIds: string[];
}

const COLUMNS = 5;

export function packSegments(segments: Segment[]): PackedSegments {
  const spanCount = segments.reduce((n, s) => n + s.tokenSpans.length, 0);
  const numbers = new Int32Array(spanCount * COLUMNS);
  const sentenceIds: string[] = [];
  const idIndex = new Map<string, number>();
  const written: string[] = [];
  let at = 0;
  const pack = (span: TokenSpan) => {
    let id = idIndex.get(span.sentenceId);
    if (id === undefined) {
      id = sentenceIds.push(span.sentenceId) - 1;
      idIndex.set(span.sentenceId, id);
    }
    numbers.set([span.tokenIndex, span.start, span.end, span.written.length, id], at);
    at += COLUMNS;
    written.push(span.written);
  };
  const packed = segments.map((segment) => {
    segment.tokenSpans.forEach(pack);
    return { ...segment, tokenSpans: segment.tokenSpans.length };
  });
  return { segments: packed, numbers, written: written.join(''), sentenceIds };
}

export function unpackSegments(packed: PackedSegments): Segment[] {
  const { numbers, written, sentenceIds } = packed;
  let at = 0;
  let char = 0;
  // The spread keeps each segment's keys in their order, tokenSpans in its place.
  return packed.segments.map((segment) => {
    const spans = new Array<TokenSpan>(segment.tokenSpans);
    for (let i = 0; i < spans.length; i++, at += COLUMNS) {
      const length = numbers[at + 3]!;
      spans[i] = { sentenceId: sentenceIds[numbers[at + 4]!]!, tokenIndex: numbers[at]!, written: written.slice(char, char + length), start: numbers[at + 1]!, end: numbers[at + 2]! };
      char += length;
    }
    return { ...segment, tokenSpans: spans };
  });
}
