// The words a narrator says for digits, chosen by what the digits are next to: money,
// measures, percentages, fractions, ordinals, decades, ranges, years and plain numbers.
// Dates and times live in dates.ts; telephone numbers and web addresses in electronic.ts.
import { core, joined, letters, text, word, type Rule, type RuleContext } from './context.js';
import type { SpeechNode } from '../types.js';
import {
  MAGNITUDE_WORDS, decadeWords, isPlainNumber, measureWords, moneyWords, ordinalNumberWords, parseMoney, percentWords,
} from './amounts.js';
import { DATE_RULES, isYearDigits } from './dates.js';
import { ELECTRONIC_RULES, telephoneWords } from './electronic.js';
import { cardinalWords, decimalWords, digitWords, fractionWords, numberWords, ordinalWords, pairedWords, yearWords } from './number-words.js';
import { fullMonth, monthOf, STREET_TYPES } from './tables.js';
import { CURRENCY_CODES, CURRENCY_SIGNS, unitNames, type Currency } from './units.js';

const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'one', 'each', 'every', 'another']);
// Words that follow an amount without being the thing it describes ("a $5 or $6 fee").
const NOT_NOUNS = new Set(['and', 'or', 'to', 'in', 'for', 'of', 'a', 'an', 'the', 'was', 'is', 'are', 'were', 'per', 'each', 'on', 'at', 'from', 'by', 'with', 'that', 'which', 'who', 'more', 'less', 'than', 'apiece', 'total', 'plus', 'off', 'back', 'last', 'this', 'next', 'will', 'would', 'has', 'had', 'have']);
const YEAR_LEAD_INS = new Set(['in', 'of', 'since', 'by', 'from', 'until', 'till', 'during', 'circa', 'c', 'year', 'early', 'late', 'mid', 'before', 'after', 'around', 'summer', 'winter', 'spring', 'fall', 'autumn', 'through', 'to', 'and', 'between']);
const COUNTED_PLURALS = new Set(['people', 'children', 'men', 'women', 'feet', 'sheep', 'fish', 'geese', 'mice', 'teeth', 'staff', 'police', 'cattle', 'deer']);
// Words ending in "s" that are not plural nouns: "1969 was", "1987 has".
const NOT_PLURALS = new Set(['was', 'has', 'does', 'goes', 'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'always', 'perhaps', 'whereas', 'besides', 'towards', 'afterwards', 'sees', 'brings', 'marks', 'ends', 'begins', 'starts', 'saw', 'seems', 'remains', 'becomes', 'is', 'as', 'us', 'this', 'thus', 'plus', 'less', 'across', 'unless']);
const PHONE_CONTEXT = /^(call|phone|dial|tel|telephone|fax|number|ring|text|contact|reach|line|hotline|cell|mobile)$/i;

/** "a $4,150 fee": an amount between a determiner and a noun is said in the singular. */
function isAttributive(ctx: RuleContext, amountAt: number, lastAt: number): boolean {
  const before = ctx.words[amountAt - 1];
  const last = ctx.words[lastAt];
  const after = ctx.words[lastAt + 1];
  if (!before || !last || !after || last.trail !== '' || before.trail !== '') return false;
  return DETERMINERS.has(before.core.toLowerCase()) && /^[a-z][a-z-]*$/.test(after.core) && !NOT_NOUNS.has(after.core);
}

function magnitudeAt(ctx: RuleContext, offset: number): string | undefined {
  const w = word(ctx, offset);
  if (!w) return undefined;
  const m = MAGNITUDE_WORDS[w.core];
  // A capital single letter is a magnitude only right after money ("¥30 B"); words only in lowercase.
  return m && (w.core.length > 1 || /[a-z]/.test(w.core) || parseMoney(core(ctx, offset - 1))) ? m : undefined;
}

const money: Rule = (ctx) => {
  const parts = parseMoney(core(ctx));
  if (!parts) return undefined;
  // The currency word moves after "million": "$20 million" → "twenty million dollars".
  if (!parts.magnitude && !parts.per && magnitudeAt(ctx, 1) && word(ctx)!.trail === '') {
    return text(`${parts.negative ? 'minus ' : ''}${decimalWords(parts.number.replace(/,/g, ''))}`);
  }
  return text(moneyWords(parts, isAttributive(ctx, ctx.index, ctx.index)));
};

/** "$20 million" and "¥30 b": the magnitude, then the currency. */
const magnitudeAfterMoney: Rule = (ctx) => {
  const magnitude = magnitudeAt(ctx, 0);
  const previous = parseMoney(core(ctx, -1));
  if (!magnitude || !previous || previous.magnitude || previous.per || word(ctx, -1)!.trail !== '') return undefined;
  return text(magnitude, isAttributive(ctx, ctx.index - 1, ctx.index) ? previous.currency.one : previous.currency.many);
};

/** An ISO code ("USD"), or a sign written apart from its amount ("$ 5"). */
function currencyNamed(written: string): Currency | undefined {
  return CURRENCY_CODES[written] ?? CURRENCY_SIGNS[written];
}

/** "USD 20", "20 EUR", "EUR 1.5 million", "$ 5": the currency said after the amount. */
const currencyCode: Rule = (ctx) => {
  const code = currencyNamed(core(ctx));
  if (code) {
    // After its amount ("20 EUR", "1.5 million EUR"): the currency's name.
    const before = core(ctx, -1);
    const count = MAGNITUDE_WORDS[before] ? core(ctx, -2) : before;
    if (isPlainNumber(count) && word(ctx, -1)!.trail === '') return text(count === '1' && count === before ? code.one : code.many);
    // Before its amount ("USD 20"): the narrator says the number first, so the code's
    // word carries the number and the number's word the currency; every written word
    // keeps a sound of its own for the captions.
    if (isPlainNumber(core(ctx, 1)) && word(ctx)!.trail === '') return text(amountAfterCode(ctx, code, 1).lead);
    return undefined;
  }
  const codeBefore = currencyNamed(core(ctx, -1));
  if (!codeBefore || word(ctx, -1)!.trail !== '' || !isPlainNumber(core(ctx))) return undefined;
  return text(amountAfterCode(ctx, codeBefore, 0).rest);
};

/** "USD 20" said as "twenty | U S dollars"; "CHF 0.50" as "fifty | centimes"; with a magnitude, "twenty | million". */
function amountAfterCode(ctx: RuleContext, currency: Currency, numberAt: number): { lead: string; rest: string } {
  const number = core(ctx, numberAt).replace(/,/g, '');
  const magnitude = word(ctx, numberAt)!.trail === '' ? magnitudeAt(ctx, numberAt + 1) : undefined;
  if (magnitude) return { lead: decimalWords(number), rest: magnitude };
  const full = moneyWords({ currency, number, negative: false });
  const at = [` ${currency.one}`, ` ${currency.many}`].map((name) => full.indexOf(name)).filter((i) => i > 0);
  const split = at.length > 0 ? Math.min(...at) : full.lastIndexOf(' ');
  return { lead: full.slice(0, split).trim(), rest: full.slice(split).trim() };
}

/** The magnitude after "USD 20": "USD 20 million" → twenty million U S dollars. */
const magnitudeAfterCode: Rule = (ctx) => {
  const magnitude = magnitudeAt(ctx, 0);
  const code = currencyNamed(core(ctx, -2));
  if (!magnitude || !code || !isPlainNumber(core(ctx, -1)) || currencyNamed(core(ctx, 1))) return undefined;
  return text(code.many);
};

const percent: Rule = (ctx) => {
  const words = percentWords(core(ctx));
  return words ? text(words) : undefined;
};

const ordinal: Rule = (ctx) => {
  const words = ordinalNumberWords(core(ctx));
  return words ? text(words) : undefined;
};

const decade: Rule = (ctx) => {
  const words = decadeWords(core(ctx));
  return words ? text(words) : undefined;
};

const VULGAR: Record<string, [string, string]> = {
  '½': ['1', '2'], '⅓': ['1', '3'], '⅔': ['2', '3'], '¼': ['1', '4'], '¾': ['3', '4'], '⅕': ['1', '5'], '⅖': ['2', '5'], '⅗': ['3', '5'],
  '⅘': ['4', '5'], '⅙': ['1', '6'], '⅚': ['5', '6'], '⅛': ['1', '8'], '⅜': ['3', '8'], '⅝': ['5', '8'], '⅞': ['7', '8'],
};
/** Slashed numbers that are names, not fractions. */
const SLASH_IDIOMS: Record<string, string> = { '24/7': 'twenty-four seven', '7/11': 'seven eleven', '9/11': 'nine eleven', '50/50': 'fifty-fifty', '20/20': 'twenty-twenty', '4/20': 'four twenty' };
const FRACTION = /^(\d+)\/(\d+)(?:st|nd|rd|th|ST|ND|RD|TH)?$/;

function fractionOf(written: string): string | undefined {
  if (SLASH_IDIOMS[written]) return SLASH_IDIOMS[written];
  const vulgar = /^(\d*)([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])$/.exec(written);
  if (vulgar) {
    const [top, bottom] = VULGAR[vulgar[2]!]!;
    return `${vulgar[1] ? `${cardinalWords(vulgar[1])} and ` : ''}${fractionWords(top, bottom)}`;
  }
  const m = FRACTION.exec(written);
  if (!m || Number(m[2]) < 2) return undefined;
  return fractionWords(m[1]!, m[2]!);
}

const DATE_LEAD_INS = new Set(['on', 'by', 'until', 'till', 'since', 'from', 'before', 'after', 'due', 'dated']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1/2" → one half, "3/4" → three quarters, "1/4th" → one quarter, "¾" → three quarters; "on 3/15" → March fifteenth. */
const fraction: Rule = (ctx) => {
  const monthDay = /^(\d{1,2})\/(\d{1,2})$/.exec(core(ctx));
  if (monthDay && DATE_LEAD_INS.has(core(ctx, -1).toLowerCase()) && Number(monthDay[1]) >= 1 && Number(monthDay[1]) <= 12 && Number(monthDay[2]) >= 1 && Number(monthDay[2]) <= 31) {
    return text(MONTHS[Number(monthDay[1]) - 1]!, ordinalWords(monthDay[2]!));
  }
  const words = fractionOf(core(ctx));
  return words ? text(words) : undefined;
};

/** "3 1/2" → three and one half: the whole number joins its fraction. */
const wholeBeforeFraction: Rule = (ctx) => {
  if (!/^\d+$/.test(core(ctx)) || word(ctx)!.trail !== '') return undefined;
  const next = core(ctx, 1);
  if (!FRACTION.test(next) || SLASH_IDIOMS[next] || !fractionOf(next)) return undefined;
  const [, top, bottom] = FRACTION.exec(next)!;
  if (Number(top) === 0 || Number(bottom) > 100) return undefined;
  return text(cardinalWords(core(ctx)), 'and');
};

/** "12kg", "2°C", "4.4x", "12/kg", "a 5-km run": a measure written as one word. */
const gluedMeasure: Rule = (ctx) => {
  const here = core(ctx);
  // "a 5-km run": a hyphenated measure is a modifier, said in the singular.
  const hyphenated = /^[\d.,]+-[^\d]/.test(here);
  // "the 100m sprint", "a 5-km run": a measure before its noun is said in the singular.
  const words = measureWords(here, hyphenated || isAttributive(ctx, ctx.index, ctx.index));
  return words ? text(words) : undefined;
};

/** "5 km", "1 mbps", "100 million kg", "2x8 m2": a unit after its number. */
const unitAfterNumber: Rule = (ctx) => {
  const here = core(ctx);
  // "12 sq ft", "5 sq. m": "square", then the unit after it.
  if (/^sq$/i.test(here) && unitNames(core(ctx, 1), false) && (isPlainNumber(core(ctx, -1)) || MAGNITUDE_WORDS[core(ctx, -1)])) {
    return { ...text('square'), ownsPeriod: word(ctx)!.trail === '.' };
  }
  const squared = /^sq$/i.test(core(ctx, -1));
  let count = core(ctx, squared ? -2 : -1);
  if (word(ctx, -1)?.trail !== '' && !(squared && word(ctx, -1)?.trail === '.')) return undefined;
  const afterMagnitude = MAGNITUDE_WORDS[count] !== undefined && count.length > 1 && isPlainNumber(core(ctx, squared ? -3 : -2));
  // "2 1/2 kg" → kilograms; "3/4 mi" alone → of a mile.
  const fractionBefore = FRACTION.test(count) && !SLASH_IDIOMS[count];
  if (fractionBefore && !/^\d+$/.test(core(ctx, -2))) {
    const unitNamesAlone = unitNames(here, false);
    return unitNamesAlone ? text('of a', unitNamesAlone[0]) : undefined;
  }
  if (afterMagnitude || fractionBefore) count = 'many';
  else if (!isPlainNumber(count.replace(/^[-−+]/, '')) && !/^\d[\d.,]*[x×]\d[\d.,]*$/.test(count) && !/^[\d.,]+[-–][\d.,]+$/.test(count)) return undefined;
  const names = unitNames(here, false);
  // "1642 W Harbor Rd": a capital letter before a name is a compass point, not watts.
  if (!names || (here.length === 1 && /^[A-Z]/.test(core(ctx, 1)))) return undefined;
  // "5 in" and "2 s" stay words; a unit whose period ends the sentence keeps it.
  // Singular after exactly "1" ("1.0 kg" is plural, as "one point zero kilograms").
  const singular = count === '1' || isAttributive(ctx, ctx.index - 1, ctx.index);
  return { ...text(singular ? names[0] : names[1]), ownsPeriod: word(ctx)!.trail.startsWith('.') && !/^(in|ft|gal|oz|no)$/.test(here) };
};

/** "5'10\"", "6'": feet and inches. */
const feetAndInches: Rule = (ctx) => {
  const w = word(ctx)!;
  const m = /^(\d{1,2})['’′](?:(\d{1,2})(?:["”″]|'')?)?$/.exec(w.core + (w.trail.match(/^["”″']+/)?.[0] ?? ''));
  if (!m || (m[2] === undefined && !/^['’′]/.test(w.trail) && !/['’′]$/.test(w.core))) return undefined;
  const feet = `${cardinalWords(m[1]!)} ${m[1] === '1' ? 'foot' : 'feet'}`;
  return m[2] === undefined ? text(feet) : text(feet, cardinalWords(m[2]), m[2] === '1' ? 'inch' : 'inches');
};

