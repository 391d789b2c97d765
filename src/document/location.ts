// How a place in a source is written in messages: "story.md:12" for scripts with lines,
// "book.epub/OEBPS/ch01.xhtml (#intro, block 4)" for sources without (HTML, EPUB).
import type { SourceLocation } from '../types.js';

export function formatLocation(location: SourceLocation): string {
  return location.place ? `${location.file} (${location.place})` : `${location.file}:${location.line}`;
}
