// The word-list look-up (a binary search over the list's text) agrees with the list.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../src/speech-text/english-words.js';

describe('isEnglishWord', () => {
  const list = readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean);

  it('finds every word of the list, first and last included', () => {
    const sample = [list[0]!, list[list.length - 1]!, ...list.filter((_, i) => i % 97 === 0)];
    expect(sample.filter((w) => !isEnglishWord(w))).toEqual([]);
  });

  it('finds no initialisms or made-up words', () => {
    expect(['fbi', 'aclu', 'zzzzzz', 'hugee', 'aaaaa'].filter(isEnglishWord)).toEqual([]);
    expect(isEnglishWord('huge')).toBe(true);
  });
});
