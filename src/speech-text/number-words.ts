// Numbers as a US English narrator says them. We spell them out ourselves rather than
// leave digits to the engine, because engines disagree (eSpeak NG reads "1969" as
// "one thousand nine hundred sixty-nine") and captions keep the digits anyway.
// Cardinal and ordinal words come from n2words (the one module that uses it); years,
// decimals, digit strings and fractions are read by our own rules below.
import { toCardinal, toOrdinal } from 'n2words/en-US';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Past a decillion the scale names mean nothing to a listener: such numbers are read digit by digit. */
const LARGEST_NAMED = 10n ** 36n;

function underHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

/** "4150" → "four thousand one hundred fifty" (no "and", as in US usage). */
export function cardinalWords(digits: string | number | bigint): string {
  const n = BigInt(digits);
  if (n >= LARGEST_NAMED) return digitWords(n.toString());
  return toCardinal(n);
}

/** "21" → "twenty-first"; "0" → "zeroth". */
export function ordinalWords(digits: string | number | bigint): string {
  const n = BigInt(digits);
  if (n === 0n) return 'zeroth';
  if (n >= LARGEST_NAMED) return digitWords(n.toString());
  return toOrdinal(n);
}

const ORDINAL_ENDINGS: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

/** "twenty-one" → "twenty-first": only the last word changes (for years and paired numbers). */
export function ordinalOf(words: string): string {
  const match = /^(.*?)([a-z]+)$/.exec(words);
  if (!match) return words;
  const [, head, last] = match as unknown as [string, string, string];
  if (ORDINAL_ENDINGS[last]) return head + ORDINAL_ENDINGS[last];
  if (last.endsWith('y')) return `${head}${last.slice(0, -1)}ieth`;
  return `${head}${last}th`;
}

/** Years as said: 1969 → nineteen sixty-nine, 1905 → nineteen oh five, 2008 → two thousand eight. */
export function yearWords(year: number): string {
  if (year < 1000 || year > 9999) return cardinalWords(year);
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (year % 1000 < 10 && century % 10 === 0) return cardinalWords(year);
  if (rest === 0) return `${underHundred(century)} hundred`;
  const restWords = rest < 10 ? `oh ${ONES[rest]}` : underHundred(rest);
  return `${underHundred(century)} ${restWords}`;
}

/** A two-digit year: "98" → ninety-eight, "05" → oh five. */
export function shortYearWords(digits: string): string {
  const n = Number(digits);
  return n < 10 ? `oh ${ONES[n]}` : underHundred(n);
}

/** House numbers said in pairs, as on an envelope: 2788 → twenty-seven eighty-eight, 123 → one twenty-three. */
export function pairedWords(digits: string): string {
  if (digits.length === 4 && digits[2] !== '0' && digits[1] !== '0') return `${underHundred(Number(digits.slice(0, 2)))} ${underHundred(Number(digits.slice(2)))}`;
  if (digits.length === 3 && digits[1] !== '0') return `${ONES[Number(digits[0])]} ${underHundred(Number(digits.slice(1)))}`;
  return cardinalWords(digits);
}

/** "sixty" → "sixties", "hundred" → "hundreds": a decade or plural of the last word. */
export function pluralOf(words: string): string {
  if (words.endsWith('y')) return `${words.slice(0, -1)}ies`;
  if (words.endsWith('x')) return `${words}es`;
  if (words.endsWith('f')) return `${words.slice(0, -1)}ves`;
  return `${words}s`;
}

/** "3.14" → "three point one four"; ".5" → "point five"; "1,250.5" → "one thousand two hundred fifty point five". */
export function decimalWords(text: string): string {
  const [whole, fraction] = text.replace(/,/g, '').split('.') as [string, string | undefined];
  if (whole === '' && fraction) return `point ${digitWords(fraction)}`;
  const wholeWords = whole === '' ? 'zero' : cardinalWords(whole);
  if (fraction === undefined || fraction === '') return wholeWords;
  return `${wholeWords} point ${digitWords(fraction)}`;
}

/** Digit by digit, as for "007" or the part after a decimal point. */
export function digitWords(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i) - 48;
    if (code < 0 || code > 9) continue;
    out += out === '' ? ONES[code] : ` ${ONES[code]}`;
  }
  return out;
}

const SEPARATED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Any plain number as written ("12,000", "3.5", "007"), or undefined if it is not one. */
export function numberWords(text: string): string | undefined {
  if (SEPARATED.test(text) || /^\d+\.\d+$/.test(text) || /^\.\d+$/.test(text)) return decimalWords(text);
  if (!/^\d+$/.test(text)) return undefined;
  if (text.length > 1 && text.startsWith('0')) return digitWords(text);
  return cardinalWords(text);
}

/** "1/2" → one half, "3/4" → three quarters, "5/8" → five eighths, "1/2007" → one two thousand seventh. */
export function fractionWords(numerator: string, denominator: string): string {
  const top = cardinalWords(numerator);
  const many = Number(numerator) !== 1;
  const d = Number(denominator);
  if (d === 2) return `${top} ${many ? 'halves' : 'half'}`;
  if (d === 4) return `${top} ${many ? 'quarters' : 'quarter'}`;
  const bottom = ordinalWords(denominator);
  return `${top} ${many ? pluralOf(bottom) : bottom}`;
}
