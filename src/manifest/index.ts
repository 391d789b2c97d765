// manifest.json (the record of a run: every chapter and segment with its source,
// SSML, voice and place in the final audio) and chapters.json (Podcasting 2.0).
import type { BookMeta, Manifest, Segment, Timeline } from '../types.js';

export function buildManifest(meta: BookMeta, sourceFile: string, provider: string, segments: Segment[], timeline: Timeline, files: string[], audioFingerprint?: string, engine?: string): Manifest {
  const timed = new Map(timeline.segments.map((s) => [s.id, s]));
  return {
    version: 1,
    title: meta.title,
    author: meta.author,
    language: meta.language,
    sourceFile,
    provider,
    ...(engine ? { engine } : {}),
    sampleRate: timeline.sampleRate,
    durationMs: round(timeline.durationMs),
    files,
    audioFingerprint,
    chapters: timeline.chapters.map((c) => {
      const first = segments.find((s) => s.chapterIndex === c.index)!;
      return {
        index: c.index,
        title: c.title,
        location: first.location,
        startMs: round(c.startMs),
        endMs: round(c.endMs),
        segments: segments
          .filter((s) => s.chapterIndex === c.index)
          .map((s) => ({
            id: s.id,
            kind: s.kind,
            location: s.location,
            ssml: s.ssml,
            provider,
            voice: s.voice,
            startMs: round(timed.get(s.id)!.startMs),
            endMs: round(timed.get(s.id)!.endMs),
          })),
      };
    }),
  };
}

/** Podcasting 2.0 JSON chapters (jsonChapters.md v1.2). */
export function buildJsonChapters(meta: BookMeta, timeline: Timeline): object {
  return {
    version: '1.2.0',
    title: meta.title,
    ...(meta.author ? { author: meta.author } : {}),
    chapters: timeline.chapters.map((c) => ({ startTime: round(c.startMs) / 1000, title: c.title })),
  };
}

function round(ms: number): number {
  return Math.round(ms);
}
