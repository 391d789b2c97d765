// Money, percentages, ordinals, decades, times, ranges, dates and years: the words a
// narrator says for digits, chosen by what the digits are next to.
import { core, letters, text, word, type Rule, type RuleContext } from './context.js';
import { cardinalWords, decimalWords, digitWords, numberWords, ordinalWords, pluralOf, yearWords } from './number-words.js';
import { fullMonth } from './tables.js';

const CURRENCY: Record<string, { one: string; many: string; cent: string; cents: string }> = {
  $: { one: 'dollar', many: 'dollars', cent: 'cent', cents: 'cents' },
  '£': { one: 'pound', many: 'pounds', cent: 'penny', cents: 'pence' },
  '€': { one: 'euro', many: 'euros', cent: 'cent', cents: 'cents' },
  '¥': { one: 'yen', many: 'yen', cent: 'sen', cents: 'sen' },
};
const MONEY = /^(?:US|C|A)?([$£€¥])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(k|K|m|M|bn|b|B)?$/;
const SUFFIX_MAGNITUDE: Record<string, string> = { k: 'thousand', K: 'thousand', m: 'million', M: 'million', b: 'billion', bn: 'billion', B: 'billion' };
const MAGNITUDES = new Set(['thousand', 'million', 'billion', 'trillion']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'one', 'each', 'every', 'another']);
// Words that follow an amount without being the thing it describes ("a $5 or $6 fee").
const NOT_NOUNS = new Set(['and', 'or', 'to', 'in', 'for', 'of', 'a', 'an', 'the', 'was', 'is', 'are', 'were', 'per', 'each', 'on', 'at', 'from', 'by', 'with', 'that', 'which', 'who', 'more', 'less', 'than', 'apiece', 'total', 'plus', 'off', 'back', 'last', 'this', 'next', 'a', 'will', 'would', 'has', 'had', 'have']);
const YEAR_LEAD_INS = new Set(['in', 'of', 'since', 'by', 'from', 'until', 'till', 'during', 'circa', 'c', 'year', 'early', 'late', 'mid', 'before', 'after', 'around', 'summer', 'winter', 'spring', 'fall', 'autumn', 'through', 'to', 'and', 'between']);
const COUNTED_PLURALS = new Set(['people', 'children', 'men', 'women', 'feet', 'sheep', 'fish', 'geese', 'mice', 'teeth']);
// Words ending in "s" that are not plural nouns: "1969 was", "1987 has".
const NOT_PLURALS = new Set(['was', 'has', 'does', 'goes', 'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'always', 'perhaps', 'whereas', 'besides', 'towards', 'afterwards', 'sees', 'brings', 'marks', 'ends', 'begins', 'starts', 'saw', 'seems', 'remains', 'becomes']);
const NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;

/** "a $4,150 fee": an amount between a determiner and a noun is said in the singular. */
function isAttributive(ctx: RuleContext, amountAt: number, lastAt: number): boolean {
  const before = ctx.words[amountAt - 1];
  const last = ctx.words[lastAt];
  const after = ctx.words[lastAt + 1];
  if (!before || !last || !after || last.trail !== '' || before.trail !== '') return false;
  return DETERMINERS.has(before.core.toLowerCase()) && /^[a-z][a-z-]*$/.test(after.core) && !NOT_NOUNS.has(after.core);
}

const money: Rule = (ctx) => {
  const m = MONEY.exec(core(ctx));
  if (!m) return undefined;
  const [, symbol, whole, fraction, suffix] = m as unknown as [string, string, string, string | undefined, string | undefined];
  const names = CURRENCY[symbol]!;
  const nextCore = core(ctx, 1).toLowerCase();
  if (suffix) {
    const singular = isAttributive(ctx, ctx.index, ctx.index);
    return text(decimalWords(fraction ? `${whole}.${fraction}` : whole), SUFFIX_MAGNITUDE[suffix]!, singular ? names.one : names.many);
  }
  // The currency word moves after "million": "$20 million" → "twenty million dollars".
  if (MAGNITUDES.has(nextCore) && word(ctx)!.trail === '') return text(decimalWords(fraction ? `${whole}.${fraction}` : whole));
  const units = Number(whole.replace(/,/g, ''));
  const cents = fraction ? Number(fraction.padEnd(2, '0').slice(0, 2)) : 0;
  const parts: string[] = [];
  if (units > 0 || cents === 0) {
    const singular = units === 1 || isAttributive(ctx, ctx.index, ctx.index);
    parts.push(cardinalWords(whole.replace(/,/g, '')), singular ? names.one : names.many);
  }
  if (cents > 0) parts.push(units > 0 ? 'and' : '', cardinalWords(cents), cents === 1 ? names.cent : names.cents);
  return text(...parts);
};

const magnitudeAfterMoney: Rule = (ctx) => {
  const here = core(ctx).toLowerCase();
  const previous = MONEY.exec(core(ctx, -1));
  if (!MAGNITUDES.has(here) || !previous || previous[4]) return undefined;
  const names = CURRENCY[previous[1]!]!;
  return text(here, isAttributive(ctx, ctx.index - 1, ctx.index) ? names.one : names.many);
};

const percent: Rule = (ctx) => {
  const m = /^(-?)(\d[\d,]*(?:\.\d+)?)%$/.exec(core(ctx));
  if (!m) return undefined;
  return text(m[1] ? 'minus' : '', decimalWords(m[2]!), 'percent');
};

const ordinal: Rule = (ctx) => {
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)(st|nd|rd|th)$/i.exec(core(ctx));
  return m ? text(ordinalWords(m[1]!.replace(/,/g, ''))) : undefined;
};

const decade: Rule = (ctx) => {
  const m = /^(?:(\d{2}|\d{4})|'(\d0))'?s$/.exec(core(ctx));
  if (!m) return undefined;
  const digits = m[1] ?? m[2]!;
  if (!digits.endsWith('0')) return undefined;
  const n = Number(digits);
  return text(pluralOf(digits.length === 4 ? yearWords(n) : cardinalWords(n)));
};

/** "3:45" → three forty-five; "9:05" → nine oh five; "10:00" alone → ten o'clock. */
function clockWords(hour: number, minute: number, withMeridiem: boolean): string {
  if (minute === 0) return withMeridiem ? cardinalWords(hour) : `${cardinalWords(hour)} o'clock`;
  return `${cardinalWords(hour)} ${minute < 10 ? `oh ${cardinalWords(minute)}` : cardinalWords(minute)}`;
}

const MERIDIEM = /^([ap])\.?m\.?$/i;

const time: Rule = (ctx) => {
  const m = /^(\d{1,2})(?::(\d{2}))?([ap]\.?m\.?)?$/i.exec(core(ctx) + (word(ctx)!.trail.startsWith('.') && /m$/i.test(core(ctx)) ? '.' : ''));
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (hour > 24 || minute > 59) return undefined;
  const meridiem = m[3] ?? (MERIDIEM.test(core(ctx, 1)) ? core(ctx, 1) : undefined);
  const spoken = text(clockWords(hour, minute, meridiem !== undefined));
  if (m[3]) return { nodes: [...spoken.nodes, letters(ctx, `${m[3][0]}M`)], ownsPeriod: m[3].endsWith('.') };
  return spoken;
};

const meridiem: Rule = (ctx) => {
  const here = core(ctx);
  const dotted = /^[ap]\.m$/i.test(here) && word(ctx)!.trail.startsWith('.');
  const afterNumber = /^\d{1,2}(:\d{2})?$/.test(core(ctx, -1));
  if (!(dotted || (afterNumber && /^[ap]m$/i.test(here)))) return undefined;
  return { nodes: [letters(ctx, `${here[0]}M`)], ownsPeriod: dotted };
};

function isYearLike(digits: string): boolean {
  return /^\d{4}$/.test(digits) && Number(digits) >= 1100 && Number(digits) <= 2099;
}

function numberish(side: string, asYear: boolean, yearCentury?: number): string | undefined {
  if (asYear && isYearLike(side)) return yearWords(Number(side));
  if (asYear && yearCentury !== undefined && /^\d{2}$/.test(side)) return yearWords(yearCentury * 100 + Number(side)).split(' ').slice(1).join(' ');
  const m = MONEY.exec(side);
  if (m) return `${decimalWords(m[3] ? `${m[2]}.${m[3]}` : m[2]!)} ${CURRENCY[m[1]!]!.many}`;
  const p = /^(\d[\d,]*(?:\.\d+)?)%$/.exec(side);
  if (p) return `${decimalWords(p[1]!)} percent`;
  return numberWords(side);
}

/** "1958–1974", "1958-74", "10–12", "$5–$10": said with "to". */
const range: Rule = (ctx) => {
  const here = core(ctx);
  if (/^[–-]$/.test(here) && NUMBER.test(core(ctx, -1).replace(/^[$£€]/, '')) && /^[$£€]?\d/.test(core(ctx, 1))) return text('to');
  const m = /^([$£€]?[\d,.]+%?)([–-])([$£€]?[\d,.]+%?)$/.exec(here);
  if (!m) return undefined;
  const [, left, dash, right] = m as unknown as [string, string, string, string];
  if (dash === '-' && !(isYearLike(left) && /^\d{2}(\d{2})?$/.test(right)) && !(/^\d{1,3}$/.test(left) && /^\d{1,3}$/.test(right))) return undefined;
  const asYear = isYearLike(left) && (isYearLike(right) || /^\d{2}$/.test(right));
  const from = numberish(left, asYear);
  const to = numberish(right, asYear, Math.floor(Number(left) / 100));
  return from && to ? text(from, 'to', to) : undefined;
};

const dayOfMonth: Rule = (ctx) => {
  const here = core(ctx);
  if (!/^\d{1,2}$/.test(here) || Number(here) < 1 || Number(here) > 31) return undefined;
  if (fullMonth(word(ctx, -1))) return text(ordinalWords(here));
  const next = word(ctx, 1);
  if (next && fullMonth(next) && /^[A-Z]/.test(next.core) && word(ctx)!.trail === '') return text('the', ordinalWords(here), 'of');
  return undefined;
};

/** A four-digit number is a year unless it counts something ("1500 students"). */
function looksLikeYear(ctx: RuleContext): boolean {
  if (!isYearLike(core(ctx))) return false;
  const before = word(ctx, -1);
  if (before && (YEAR_LEAD_INS.has(before.core.toLowerCase()) || fullMonth(before) || /^\d{1,2}$/.test(before.core))) return true;
  const after = core(ctx, 1);
  const countsSomething = /^[a-z]+[^su]s$/.test(after) && !NOT_PLURALS.has(after);
  return !(word(ctx)!.trail === '' && (countsSomething || COUNTED_PLURALS.has(after)));
}

const year: Rule = (ctx) => (looksLikeYear(ctx) ? text(yearWords(Number(core(ctx)))) : undefined);

const plainNumber: Rule = (ctx) => {
  const words = numberWords(core(ctx));
  if (words) return text(words);
  const negative = /^[-−](\d.*)$/.exec(core(ctx));
  const magnitude = negative ? numberWords(negative[1]!) : undefined;
  return magnitude ? text('minus', magnitude) : undefined;
};

/** "19th-century", "10-year-old", "1960s-era": the number said, the rest as written. */
const numberCompound: Rule = (ctx) => {
  const m = /^([$£€]?[\d,.]+(?:st|nd|rd|th|s|%)?)-([A-Za-z][A-Za-z-]*)$/.exec(core(ctx));
  if (!m) return undefined;
  const words = ctx.words.slice();
  words[ctx.index] = { ...words[ctx.index]!, core: m[1]!, trail: '' };
  const alone = { ...ctx, words };
  const spoken = NUMERIC_RULES.filter((rule) => rule !== numberCompound).map((rule) => rule(alone)).find(Boolean);
  const first = spoken?.nodes[0];
  return first?.kind === 'text' && spoken!.nodes.length === 1 ? text(`${first.text}-${m[2]}`) : undefined;
};

/** "555-1234", "555-010-4477": digit by digit, "oh" for zero, a pause between groups. */
const telephone: Rule = (ctx) => {
  const here = core(ctx);
  if (!/^(\d{3}[-.])?\d{3}[-.]\d{4}$/.test(here)) return undefined;
  return text(here.split(/[-.]/).map(phoneDigits).join(', '));
};

function phoneDigits(digits: string): string {
  return digitWords(digits).replace(/zero/g, 'oh');
}

/** "(555)" before a local number: the area code, digit by digit. */
const areaCode: Rule = (ctx) => {
  const m = /^\((\d{3})\)$/.exec(word(ctx)!.lead + core(ctx) + word(ctx)!.trail);
  return m && /^\d{3}[-.]\d{4}$/.test(core(ctx, 1)) ? text(`${phoneDigits(m[1]!)},`) : undefined;
};

/** Order matters: the first rule that recognises the word speaks it. */
export const NUMERIC_RULES: Rule[] = [telephone, areaCode, money, magnitudeAfterMoney, percent, ordinal, decade, time, meridiem, range, dayOfMonth, numberCompound, year, plainNumber];

