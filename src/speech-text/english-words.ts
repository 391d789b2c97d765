// The one place that reads the word-list package: about 275,000 English words, none of
// them initialisms ("huge" is there, "fbi" and "aclu" are not). Loaded on first use,
// since only words written in capitals need it.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

export function isEnglishWord(lowercase: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words.has(lowercase);
}
