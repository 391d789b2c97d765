// The flat sequence both script formats are read into before chapters are built.
export type Block =
  | { kind: 'book-title'; text: string; line: number }
  | { kind: 'chapter'; text: string; line: number }
  /** Paragraph text keeps source line breaks as "\n" so lines can be traced. */
  | { kind: 'paragraph'; text: string; line: number };

/** `#[voice:"name"]` at the start of a paragraph: Speech Markdown's section voice. */
export const VOICE_DIRECTIVE = /^#\[voice:"([^"\n]*)"\]\s*/;
