// Places every segment, pause and written token on the final audio's clock.
// Token times come from the engine's marks; only where an engine reported no word
// marks at all are a sentence's words spread over its measured span by length.
import type { BookDocument, Segment, SpeechMark, Timeline, TimedToken, TokenSpan } from '../types.js';
import type { PlacedSpeech } from './chapter-store.js';

/** `placed[i]` is segment i's speech and the silence after it, at `sampleRate`. */
export function planTimeline(book: BookDocument, segments: Segment[], placed: PlacedSpeech[], sampleRate: number): Timeline {
  const tokens: TimedToken[] = [];
  const starts: number[] = [];
  let cursor = 0;
  const ms = (samples: number) => (samples * 1000) / sampleRate;
  segments.forEach((segment, i) => {
    const p = placed[i]!;
    starts.push(cursor);
    const offsetMs = ms(cursor);
    for (const t of tokenTimes(segment, p.marks, ms(p.samples))) {
      tokens.push({ ...t, startMs: offsetMs + t.startMs, endMs: offsetMs + t.endMs });
    }
    cursor += p.samples + p.pauseSamples;
  });
  const durationMs = ms(cursor);
  const chapters = book.chapters.map((c) => {
    const first = segments.findIndex((s) => s.chapterIndex === c.index);
    return { index: c.index, title: c.title, startMs: ms(starts[first]!), endMs: 0 };
  });
  chapters.forEach((c, i) => (c.endMs = chapters[i + 1]?.startMs ?? durationMs));
  const timedSegments = segments.map((s, i) => ({ id: s.id, chapterIndex: s.chapterIndex, startMs: ms(starts[i]!), endMs: ms(starts[i]! + placed[i]!.samples) }));
  return { durationMs, sampleRate, chapters, segments: timedSegments, tokens };
}

function tokenTimes(segment: Segment, marks: SpeechMark[], audioMs: number): TimedToken[] {
  const words = marks.filter((m) => m.type === 'word' && m.start !== undefined);
  if (words.length === 0) return spreadBySentence(segment, marks, audioMs);
  const out: TimedToken[] = [];
  let previousEnd = 0;
  for (const span of segment.tokenSpans) {
    const hits = words.filter((m) => m.start! >= span.start && m.start! < span.end);
    const startMs = hits.length ? Math.min(...hits.map((m) => m.timeMs)) : previousEnd;
    const endMs = hits.length ? Math.max(...hits.map((m) => m.endMs ?? m.timeMs)) : startMs;
    out.push(timed(segment, span, startMs, Math.max(startMs, endMs)));
    previousEnd = Math.max(previousEnd, endMs);
  }
  return out;
}

/** Without word marks: each sentence spans from its mark to the next; words share it by length. */
function spreadBySentence(segment: Segment, marks: SpeechMark[], audioMs: number): TimedToken[] {
  const sentenceStarts = marks.filter((m) => m.type === 'sentence').map((m) => m.timeMs);
  const out: TimedToken[] = [];
  segment.sentenceIds.forEach((id, si) => {
    const spans = segment.tokenSpans.filter((s) => s.sentenceId === id);
    const from = sentenceStarts[si] ?? (si === 0 ? 0 : audioMs);
    const to = sentenceStarts[si + 1] ?? audioMs;
    const total = spans.reduce((n, s) => n + s.written.length + 1, 0) || 1;
    let at = from;
    for (const span of spans) {
      const length = ((to - from) * (span.written.length + 1)) / total;
      out.push(timed(segment, span, at, at + length));
      at += length;
    }
  });
  return out;
}

function timed(segment: Segment, span: TokenSpan, startMs: number, endMs: number): TimedToken {
  return { written: span.written, sentenceId: span.sentenceId, chapterIndex: segment.chapterIndex, voice: segment.voice, startMs, endMs };
}
