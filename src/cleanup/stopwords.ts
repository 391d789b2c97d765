// Stop-word lists (the `stopword` package, 60 languages), wrapped here. Prose is dense
// in a language's function words; menus, headlines and labels are not. The language is
// not declared in pasted text, so the list that covers the most of the text is used.
import * as lists from 'stopword';

export interface StopWords {
  /** ISO 639-3 code of the list chosen, e.g. "eng". */
  language: string;
  has(word: string): boolean;
  /** Share of the whole text's words in the list; low when no list fits (e.g. Chinese). */
  coverage: number;
}

let sets: Map<string, Set<string>> | undefined;

function allSets(): Map<string, Set<string>> {
  if (!sets) {
    sets = new Map();
    for (const [code, words] of Object.entries(lists)) {
      // Skip the module's function export and lists that are only digits or variants.
      if (!Array.isArray(words) || code.startsWith('_') || words.length < 20) continue;
      sets.set(code, new Set((words as string[]).map((w) => w.toLowerCase())));
    }
  }
  return sets;
}

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];
}

/** The list that covers the most of these words. */
export function chooseStopWords(words: string[]): StopWords {
  let best = { language: 'eng', set: allSets().get('eng')!, hits: -1 };
  // A sample is enough to tell the language; long pages would otherwise cost 60 passes.
  const sample = words.length > 4000 ? words.filter((_, i) => i % Math.ceil(words.length / 4000) === 0) : words;
  for (const [language, set] of allSets()) {
    let hits = 0;
    for (const w of sample) if (set.has(w)) hits++;
    if (hits > best.hits) best = { language, set, hits };
  }
  const set = best.set;
  return { language: best.language, has: (w) => set.has(w), coverage: sample.length ? best.hits / sample.length : 0 };
}
