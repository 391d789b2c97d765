// Text for the ear: turns each written sentence into tokens that say how every
// written word is spoken. The written form is kept for captions; the speech form
// goes to the SSML stage. (Minimal first version: words are spoken as written.)
import type { BookDocument, Inline, SpokenBook, SpokenToken } from '../types.js';

export interface SpeechTextOptions {
  provider: string;
}

export function toSpokenBook(doc: BookDocument, _options: SpeechTextOptions): SpokenBook {
  return {
    meta: doc.meta,
    sourceFile: doc.sourceFile,
    chapters: doc.chapters.map((chapter) => ({
      ...chapter,
      titleTokens: spokenTokens([{ kind: 'text', text: chapter.title }]),
      paragraphs: chapter.paragraphs.map((p) => ({
        ...p,
        sentences: p.sentences.map((s) => ({ ...s, tokens: spokenTokens(s.inlines) })),
      })),
    })),
  };
}

export function spokenTokens(inlines: Inline[]): SpokenToken[] {
  const tokens: SpokenToken[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'text') {
      for (const word of inline.text.split(/\s+/).filter(Boolean)) tokens.push({ written: word, speech: [{ kind: 'text', text: word }] });
    } else if (inline.kind === 'break') {
      tokens.push({ written: '', speech: [inline] });
    } else {
      tokens.push({ written: inline.text, speech: [inline] });
    }
  }
  return tokens;
}
