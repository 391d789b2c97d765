// The one place that reads the word-list package: about 275,000 English words, none of
// them initialisms ("huge" is there, "fbi" and "aclu" are not). Read on first use, since
// only words written in capitals need it. The list is sorted, one word a line, so a
// look-up is a binary search over the text itself (no array of 275,000 strings to
// build); answers are remembered, as a book asks about the same capitalised words again.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import wordListPath from 'word-list';

let wordsText: string | undefined;
const answers = new Map<string, boolean>();

/** The word on the line that holds offset `at`, and where that line starts. */
function lineAt(text: string, at: number): { word: string; start: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', start);
  return { word: text.slice(start, end < 0 ? text.length : end), start };
}

function contains(text: string, word: string): boolean {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const { word: here, start } = lineAt(text, (low + high) >>> 1);
    if (here === word) return true;
    if (here < word) low = start + here.length + 1;
    else high = start;
  }
  return false;
}

export function isEnglishWord(lowercase: string): boolean {
  if (!/^[a-z]+$/.test(lowercase)) return false;
  const known = answers.get(lowercase);
  if (known !== undefined) return known;
  wordsText ??= readFileSync(wordListPath, 'utf8');
  const answer = contains(wordsText, lowercase);
  answers.set(lowercase, answer);
  return answer;
}

/**
 * The installed word list's version. word-list is not bundled (it reads its own file), so
 * it can change without a new build: the prepared-text cache keys on it.
 */
export function wordListVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(dirname(wordListPath), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
