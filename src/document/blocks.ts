// The flat sequence every reader (Markdown, plain text, HTML, EPUB) produces before
// chapters are built. `line` orders blocks and names a script line; readers without
// lines (HTML) number blocks in document order and say where they are in `place`.
import type { Inline } from '../types.js';

export type Block =
  | { kind: 'book-title'; text: string; line: number; place?: string }
  /** `level`: the HTML heading level it came from (h1 = 1), where there was one. */
  | { kind: 'chapter'; text: string; line: number; place?: string; level?: number }
  /**
   * Paragraph text keeps source line breaks as "\n" so lines can be traced. With
   * `inlines` the content is already marked up (HTML): Speech Markdown marks are not
   * looked for, and `text` is the inlines' text.
   */
  | { kind: 'paragraph'; text: string; line: number; place?: string; inlines?: Inline[] }
  /** An element id a caller asked to split at (EPUB `file.xhtml#id`); chapters are built around it. */
  | { kind: 'anchor'; id: string; line: number; place?: string };

/** `#[voice:"name"]` at the start of a paragraph: Speech Markdown's section voice. */
export const VOICE_DIRECTIVE = /^#\[voice:"([^"\n]*)"\]\s*/;
