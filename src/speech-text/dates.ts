// Dates and clock times. A day next to a month is an ordinal ("March 3" → March third,
// "3 March" → the third of March); numeric dates are read month first unless the first
// part cannot be a month ("15.01.2020"); a year beside a date is said as a year.
import { core, letters, text, word, joined, type Rule, type RuleContext, type Spoken } from './context.js';
import { cardinalWords, ordinalWords, shortYearWords, yearWords } from './number-words.js';
import { monthOf } from './tables.js';
import type { Word } from './words.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isDay(text: string): boolean {
  return /^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= 31;
}

function isOrdinalDay(text: string): boolean {
  const m = /^(\d{1,2})(st|nd|rd|th)$/i.exec(text);
  return m !== null && isDay(m[1]!);
}

export function isYearDigits(text: string): boolean {
  return /^\d{4}$/.test(text) && Number(text) >= 1000 && Number(text) <= 2099;
}

/** The month a word names next to a day or year: "March", "june", "SEPT.", "Jan". */
export function monthNear(ctx: RuleContext, offset: number): string | undefined {
  const w = word(ctx, offset);
  if (!w) return undefined;
  const month = monthOf(w);
  if (!month) return undefined;
  // "May", "March" and "August" are words too ("you may 2 ..."): only beside a day or year.
  const next = core(ctx, offset + 1);
  const previous = core(ctx, offset - 1);
  const besideDay = ((isDay(next) || isOrdinalDay(next) || isYearDigits(next)) && w.trail === '') || (w.trail === '.' && (isDay(next) || isOrdinalDay(next)));
  const afterDay = (isDay(previous) || isOrdinalDay(previous)) && word(ctx, offset - 1)!.trail === '';
  if (!besideDay && !afterDay) return undefined;
  // "you may 2 …", "they march 5 miles": a lowercase verb needs a year or a full stop after the day too.
  if (/^(may|march)$/.test(w.core) && besideDay && !afterDay) {
    const dayWord = word(ctx, offset + 1)!;
    if (!isYearDigits(core(ctx, offset + 2)) && !/[.,;!?]/.test(dayWord.trail) && word(ctx, offset + 2) !== undefined) return undefined;
  }
  return month;
}

/** "Jan" / "SEPT." beside a day → the month's full name; "June" stays as written. */
const monthName: Rule = (ctx) => {
  const month = monthNear(ctx, 0);
  if (!month) return undefined;
  const written = core(ctx);
  if (written === month) return undefined;
  return { ...text(month), ownsPeriod: word(ctx)!.trail.startsWith('.') };
};

/** "March 3" → third; "3 March" → the third of; "the 26th May" → twenty-sixth of. */
const dayWithMonth: Rule = (ctx) => {
  const here = core(ctx);
  const ordinalDay = isOrdinalDay(here);
  if (!isDay(here) && !ordinalDay) return undefined;
  const day = ordinalWords(Number(/^\d+/.exec(here)![0]));
  if (monthNear(ctx, -1) && word(ctx, -1)!.trail !== ',') return text(day);
  if (word(ctx)!.trail === '' && monthNear(ctx, 1)) {
    const the = core(ctx, -1).toLowerCase() === 'the' ? '' : 'the';
    return text(the, day, 'of');
  }
  return undefined;
};

const SEPARATED_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

function yearSaid(digits: string): string {
  return digits.length === 2 ? shortYearWords(digits) : yearWords(Number(digits));
}

/** "2016/07/03", "01/07/98", "15-01-2020", "01.10.2010": month first unless the first part is over 12. */
export function numericDateWords(written: string): string | undefined {
  const m = SEPARATED_DATE.exec(written);
  if (!m) return undefined;
  const [, a, , b, c] = m as unknown as [string, string, string, string, string];
  if (a.length === 4) {
    // Year first: 2016/07/03.
    if (c.length === 4 || Number(b) > 12 || Number(b) < 1 || Number(c) < 1 || Number(c) > 31) return undefined;
    return `${MONTH_NAMES[Number(b) - 1]} ${ordinalWords(Number(c))} ${yearWords(Number(a))}`;
  }
  if (a.length > 2 || Number(a) < 1 || Number(b) < 1) return undefined;
  if (Number(a) > 12) {
    if (Number(a) > 31 || Number(b) > 12) return undefined;
    return `the ${ordinalWords(Number(a))} of ${MONTH_NAMES[Number(b) - 1]} ${yearSaid(c)}`;
  }
  if (Number(b) > 31) return undefined;
  return `${MONTH_NAMES[Number(a) - 1]} ${ordinalWords(Number(b))} ${yearSaid(c)}`;
}

/** "Jan-15", "15-Jan-2020", "Jan-15-2020": a month glued to its day (and year). */
function gluedMonthDate(written: string): string | undefined {
  const parts = written.split('-');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const asWord = (t: string): Word => ({ written: t, lead: '', core: t, trail: '' });
  const first = monthOf(asWord(parts[0]!));
  const second = monthOf(asWord(parts[1]!));
  const year = parts[2];
  if (year !== undefined && !/^(\d{2}|\d{4})$/.test(year)) return undefined;
  const yearPart = year ? ` ${yearSaid(year)}` : '';
  if (first && isDay(parts[1]!)) return `${first} ${ordinalWords(Number(parts[1]))}${yearPart}`;
  if (second && isDay(parts[0]!)) return `the ${ordinalWords(Number(parts[0]))} of ${second}${yearPart}`;
  return undefined;
}

