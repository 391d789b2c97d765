// The one place that reads the word-list package: about 275,000 English words, none of
// them initialisms ("huge" is there, "fbi" and "aclu" are not). Read on first use, since
// only words written in capitals need it. The list is sorted, so a look-up is a binary
// search over its lines; answers are remembered, as a book asks about the same few
// capitalised words again and again.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: string[] | undefined;
const answers = new Map<string, boolean>();

function load(): string[] {
  const list = readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean);
  // Binary search needs code-point order; sort once if the package ever ships otherwise.
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1]! > list[i]!) return list.sort();
  }
  return list;
}

function contains(list: string[], word: string): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const here = list[mid]!;
    if (here === word) return true;
    if (here < word) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

export function isEnglishWord(lowercase: string): boolean {
  if (!/^[a-z]+$/.test(lowercase)) return false;
  const known = answers.get(lowercase);
  if (known !== undefined) return known;
  words ??= load();
  const answer = contains(words, lowercase);
  answers.set(lowercase, answer);
  return answer;
}