/** "50¢" → fifty cents. */
const centsSign: Rule = (ctx) => {
  const m = /^(\d+)¢$/.exec(core(ctx));
  return m ? text(cardinalWords(m[1]!), m[1] === '1' ? 'cent' : 'cents') : undefined;
};

/** "+5", "-1/2": a signed number or fraction. */
const signedNumber: Rule = (ctx) => {
  const m = /^([+−-])(\d+\/\d+|\d[\d,]*(?:\.\d+)?)$/.exec(core(ctx));
  if (!m) return undefined;
  const rest = fractionOf(m[2]!) ?? numberWords(m[2]!);
  return rest ? text(m[1] === '+' ? 'plus' : 'minus', rest) : undefined;
};

const OPERATORS: Record<string, string> = { '+': 'plus', '=': 'equals', '*': 'times', '×': 'times', '÷': 'divided by', '−': 'minus' };

/** "2 + 3 = 5", "2*3", "4+4": arithmetic between numbers. */
const arithmetic: Rule = (ctx) => {
  const here = core(ctx);
  const between = /\d$/.test(core(ctx, -1)) && /^[-−]?\d/.test(core(ctx, 1));
  if (OPERATORS[here] && between) return text(OPERATORS[here]);
  const m = /^(\d[\d,.]*)([+*×÷=])(\d[\d,.]*)$/.exec(here);
  if (!m) return undefined;
  const [left, right] = [numberWords(m[1]!), numberWords(m[3]!)];
  return left && right ? text(left, OPERATORS[m[2]!]!, right) : undefined;
};

