// Serializes cues as WebVTT and SubRip. In WebVTT, &, < and > are written as
// character references, so the file never holds "-->" inside cue text while the
// viewer still reads exactly what the author wrote. SubRip has no escapes, so
// there "-->" is shown as an arrow (→) instead.
import type { TimedChapter } from '../types.js';
import type { CaptionCue } from './cues.js';

export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function vttTimestamp(ms: number): string {
  return clock(ms, '.');
}

export function srtTimestamp(ms: number): string {
  return clock(ms, ',');
}

function clock(totalMs: number, fractionSeparator: string): string {
  const ms = Math.max(0, Math.round(totalMs));
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fractionSeparator}${pad(ms % 1000, 3)}`;
}

/** A voice label is cue span annotation text: one line, no tag delimiters. */
export function voiceAnnotation(label: string): string {
  return escapeCueText(label.replace(/\s+/g, ' ').trim());
}

/**
 * @param voiceLabels when set (the book has more than one voice), every cue is
 * wrapped in a <v Label> span naming its voice.
 */
export function captionsVtt(cues: readonly CaptionCue[], voiceLabels?: ReadonlyMap<string, string>): string {
  const blocks = cues.map((cue) => {
    let text = cue.lines.map(escapeCueText).join('\n');
    if (voiceLabels) {
      const label = voiceAnnotation(voiceLabels.get(cue.voice) ?? cue.voice);
      if (label !== '') text = `<v ${label}>${text}</v>`;
    }
    return `${vttTimestamp(cue.startMs)} --> ${vttTimestamp(cue.endMs)}\n${text}`;
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

/** One cue per chapter, each ending where the next begins. */
export function chaptersVtt(chapters: readonly TimedChapter[], durationMs: number): string {
  const blocks = chapters.map((chapter, i) => {
    const end = chapters[i + 1]?.startMs ?? Math.max(chapter.endMs, durationMs);
    const title = escapeCueText(chapter.title.replace(/\s+/g, ' ').trim()) || `Chapter ${chapter.index + 1}`;
    return `chapter-${chapter.index + 1}\n${vttTimestamp(chapter.startMs)} --> ${vttTimestamp(end)}\n${title}`;
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

export function captionsSrt(cues: readonly CaptionCue[]): string {
  const blocks = cues.map((cue, i) => {
    const text = cue.lines.map((line) => line.replace(/-->/g, '→')).join('\n');
    return `${i + 1}\n${srtTimestamp(cue.startMs)} --> ${srtTimestamp(cue.endMs)}\n${text}`;
  });
  return blocks.join('\n\n') + '\n';
}
