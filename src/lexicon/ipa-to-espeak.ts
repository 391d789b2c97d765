// eSpeak NG has no <phoneme> element; it reads phonemes written inline as [[...]] in
// its own ASCII mnemonics (Kirshenbaum-like, for English voices). This converts the IPA
// of lexicon entries for the common English sounds so one lexicon serves every engine.
import { NarrateError } from '../errors.js';

// Longest IPA sequences first, so "eɪ" wins over "e" and "tʃ" over "t".
const IPA_TO_ESPEAK: Array<[string, string]> = [
  // "oːɹ" is how eSpeak NG 1.51 writes its o@ ("more"); later versions write "ɔːɹ".
  ['ɑːɹ', 'A@'], ['ɔːɹ', 'o@'], ['oːɹ', 'o@'], ['ɔɹ', 'o@'], ['ɛɹ', 'e@'], ['ɪɹ', 'i@3'], ['ʊɹ', 'U@'], ['aɪɚ', 'aI3'], ['aʊɚ', 'aU3'],
  ['eɪ', 'eI'], ['aɪ', 'aI'], ['aʊ', 'aU'], ['ɔɪ', 'OI'], ['oʊ', 'oU'], ['əʊ', 'oU'], ['ɪə', 'i@'], ['eə', 'e@'], ['ʊə', 'U@'],
  ['iː', 'i:'], ['uː', 'u:'], ['ɑː', 'A:'], ['ɔː', 'O:'], ['ɜː', '3:'], ['tʃ', 'tS'], ['dʒ', 'dZ'], ['əl', '@L'],
  ['i', 'i'], ['ɪ', 'I'], ['e', 'e'], ['ɛ', 'E'], ['æ', 'a'], ['a', 'a'], ['ɑ', 'A:'], ['ɒ', '0'], ['o', 'o'],
  ['ʊ', 'U'], ['u', 'u:'], ['ʌ', 'V'], ['ə', '@'], ['ɚ', '3'], ['ɜ', '3:'], ['ɝ', '3:'], ['ɐ', 'a#'], ['ᵻ', 'I2'],
  ['n̩', 'n-'], ['l̩', '@L'], ['m̩', 'm-'], ['ɔ', 'O'],
  ['p', 'p'], ['b', 'b'], ['t', 't'], ['d', 'd'], ['k', 'k'], ['ɡ', 'g'], ['g', 'g'], ['f', 'f'], ['v', 'v'], ['θ', 'T'],
  ['ð', 'D'], ['s', 's'], ['z', 'z'], ['ʃ', 'S'], ['ʒ', 'Z'], ['h', 'h'], ['m', 'm'], ['n', 'n'], ['ŋ', 'N'], ['l', 'l'],
  ['ɫ', 'l'], ['ɹ', 'r'], ['r', 'r'], ['ɾ', 't#'], ['j', 'j'], ['w', 'w'], ['ʔ', '?'], ['x', 'x'], ['ç', 'C'], ['ɲ', 'n^'],
  ['ˈ', "'"], ['ˌ', ','], ['ː', ':'], [' ', ' '], ['\u0329', ''],
];
// Marks that carry nothing eSpeak NG needs: syllable dots, ties, the IPA length half-mark.
// An r-coloured vowel before another vowel is a vowel plus a linking r ("sorry", "orange").
const VOWEL = /[aeiouæɑɒɔəɚɛɜɪʊʌɐᵻ]/;
const IGNORED = /[.\u0361\u035c\u02d1\u032f/]/g;

/** "wɪn" → "wIn". Throws on a sound with no English eSpeak NG mnemonic. */
export function ipaToEspeak(ipa: string, where = 'lexicon'): string {
  const source = ipa.normalize('NFC').replace(/ɡ/g, 'ɡ').replace(IGNORED, '').trim();
  let out = '';
  for (let i = 0; i < source.length; ) {
    const match = IPA_TO_ESPEAK.find(([from]) => source.startsWith(from, i) && !(from.endsWith('ɹ') && from.length > 1 && VOWEL.test(source[i + from.length] ?? '')));
    if (!match) {
      throw new NarrateError(`${where}: the IPA sound "${source[i]}" in "${ipa}" has no eSpeak NG equivalent. Use an English sound, or an <alias> respelling instead`);
    }
    out += match[1];
    i += match[0].length;
  }
  return out;
}

/**
 * eSpeak NG's inline phoneme input for a lexicon entry's IPA, ready to put in its SSML.
 * The trailing space matters: eSpeak NG reads a tag straight after "]]" ("]]</s>") as
 * words ("slash s"). An entry without stress marks is stressed on its first syllable,
 * as most English words are; without it eSpeak NG leaves the word unstressed.
 */
export function espeakInlinePhonemes(ipa: string, where?: string): string {
  const mnemonics = ipaToEspeak(ipa, where);
  return `[[${/['",]/.test(mnemonics) ? mnemonics : `'${mnemonics}`}]] `;
}