/** "2x8" → two by eight. */
const dimensions: Rule = (ctx) => {
  const m = /^(\d[\d.,]*)[x×](\d[\d.,]*)(?:[x×](\d[\d.,]*))?$/.exec(core(ctx));
  if (!m) return undefined;
  const sides = [m[1]!, m[2]!, m[3]].filter((s): s is string => s !== undefined).map((s) => numberWords(s));
  return sides.every(Boolean) ? text(sides.join(' by ')) : undefined;
};

function isYearLike(digits: string): boolean {
  return /^\d{4}$/.test(digits) && Number(digits) >= 1100 && Number(digits) <= 2099;
}

/** One side of a range, said on its own: "$5", "10%", "5lb", "1960s", "5pm", "12", "1998". */
function sideWords(side: string, asYear: boolean, yearCentury?: number): string | undefined {
  if (asYear && isYearLike(side)) return yearWords(Number(side));
  if (asYear && yearCentury !== undefined && /^\d{2}$/.test(side)) return yearWords(yearCentury * 100 + Number(side)).split(' ').slice(1).join(' ');
  const money_ = parseMoney(side);
  if (money_) return moneyWords(money_);
  const clock = /^(\d{1,2}):(\d{2})$/.exec(side);
  if (clock && Number(clock[1]) <= 24 && Number(clock[2]) < 60) {
    const minute = Number(clock[2]);
    return minute === 0 ? `${cardinalWords(clock[1]!)} o'clock` : `${cardinalWords(clock[1]!)} ${minute < 10 ? 'oh ' : ''}${cardinalWords(minute)}`;
  }
  return percentWords(side) ?? decadeWords(side) ?? ordinalNumberWords(side) ?? measureWords(side) ?? numberWords(side);
}

