// Numbers as a US English narrator says them. We spell them out ourselves rather than
// leave digits to the engine, because engines disagree (eSpeak NG reads "1969" as
// "one thousand nine hundred sixty-nine") and captions keep the digits anyway.

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Array<[bigint, string]> = [
  [10n ** 12n, 'trillion'],
  [10n ** 9n, 'billion'],
  [10n ** 6n, 'million'],
  [1000n, 'thousand'],
];

function underHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

function underThousand(n: number): string {
  if (n < 100) return underHundred(n);
  const rest = n % 100;
  const hundreds = `${ONES[Math.floor(n / 100)]} hundred`;
  return rest === 0 ? hundreds : `${hundreds} ${underHundred(rest)}`;
}

/** "4150" → "four thousand one hundred fifty" (no "and", as in US usage). */
export function cardinalWords(digits: string | number): string {
  let n = BigInt(digits);
  if (n === 0n) return 'zero';
  const parts: string[] = [];
  for (const [size, name] of SCALES) {
    if (n >= size) {
      parts.push(`${cardinalWords((n / size).toString())} ${name}`);
      n %= size;
    }
  }
  if (n > 0n) parts.push(underThousand(Number(n)));
  return parts.join(' ');
}

const ORDINAL_ENDINGS: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

/** "twenty-one" → "twenty-first": only the last word changes. */
export function ordinalOf(words: string): string {
  const match = /^(.*?)([a-z]+)$/.exec(words);
  if (!match) return words;
  const [, head, last] = match as unknown as [string, string, string];
  if (ORDINAL_ENDINGS[last]) return head + ORDINAL_ENDINGS[last];
  if (last.endsWith('y')) return `${head}${last.slice(0, -1)}ieth`;
  return `${head}${last}th`;
}

export function ordinalWords(digits: string | number): string {
  return ordinalOf(cardinalWords(digits));
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

/** "sixty" → "sixties", "hundred" → "hundreds": a decade or plural of the last word. */
export function pluralOf(words: string): string {
  if (words.endsWith('y')) return `${words.slice(0, -1)}ies`;
  if (words.endsWith('x')) return `${words}es`;
  return `${words}s`;
}

/** "3.14" → "three point one four"; "1,250.5" → "one thousand two hundred fifty point five". */
export function decimalWords(text: string): string {
  const [whole, fraction] = text.replace(/,/g, '').split('.') as [string, string | undefined];
  const wholeWords = whole === '' ? 'zero' : cardinalWords(whole);
  if (fraction === undefined || fraction === '') return wholeWords;
  return `${wholeWords} point ${digitWords(fraction)}`;
}

/** Digit by digit, as for "007" or the part after a decimal point. */
export function digitWords(digits: string): string {
  return [...digits].map((d) => ONES[Number(d)]).join(' ');
}

/** Any plain number as written ("12,000", "3.5", "007"), or undefined if it is not one. */
export function numberWords(text: string): string | undefined {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) || /^\d+\.\d+$/.test(text) || /^\.\d+$/.test(text)) return decimalWords(text);
  if (!/^\d+$/.test(text)) return undefined;
  if (text.length > 1 && text.startsWith('0')) return digitWords(text);
  if (text.length > 15) return digitWords(text);
  return cardinalWords(text);
}