const writtenDate: Rule = (ctx) => {
  const here = core(ctx);
  const words = numericDateWords(here) ?? gluedMonthDate(here);
  return words ? text(words) : undefined;
};

/** "3:45" → three forty-five; "9:05" → nine oh five; "10:00" alone → ten o'clock. */
function clockWords(hour: number, minute: number, withMeridiem: boolean): string {
  // "20:00": twenty hundred, as a 24-hour clock is read.
  if (minute === 0 && hour > 12 && !withMeridiem) return `${cardinalWords(hour)} hundred`;
  if (minute === 0) return withMeridiem ? cardinalWords(hour) : `${cardinalWords(hour)} o'clock`;
  return `${cardinalWords(hour)} ${minute < 10 ? `oh ${cardinalWords(minute)}` : cardinalWords(minute)}`;
}

/** "14:10:30" → fourteen hours ten minutes and thirty seconds. */
function durationWords(h: number, m: number, s: number): string {
  const unit = (n: number, one: string) => `${cardinalWords(n)} ${n === 1 ? one : `${one}s`}`;
  return `${unit(h, 'hour')} ${unit(m, 'minute')} and ${unit(s, 'second')}`;
}

const ZONES = new Set(['est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'akst', 'hst', 'gmt', 'utc', 'bst', 'cet', 'cest', 'eet', 'ist', 'jst', 'aest', 'aedt', 'nzst']);
const MERIDIEM = /^([ap])\.?m\.?(?:\.?([a-z]{3,4}))?$/i;

/** "pm", "p.m.", "PM", "p.m.est": the meridiem and any time zone glued to it. */
function meridiemOf(written: string): { letter: string; zone?: string } | undefined {
  const m = MERIDIEM.exec(written);
  if (!m || (m[2] && !ZONES.has(m[2].toLowerCase()))) return undefined;
  return { letter: m[1]!.toUpperCase(), ...(m[2] ? { zone: m[2] } : {}) };
}

function meridiemNodes(ctx: RuleContext, written: string): Spoken | undefined {
  const m = meridiemOf(written);
  if (!m) return undefined;
  return { nodes: [letters(ctx, `${m.letter}M`), ...(m.zone ? [letters(ctx, m.zone)] : [])] };
}

/** The word after a time that says which half of the day ("p.m.", "PM") or zone ("EST"). */
function meridiemAfter(ctx: RuleContext): boolean {
  const next = word(ctx, 1);
  if (!next) return false;
  return meridiemOf(next.core + (next.trail.startsWith('.') ? '.' : '')) !== undefined;
}

const time: Rule = (ctx) => {
  const here = core(ctx);
  const hms = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(here);
  if (hms) {
    const [h, m, s] = [Number(hms[1]), Number(hms[2]), Number(hms[3])];
    return h <= 24 && m < 60 && s < 60 ? text(durationWords(h, m, s)) : undefined;
  }
  // "1.59 p.m." is a time only with its meridiem; "7pm", "7:30pm" carry it glued.
  const glued = /^(\d{1,2})(?:[:.](\d{2}))?([ap]\.?m\.?)$/i.exec(here + (word(ctx)!.trail.startsWith('.') && /m$/i.test(here) ? '.' : ''));
  const m = glued ?? /^(\d{1,2}):(\d{2})$/.exec(here) ?? (meridiemAfter(ctx) ? /^(\d{1,2})(?:\.(\d{2}))?$/.exec(here) : null);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (hour > 24 || minute > 59) return undefined;
  const withMeridiem = glued !== null || meridiemAfter(ctx) || /^(noon|midnight)$/i.test(core(ctx, 1));
  const spoken = text(clockWords(hour, minute, withMeridiem));
  if (glued) return { nodes: joined([...spoken.nodes, ...meridiemNodes(ctx, glued[3]!)!.nodes]), ownsPeriod: glued[3]!.endsWith('.') };
  return spoken;
};

/** "p.m.", "pm" after a time; "EST" after one. */
const meridiem: Rule = (ctx) => {
  const w = word(ctx)!;
  const written = w.core + (w.trail.startsWith('.') ? '.' : '');
  const dotted = /^[ap]\.m/i.test(w.core);
  const afterTime = /^\d{1,2}([:.]\d{2})?$/.test(core(ctx, -1)) || /^\d{1,2}(:\d{2}){1,2}$/.test(core(ctx, -1));
  if (!dotted && !afterTime) return undefined;
  const spoken = meridiemNodes(ctx, written);
  return spoken ? { ...spoken, ownsPeriod: written.endsWith('.') } : undefined;
};

/** "EST" or "e.s.t" after a time or meridiem. */
const timeZone: Rule = (ctx) => {
  const here = core(ctx).replace(/\./g, '');
  if (!ZONES.has(here.toLowerCase())) return undefined;
  const before = word(ctx, -1);
  if (!before || !(/^\d{1,2}(:\d{2}){0,2}$/.test(before.core) || meridiemOf(before.core + '.') || /^\d{1,2}(:\d{2})?[ap]m$/i.test(before.core))) return undefined;
  return { nodes: [letters(ctx, here)], ownsPeriod: word(ctx)!.trail.startsWith('.') };
};

export const DATE_RULES: Rule[] = [writtenDate, time, meridiem, timeZone, monthName, dayWithMonth];
export { isDay, isOrdinalDay };