/** A side with a meridiem ("5pm") gets it spelled the engine's way. */
function sideNodes(ctx: RuleContext, side: string, asYear: boolean, yearCentury?: number): SpeechNode[] | undefined {
  const meridiem = /^(\d{1,2})(?::(\d{2}))?([ap])m$/i.exec(side);
  if (meridiem) {
    const minute = Number(meridiem[2] ?? 0);
    const clock = `${cardinalWords(meridiem[1]!)}${minute ? ` ${minute < 10 ? 'oh ' : ''}${cardinalWords(minute)}` : ''}`;
    return [{ kind: 'text', text: clock }, letters(ctx, `${meridiem[3]}M`)];
  }
  const words = sideWords(side, asYear, yearCentury);
  return words ? [{ kind: 'text', text: words }] : undefined;
}

/** "1958–1974", "1958-74", "10–12", "$5–$10", "2-5lb", "1960s-1980s", "5pm-7": said with "to". */
const range: Rule = (ctx) => {
  const here = core(ctx);
  if (/^[–—-]$/.test(here) && /\d/.test(core(ctx, -1)) && /^[$£€¥]?\d/.test(core(ctx, 1)) && word(ctx, -1)!.trail === '') return text('to');
  for (const m of here.matchAll(/[–—-]/g)) {
    const left = here.slice(0, m.index);
    const right = here.slice(m.index! + 1);
    if (!/\d/.test(left) || !/^[$£€¥]?\.?\d/.test(right)) continue;
    const asYear = isYearLike(left) && (isYearLike(right) || /^\d{2}$/.test(right));
    // A hyphen joins numbers into a range only when they read as one: years, small counts, amounts with signs or units.
    if (m[0] === '-' && !asYear && /^\d+$/.test(left) && /^\d+$/.test(right) && (left.length > 3 || right.length > 3)) continue;
    // "$5-10": "five to ten dollars", the currency said once, at the end.
    const leftMoney = parseMoney(left);
    if (leftMoney && isPlainNumber(right) && !leftMoney.magnitude && !leftMoney.per) {
      return text(decimalWords(leftMoney.number.replace(/,/g, '')), 'to', moneyWords({ ...leftMoney, number: right }));
    }
    const from = sideNodes(ctx, left, asYear);
    const to = sideNodes(ctx, right, asYear, Math.floor(Number(left) / 100));
    if (!from || !to) continue;
    // "5-7pm", "2-5lb": the unit written once, after the second number, is said once.
    return { nodes: joined([...from, { kind: 'text', text: 'to' }, ...to]) };
  }
  return undefined;
};

