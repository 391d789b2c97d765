// Abbreviations, initialisms and Roman numerals, each read by its neighbours:
// "Dr. Smith" is a doctor, "Oak Dr." a drive; "Henry VIII" is a king, not letters.
import { core, letters, text, word, type Rule, type RuleContext } from './context.js';
import { cardinalWords, ordinalWords } from './number-words.js';
import { isEnglishWord } from './english-words.js';
import { AFTER_NAME, ALWAYS_LETTERS, ANYWHERE, BEFORE_NAME, DIRECTIONS, EXPANSIONS, MONTH_ABBREVIATIONS, NUMBERED_PARTS, SAID_AS_WORDS, STATES, STREET_TYPES } from './tables.js';
import { isCapitalized } from './words.js';

function hasPeriod(ctx: RuleContext): boolean {
  return word(ctx)!.trail.startsWith('.');
}

/** A capitalised word that is not just capitalised because it opens the sentence. */
function isNameBefore(ctx: RuleContext): boolean {
  const before = word(ctx, -1);
  if (!before || before.trail !== '') return false;
  const opensSentence = ctx.words.slice(0, ctx.index - 1).every((w) => w.core === '');
  return (isCapitalized(before.core) && !opensSentence) || /^\d+$/.test(before.core);
}

const titleOrStreet: Rule = (ctx) => {
  const here = core(ctx);
  if (!hasPeriod(ctx) || (!(here in BEFORE_NAME) && !(here in AFTER_NAME))) return undefined;
  const next = word(ctx, 1);
  const nameFollows = next !== undefined && isCapitalized(next.core) && word(ctx)!.trail === '.';
  const alone = ctx.words.slice(0, ctx.index).every((w) => w.core === '') && !nameFollows;
  if (here in AFTER_NAME && !(alone && here in BEFORE_NAME) && (isNameBefore(ctx) || !(here in BEFORE_NAME) || !nameFollows)) {
    return { ...text(AFTER_NAME[here]!), ownsPeriod: true };
  }
  return { ...text(BEFORE_NAME[here]!), ownsPeriod: true };
};

const anywhere: Rule = (ctx) => {
  const here = core(ctx);
  if (!hasPeriod(ctx)) return undefined;
  if (ANYWHERE[here]) return { ...text(ANYWHERE[here]), ownsPeriod: true };
  if (/^No$/i.test(here) && /^\d/.test(core(ctx, 1))) return { ...text('number'), ownsPeriod: true };
  if (MONTH_ABBREVIATIONS[here] && /^\d/.test(core(ctx, 1))) return { ...text(MONTH_ABBREVIATIONS[here]), ownsPeriod: true };
  return undefined;
};

/** A house number: digits before a street's name ("2788 San Tomas Expy"). */
function houseNumberAt(ctx: RuleContext, at: number): boolean {
  return /^\d{1,5}[A-Z]?$/.test(core(ctx, at)) && word(ctx, at)!.trail === '';
}

/** The street's name runs from a house number to here: capitalised words, ordinals, a compass point. */
function inAddress(ctx: RuleContext): boolean {
  for (let i = -1; i >= -5; i--) {
    const w = word(ctx, i);
    if (!w || (w.trail !== '' && i < -1)) return false;
    if (i < -1 && houseNumberAt(ctx, i)) return true;
    if (!/^[A-Z][A-Za-z'-]*$/.test(w.core) && !/^\d+(st|nd|rd|th)$/i.test(w.core)) return false;
  }
  return false;
}

/** "San Tomas Expy", "12 S 1st st", "Elm St,": a street type without its period, in an address. */
const streetType: Rule = (ctx) => {
  const full = STREET_TYPES[core(ctx).toLowerCase()];
  if (!full || hasPeriod(ctx) || full.toLowerCase() === core(ctx).toLowerCase() || !inAddress(ctx)) return undefined;
  return text(full);
};

/** "1211 E Arques Ave": a compass point between a house number and a street's name. */
const compassPoint: Rule = (ctx) => {
  const full = DIRECTIONS[core(ctx)];
  if (!full || !houseNumberAt(ctx, -1) || !/^([A-Z][a-z]|\d+(st|nd|rd|th)$)/i.test(core(ctx, 1)) || word(ctx)!.trail !== '') return undefined;
  return text(full);
};

/** "Santa Clara, CA 95051", "City, NY": a state code after a town, in an address. */
const stateCode: Rule = (ctx) => {
  const state = STATES[core(ctx)];
  const town = word(ctx, -1);
  if (!state || !town || !town.trail.startsWith(',') || !/^[A-Z][a-z]/.test(town.core)) return undefined;
  const zipNext = /^\d{5}(-\d{4})?$/.test(core(ctx, 1));
  const streetEarlier = ctx.words.slice(0, ctx.index).some((w) => STREET_TYPES[w.core.toLowerCase()] !== undefined);
  return zipNext || streetEarlier ? text(state) : undefined;
};

/** Capitalised words before a numeral that are not a name: "The MD", "His CV". */
const NOT_NAMES = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'every', 'each', 'no', 'any', 'some']);

