// The one place that reads the word-list package: about 275,000 English words, none of
// them initialisms ("huge" is there, "fbi" and "aclu" are not). Read on first use, since
// only words written in capitals need it, and searched as one string: building a Set of
// every word would cost far more time and memory than the few look-ups a book makes.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let wordsText: string | undefined;

export function isEnglishWord(lowercase: string): boolean {
  if (!/^[a-z]+$/.test(lowercase)) return false;
  wordsText ??= `\n${readFileSync(wordListPath, 'utf8')}\n`;
  return wordsText.includes(`\n${lowercase}\n`);
}
