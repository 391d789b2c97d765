// Amounts written as one word: money ("$4.50", "£1.2bn", "$20/mo"), measures ("12kg",
// "2°C", "41.5 km³"), percentages, decades, ordinals. Ranges and compounds say their
// parts with these, so "$50–$100" and "2-5lb" read like "$50" and "5lb" do.
import { cardinalWords, decimalWords, numberWords, ordinalWords, pluralOf, yearWords } from './number-words.js';
import { CURRENCY_SIGNS, perName, unitNames, type Currency } from './units.js';

/** A written number: "12", "1,234.50", ".5". */
export const NUMBER_PATTERN = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const NUMBER_ONLY = new RegExp(`^(?:${NUMBER_PATTERN})$`);

/** Magnitude words and the short forms written after amounts: "$5bn", "¥30 b". */
export const MAGNITUDE_WORDS: Record<string, string> = {
  thousand: 'thousand', million: 'million', billion: 'billion', trillion: 'trillion', quadrillion: 'quadrillion',
  k: 'thousand', K: 'thousand', m: 'million', M: 'million', mn: 'million', mln: 'million', b: 'billion', B: 'billion', bn: 'billion', tn: 'trillion', T: 'trillion',
};

const SIGNS = Object.keys(CURRENCY_SIGNS).sort((a, b) => b.length - a.length).map((s) => s.replace(/\$/g, '\\$'));
const MONEY = new RegExp(`^(-)?(${SIGNS.join('|')})(${NUMBER_PATTERN})(k|K|m|M|mn|bn|b|B|tn)?(?:/([A-Za-z]+))?$`);
const MONEY_AFTER = new RegExp(`^(${NUMBER_PATTERN})(€|£|¥|₩|₹|₽)$`);

export interface MoneyParts {
  currency: Currency;
  number: string;
  magnitude?: string;
  per?: string;
  negative: boolean;
}

export function parseMoney(text: string): MoneyParts | undefined {
  const m = MONEY.exec(text);
  if (m) {
    const per = m[5] ? perName(m[5]) : undefined;
    if (m[5] && !per) return undefined;
    return { negative: m[1] !== undefined, currency: CURRENCY_SIGNS[m[2]!]!, number: m[3]!, ...(m[4] ? { magnitude: MAGNITUDE_WORDS[m[4]]! } : {}), ...(per ? { per } : {}) };
  }
  const after = MONEY_AFTER.exec(text);
  return after ? { negative: false, currency: CURRENCY_SIGNS[after[2]!]!, number: after[1]! } : undefined;
}

/**
 * Money as said: "$2.75" → two dollars and seventy-five cents; "$1.00" → one dollar;
 * "£1.111" keeps its digits (one point one one one pounds). `singular` is for an amount
 * used as a modifier ("a $5 fee"); `magnitude` moves the currency after "million".
 */
export function moneyWords(parts: MoneyParts, singular = false): string {
  const { currency, magnitude } = parts;
  const clean = parts.number.replace(/,/g, '');
  const sign = parts.negative ? 'minus ' : '';
  const per = parts.per ? ` per ${parts.per}` : '';
  if (magnitude) return `${sign}${decimalWords(clean)} ${magnitude} ${singular ? currency.one : currency.many}${per}`;
  const [whole = '', fraction = ''] = clean.split('.');
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > 2) return `${sign}${decimalWords(clean)} ${currency.many}${per}`;
  const units = whole === '' ? 0n : BigInt(whole);
  const cents = significant === '' ? 0 : Number(significant.padEnd(2, '0'));
  const parts_: string[] = [];
  if (units > 0n || cents === 0) parts_.push(cardinalWords(units), units === 1n || singular ? currency.one : currency.many);
  if (cents > 0) parts_.push(units > 0n ? 'and' : '', cardinalWords(cents), cents === 1 ? currency.cent : currency.cents);
  return sign + parts_.filter(Boolean).join(' ') + per;
}

const MEASURE = new RegExp(`^(-|−)?(${NUMBER_PATTERN})(?:-|/)?([^\\d\\s,.][^\\s]*)$`);

/** "12kg" → twelve kilograms; "2°C" → two degrees Celsius; "12/kg" → twelve per kilogram. */
export function measureWords(text: string, singular = false): string | undefined {
  const m = MEASURE.exec(text);
  if (!m) return undefined;
  const [, minus, number, unit] = m as unknown as [string, string | undefined, string, string];
  const count = numberWords(number);
  if (!count) return undefined;
  const sign = minus ? 'minus ' : '';
  if (text.slice((minus ?? '').length + number.length).startsWith('/')) {
    const per = perName(unit);
    return per ? `${sign}${count} per ${per}` : undefined;
  }
  const names = unitNames(unit, true);
  if (!names) return undefined;
  const one = number === '1' && !minus;
  return `${sign}${count} ${one || singular ? names[0] : names[1]}`;
}

/** "1960s" → nineteen sixties; "'80s" → eighties; "80s" → eighties. */
export function decadeWords(text: string): string | undefined {
  const m = /^(?:(\d{2}|\d{4})|['’](\d0))['’]?s$/.exec(text);
  if (!m) return undefined;
  const digits = m[1] ?? m[2]!;
  if (!digits.endsWith('0')) return undefined;
  const n = Number(digits);
  return pluralOf(digits.length === 4 ? yearWords(n) : cardinalWords(n));
}

/**
 * "21st" → twenty-first. A number with the wrong ending ("3th", "11st") is not an
 * ordinal: it is said as the number and the letters, as written.
 */
export function ordinalNumberWords(text: string): string | undefined {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th|ST|ND|RD|TH)$/.exec(text);
  if (!m) return undefined;
  const n = BigInt(m[1]!.replace(/,/g, ''));
  const expected = suffixFor(n);
  if (m[2]!.toLowerCase() !== expected) return `${cardinalWords(n)} ${m[2]!.toLowerCase()}`;
  return ordinalWords(n);
}

function suffixFor(n: bigint): string {
  const lastTwo = n % 100n;
  if (lastTwo >= 11n && lastTwo <= 13n) return 'th';
  const last = n % 10n;
  return last === 1n ? 'st' : last === 2n ? 'nd' : last === 3n ? 'rd' : 'th';
}

export function percentWords(text: string): string | undefined {
  const m = /^([-−])?(\d[\d,]*(?:\.\d+)?|\.\d+)%$/.exec(text);
  return m ? `${m[1] ? 'minus ' : ''}${decimalWords(m[2]!)} percent` : undefined;
}

export function isPlainNumber(text: string): boolean {
  return NUMBER_ONLY.test(text);
}
