// Splits a sentence's inlines into written words and peels the punctuation off each,
// so the rules see "1969" in "(1969)," and can look at the words around it.
import type { Inline } from '../types.js';

export interface Word {
  written: string;
  /** Opening punctuation: quotes, brackets. */
  lead: string;
  /** The word itself, e.g. "Dr" in "Dr.," or "1969" in "(1969),". */
  core: string;
  /** Closing punctuation: . , ; : ! ? … quotes, brackets. */
  trail: string;
  /** A pacing mark or marked run from Speech Markdown, passed through untouched. */
  inline?: Exclude<Inline, { kind: 'text' }>;
  /** Written with no space after the previous word, e.g. "!" after a marked "(word)[emphasis]". */
  glued?: boolean;
}

const LEAD = /^[("“‘'\[«¡¿]+/;
const TRAIL = /[)"”’'\]».,;:!?…]+$/;

export function splitWord(written: string): Word {
  const lead = LEAD.exec(written)?.[0] ?? '';
  const afterLead = written.slice(lead.length);
  let trail = TRAIL.exec(afterLead)?.[0] ?? '';
  // Keep an apostrophe that belongs to the word: "the '60s", "students'".
  if (trail.startsWith("'") && /s$/.test(afterLead.slice(0, afterLead.length - trail.length))) trail = trail.slice(1);
  const core = afterLead.slice(0, afterLead.length - trail.length);
  if (core === '' && lead !== '') return { written, lead: '', core: '', trail: written };
  return { written, lead, core, trail };
}

export function wordsOf(inlines: Inline[]): Word[] {
  const words: Word[] = [];
  let spaceBefore = true;
  for (const inline of inlines) {
    if (inline.kind === 'text') {
      for (const piece of inline.text.split(/(\s+)/)) {
        if (piece === '') continue;
        if (/^\s+$/.test(piece)) {
          spaceBefore = true;
          continue;
        }
        words.push({ ...splitWord(piece), ...(spaceBefore || words.length === 0 ? {} : { glued: true }) });
        spaceBefore = false;
      }
    } else {
      const glued = !spaceBefore && words.length > 0 && inline.kind !== 'break';
      words.push({ written: inline.kind === 'break' ? '' : inline.text, lead: '', core: '', trail: '', inline, ...(glued ? { glued } : {}) });
      if (inline.kind !== 'break') spaceBefore = false;
    }
  }
  return words;
}

/** The trailing punctuation a speech engine should hear: sentence and clause marks only. */
export function pacingPunctuation(trail: string): string {
  return trail.replace(/[)"”’'\]»…]/g, '').replace(/\.{2,}/g, '');
}

export function isCapitalized(core: string): boolean {
  return /^[A-Z][a-z]/.test(core);
}