const ROMAN = /^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function romanValue(numeral: string): number | undefined {
  if (!ROMAN.test(numeral)) return undefined;
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_VALUES[numeral[i]!]!;
    const next = ROMAN_VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** "Chapter IV" → four; "Henry VIII" → the eighth. A lone I only counts parts ("World War I"). */
const romanNumeral: Rule = (ctx) => {
  const here = core(ctx);
  const value = romanValue(here);
  const before = word(ctx, -1);
  if (value === undefined || !before || before.trail !== '') return undefined;
  // "Chapter IV", "PART XL": a numbered part, in any case.
  if (NUMBERED_PARTS.has(before.core.toLowerCase()) && /^[A-Z]/.test(before.core)) return here.length > 1 || 'IVX'.includes(here) ? text(cardinalWords(value)) : undefined;
  if (!isCapitalized(before.core)) return undefined;
  // Of the single letters only V is a likely regnal number ("Henry V"; "Malcolm X" is a name).
  if ((here.length === 1 && here !== 'V') || (!isNameBefore(ctx) && ctx.index > 1)) return undefined;
  // Kings and popes stop well before forty; "Washington DC", "his CV" and "the MD" are letters.
  if (value > 40 || NOT_NAMES.has(before.core.toLowerCase())) return undefined;
  return text('the', ordinalWords(value));
};

const dottedInitialism: Rule = (ctx) => {
  const written = core(ctx) + (hasPeriod(ctx) ? '.' : '');
  if (!/^([A-Za-z]\.){2,}$/.test(written) || /^[ap]\.m\.$/i.test(written)) return undefined;
  return { nodes: [letters(ctx, written)], ownsPeriod: true };
};

/** Initialisms written in lowercase, which are not words: "tv", "dvd". */
const LOWERCASE_INITIALISMS = new Set(['tv', 'dvd', 'usb', 'atm', 'pc', 'faq', 'diy', 'vip', 'gps', 'pdf', 'ufo']);

const lowercaseInitialism: Rule = (ctx) => (LOWERCASE_INITIALISMS.has(core(ctx)) ? { nodes: [letters(ctx, core(ctx))] } : undefined);

/** "FBI" is spelled out; "HUGE" is a word in capitals for emphasis, said as a word. */
const initialism: Rule = (ctx) => {
  const m = /^([A-Z][A-Z&]{1,5})(s|'s)?$/.exec(core(ctx));
  if (!m || ctx.shouting) return undefined;
  const [, caps, plural] = m as unknown as [string, string, string | undefined];
  if (EXPANSIONS[caps] && !plural) return text(EXPANSIONS[caps]);
  if (SAID_AS_WORDS.has(caps)) return undefined;
  if (!ALWAYS_LETTERS.has(caps) && isEnglishWord(core(ctx).toLowerCase())) return text(core(ctx).toLowerCase());
  if (!plural) return { nodes: [letters(ctx, caps.replace('&', ''))] };
  // Polly says "CEOs" right by itself; eSpeak NG reads a lone "s" after spelled letters
  // as the letter, so it gets the letter names as phonemes (its fallback text is the word).
  if (ctx.caps.readsPluralInitialisms) return text(core(ctx));
  return { nodes: [{ kind: 'phoneme', text: core(ctx), alphabet: 'ipa', ph: pluralLetterNames(caps.replace('&', '')) }] };
};

const LETTER_IPA: Record<string, string> = {
  A: 'eɪ', B: 'biː', C: 'siː', D: 'diː', E: 'iː', F: 'ɛf', G: 'dʒiː', H: 'eɪtʃ', I: 'aɪ', J: 'dʒeɪ', K: 'keɪ', L: 'ɛl', M: 'ɛm',
  N: 'ɛn', O: 'oʊ', P: 'piː', Q: 'kjuː', R: 'ɑːɹ', S: 'ɛs', T: 'tiː', U: 'juː', V: 'viː', W: 'dʌbəljuː', X: 'ɛks', Y: 'waɪ', Z: 'ziː',
};

/** "CEO" → "ˌsiːˌiːˈoʊz": letter names, stress on the last, plural ending. */
export function pluralLetterNames(caps: string): string {
  const names = [...caps].map((c, i) => (i === caps.length - 1 ? 'ˈ' : 'ˌ') + LETTER_IPA[c]!);
  return names.join('') + (/[SXZ]$/.test(caps) ? 'ɪz' : 'z');
}

export const WORD_RULES: Rule[] = [titleOrStreet, streetType, compassPoint, stateCode, anywhere, romanNumeral, dottedInitialism, initialism, lowercaseInitialism];
