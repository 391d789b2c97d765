// Segments stage: packs sentences into provider requests. A segment never crosses a
// paragraph; it is filled with whole sentences up to the provider's limits, and a
// sentence too long for one request is split at clause punctuation, then between words.
import { formatLocation } from '../document/location.js';
import type { Pauses } from '../config/voices.js';
import { NarrateError } from '../errors.js';
import type { ProviderCapabilities } from '../providers/provider.js';
import { renderSegmentSsml, type DroppedTagListener, type SentenceToRender } from '../ssml/render.js';
import type { Segment, SpokenBook, SpokenChapter, SpokenParagraph, SpokenSentence, SpokenToken } from '../types.js';

export interface SegmentOptions {
  pauses: Pauses;
  capabilitiesFor(voiceName: string): ProviderCapabilities;
  onDroppedTag: DroppedTagListener;
}

export function buildSegments(book: SpokenBook, options: SegmentOptions): Segment[] {
  const segments: Segment[] = [];
  book.chapters.forEach((chapter, ci) => {
    const isLastChapter = ci === book.chapters.length - 1;
    segments.push(titleSegment(chapter, options));
    chapter.paragraphs.forEach((paragraph, pi) => {
      const parts = paragraphSegments(chapter, paragraph, pi, options);
      const isLastParagraph = pi === chapter.paragraphs.length - 1;
      const last = parts[parts.length - 1];
      if (last) last.pauseAfterMs = isLastParagraph ? (isLastChapter ? 0 : options.pauses.chapterMs) : options.pauses.paragraphMs;
      segments.push(...parts);
    });
  });
  return segments;
}

function titleSegment(chapter: SpokenChapter, options: SegmentOptions): Segment {
  const caps = options.capabilitiesFor(chapter.voice);
  const sentenceId = titleSentenceId(chapter.index);
  const rendered = renderSegmentSsml([{ sentenceId, tokens: chapter.titleTokens, firstTokenIndex: 0 }], 0, caps, options.onDroppedTag);
  return {
    id: `c${pad(chapter.index + 1, 2)}-title`,
    chapterIndex: chapter.index,
    kind: 'title',
    voice: chapter.voice,
    location: chapter.titleLocation,
    sentenceIds: [sentenceId],
    ...rendered,
    pauseAfterMs: options.pauses.afterTitleMs,
  };
}

export function titleSentenceId(chapterIndex: number): string {
  return `c${pad(chapterIndex + 1, 2)}-title`;
}

interface Piece {
  sentence: SpokenSentence;
  render: SentenceToRender;
  /** True when this piece ends its sentence. */
  endsSentence: boolean;
}

function paragraphSegments(chapter: SpokenChapter, paragraph: SpokenParagraph, pi: number, options: SegmentOptions): Segment[] {
  const caps = options.capabilitiesFor(paragraph.voice);
  const fits = (pieces: Piece[]) => {
    const r = renderSegmentSsml(pieces.map((p) => p.render), options.pauses.sentenceMs, caps, () => {});
    return r.ssml.length <= caps.maxRequestChars && r.billedChars <= caps.maxBilledChars;
  };
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  for (const piece of paragraph.sentences.flatMap((s) => sentencePieces(s, fits))) {
    const canJoin = current.length > 0 && caps.sentenceMarks && current[current.length - 1]!.endsSentence && fits([...current, piece]);
    if (!canJoin && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current.push(piece);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, k) => {
    const rendered = renderSegmentSsml(group.map((p) => p.render), options.pauses.sentenceMs, caps, options.onDroppedTag);
    const last = group[group.length - 1]!;
    return {
      id: `c${pad(chapter.index + 1, 2)}-p${pad(pi + 1, 3)}-k${pad(k + 1, 2)}`,
      chapterIndex: chapter.index,
      kind: 'body',
      voice: paragraph.voice,
      location: group[0]!.sentence.location,
      sentenceIds: [...new Set(group.map((p) => p.sentence.id))],
      ...rendered,
      pauseAfterMs: last.endsSentence ? options.pauses.sentenceMs : 0,
    };
  });
}

/** One piece per sentence, or several when the sentence alone exceeds a request. */
function sentencePieces(sentence: SpokenSentence, fits: (pieces: Piece[]) => boolean): Piece[] {
  const whole = piece(sentence, sentence.tokens, 0, true);
  if (fits([whole])) return [whole];
  const pieces: Piece[] = [];
  let start = 0;
  while (start < sentence.tokens.length) {
    const end = longestFittingEnd(sentence, start, fits);
    pieces.push(piece(sentence, sentence.tokens.slice(start, end), start, end === sentence.tokens.length));
    start = end;
  }
  return pieces;
}

const CLAUSE_END = /[,;:—–)]$|\s[-–—]$/;

function longestFittingEnd(sentence: SpokenSentence, start: number, fits: (pieces: Piece[]) => boolean): number {
  const tokens = sentence.tokens;
  const fitsUpTo = (end: number) => fits([piece(sentence, tokens.slice(start, end), start, false)]);
  let lo = start + 1;
  if (!fitsUpTo(lo)) {
    throw new NarrateError(
      `${formatLocation(sentence.location)}: the word "${tokens[start]!.written.slice(0, 40)}…" is too long for one speech request. Break it up with spaces`,
    );
  }
  let hi = tokens.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsUpTo(mid)) lo = mid;
    else hi = mid - 1;
  }
  // Prefer to end at a clause boundary in the last 40% of what fits.
  for (let end = lo; end > start + Math.floor((lo - start) * 0.6); end--) {
    if (CLAUSE_END.test(tokens[end - 1]!.written)) return end;
  }
  return lo;
}

function piece(sentence: SpokenSentence, tokens: SpokenToken[], firstTokenIndex: number, endsSentence: boolean): Piece {
  return { sentence, render: { sentenceId: sentence.id, tokens, firstTokenIndex }, endsSentence };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