/** "mid-1980s", "pre-1990", "post-2000": the prefix, then the number as it would be said alone. */
const prefixedNumber: Rule = (ctx) => {
  const m = /^([A-Za-z]+)-(\d[\d,.]*'?s?)$/.exec(core(ctx));
  if (!m) return undefined;
  const rest = decadeWords(m[2]!) ?? (isYearLike(m[2]!) ? yearWords(Number(m[2])) : numberWords(m[2]!));
  return rest ? text(m[1]!, rest) : undefined;
};

/** Words before a number that count parts or places, read as plain numbers ("Chapter 101", "Room 300"). */
const COUNTING_WORDS = new Set(['chapter', 'page', 'pages', 'section', 'part', 'verse', 'psalm', 'number', 'no', 'volume', 'vol', 'issue', 'step', 'level', 'grade', 'year', 'the', 'a', 'an', 'in', 'on', 'at', 'of', 'by', 'for', 'from', 'to', 'and', 'or', 'with', 'about', 'over', 'under', 'some', 'all', 'his', 'her', 'their', 'our', 'my', 'its']);

/** "Boeing 747", "Route 101", "Flight 370": a three-digit name said in pairs (seven forty-seven, one oh one). */
const modelNumber: Rule = (ctx) => {
  const here = core(ctx);
  const before = word(ctx, -1);
  if (!/^[1-9]\d\d$/.test(here) || here.endsWith('00') || !before || before.trail !== '' || !/^[A-Z][a-z]+$/.test(before.core)) return undefined;
  if (COUNTING_WORDS.has(before.core.toLowerCase()) || monthOf(before) || ctx.index < 2 || countsSomething(ctx)) return undefined;
  const rest = Number(here.slice(1));
  return text(digitWords(here[0]!), rest < 10 ? `oh ${digitWords(here[2]!)}` : cardinalWords(rest));
};

/** A four-digit number is a year unless it counts something ("1500 students"). */
function looksLikeYear(ctx: RuleContext): boolean {
  const before = word(ctx, -1);
  const leadIn = before !== undefined && YEAR_LEAD_INS.has(before.core.toLowerCase()) && before.trail === '';
  if (!isYearLike(core(ctx)) && !(leadIn && isYearDigits(core(ctx)) && !countsSomething(ctx))) return false;
  if (before && (YEAR_LEAD_INS.has(before.core.toLowerCase()) || fullMonth(before) || monthOf(before) || /^\d{1,2}(st|nd|rd|th)?$/.test(before.core))) return true;
  const after = core(ctx, 1);
  const counted = (/^[a-z]+[^su]s$/.test(after) && !NOT_PLURALS.has(after)) || unitNames(after, false) !== undefined || MAGNITUDE_WORDS[after] !== undefined;
  return !(word(ctx)!.trail === '' && (counted || COUNTED_PLURALS.has(after)));
}

const year: Rule = (ctx) => (looksLikeYear(ctx) && !isCode(ctx) ? text(yearWords(Number(core(ctx)))) : undefined);

/** A number followed by what it counts: "13000 runners", "25000 tonnes", "100000 of them". */
function countsSomething(ctx: RuleContext): boolean {
  if (word(ctx)!.trail !== '') return false;
  const after = core(ctx, 1);
  return (/^[a-z]+s$/.test(after) && !NOT_PLURALS.has(after)) || COUNTED_PLURALS.has(after) || unitNames(after, false) !== undefined || MAGNITUDE_WORDS[after] !== undefined || after === 'of';
}

/** Words after which digits are a code, read one by one: "card ending in 8876", "PIN 4417". */
const CODE_LEAD_INS = new Set(['pin', 'code', 'ext', 'extension', 'account', 'serial', 'zip', 'postcode', 'flight', 'badge', 'ticket']);

function isCode(ctx: RuleContext): boolean {
  const before = word(ctx, -1);
  if (!before || before.trail !== '' && before.trail !== ':') return false;
  const lead = before.core.toLowerCase();
  return CODE_LEAD_INS.has(lead) || (lead === 'in' && /^end(ing|s)?$/i.test(core(ctx, -2)));
}

/**
 * Plain numbers. Five or more digits with no thousands separator are a code, a zip or an
 * account ("95051"), said digit by digit, unless a noun says they count something.
 */
/** Numbers that are names, said digit by digit. */
const NUMBER_NAMES: Record<string, string> = { '911': 'nine one one', '411': 'four one one', '999': 'nine nine nine', '112': 'one one two' };

const plainNumber: Rule = (ctx) => {
  const here = core(ctx);
  // "called 911", but "911 people".
  if (NUMBER_NAMES[here] && !countsSomething(ctx) && /^(call|called|calls|calling|dial|dialed|dialled|dialing|ring|rang|phone|phoned|to)$/i.test(core(ctx, -1))) return text(NUMBER_NAMES[here]);
  if ((/^\d{5,}$/.test(here) && !countsSomething(ctx)) || (/^\d{2,}$/.test(here) && isCode(ctx))) return text(digitWords(here));
  const words = numberWords(here);
  if (words) return text(words);
  const negative = /^[-−](\d.*)$/.exec(here);
  const magnitude = negative ? numberWords(negative[1]!) : undefined;
  return magnitude ? text('minus', magnitude) : undefined;
};

/** "19th-century", "10-year-old", "1960s-era": the number said, the rest as written. */
const numberCompound: Rule = (ctx) => {
  const m = /^([$£€]?[\d,.]+(?:st|nd|rd|th|s|%)?)-([A-Za-z][A-Za-z-]*)$/.exec(core(ctx));
  if (!m) return undefined;
  // "a $5-million grant": five-million-dollar grant.
  const amount = parseMoney(m[1]!);
  const magnitude = /^(thousand|million|billion|trillion)$/.exec(m[2]!)?.[1];
  if (amount && magnitude) return text(`${decimalWords(amount.number.replace(/,/g, ''))}-${magnitude}-${amount.currency.one}`);
  const words = ctx.words.slice();
  words[ctx.index] = { ...words[ctx.index]!, core: m[1]!, trail: '' };
  const alone = { ...ctx, words };
  const spoken = [money, percent, ordinal, decade, plainNumber].map((rule) => rule(alone)).find(Boolean);
  const first = spoken?.nodes[0];
  return first?.kind === 'text' && spoken!.nodes.length === 1 ? text(`${first.text}-${m[2]}`) : undefined;
};

/** "555-1234" is a telephone number by its context; "250-1000" is a range. */
const localPhone: Rule = (ctx) => {
  const m = /^(\d{3})-(\d{4})$/.exec(core(ctx));
  if (!m) return undefined;
  const context = ctx.words.slice(Math.max(0, ctx.index - 4), ctx.index).some((w) => PHONE_CONTEXT.test(w.core));
  if (!context && !m[2]!.startsWith('0') && Number(m[1]) < Number(m[2])) return undefined;
  const words = telephoneWords(core(ctx));
  return words ? text(words) : undefined;
};

/** House numbers said in pairs before a street: "2788 San Tomas Expy" → twenty-seven eighty-eight. */
const houseNumber: Rule = (ctx) => {
  const here = core(ctx);
  const unit = /^(\d{1,5})([A-Z])?$/.exec(here);
  if (!unit || word(ctx)!.trail !== '' || here.startsWith('0')) return undefined;
  const digits = unit[1]!;
  const letter = unit[2] ? ` ${unit[2]}` : '';
  for (let i = 1; i <= 5; i++) {
    const w = word(ctx, i);
    if (!w) return undefined;
    if (i > 1 && STREET_TYPES[w.core.toLowerCase()]) {
      return text((digits.length <= 4 ? pairedWords(digits) : digitWords(digits)) + letter);
    }
    const ok = /^[A-Z][A-Za-z'-]*$/.test(w.core) || /^\d+(st|nd|rd|th)$/i.test(w.core);
    if (!ok || (w.trail !== '' && !(i > 1 && w.trail.startsWith('.')))) return undefined;
  }
  return undefined;
};

/** "401(k)", "501(c)(3)": a section of a code, its number said in pairs ("four oh one k"). */
const codeSection: Rule = (ctx) => {
  const w = word(ctx)!;
  const m = /^(\d{3,4})((?:\([a-z0-9]\))+)$/.exec(w.core + w.trail.replace(/[.,;:!?]+$/, ''));
  if (!m) return undefined;
  const digits = m[1]!;
  const number = digits.length === 3 && digits[1] === '0' ? `${digitWords(digits[0]!)} oh ${digitWords(digits[2]!)}` : pairedWords(digits);
  const parts = [...m[2]!.matchAll(/\(([a-z0-9])\)/g)].map((p) => (/\d/.test(p[1]!) ? digitWords(p[1]!) : p[1]!));
  return text(number, ...parts);
};

/** Order matters: the first rule that recognises the word speaks it. */
export const NUMERIC_RULES: Rule[] = [
  ...ELECTRONIC_RULES, localPhone, codeSection, money, magnitudeAfterMoney, currencyCode, magnitudeAfterCode, percent, fraction, wholeBeforeFraction,
  ...DATE_RULES, ordinal, decade, arithmetic, dimensions, feetAndInches, centsSign, signedNumber, gluedMeasure, range, prefixedNumber, numberCompound, houseNumber, unitAfterNumber, modelNumber, year, plainNumber,
];
