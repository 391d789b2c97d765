// Addresses a listener may need to type or dial: e-mail, web addresses, telephone
// numbers, IP addresses. Said piece by piece ("a dot b at example dot com"; "five five
// five, zero one four two"), since a listener has to be able to write them down.
import { core, joined, letters, text, word, type Rule, type RuleContext } from './context.js';
import { cardinalWords, digitWords } from './number-words.js';
import type { SpeechNode } from '../types.js';

const SYMBOLS: Record<string, string> = {
  '.': 'dot', '@': 'at', '/': 'slash', ':': 'colon', '-': 'dash', _: 'underscore', '&': 'ampersand', '+': 'plus', '~': 'tilde',
  '?': 'question mark', '=': 'equals', '#': 'hash', '%': 'percent', '\\': 'backslash',
};
/** Parts of an address said letter by letter. Other words are said as written. */
const SPELLED = new Set(['www', 'http', 'https', 'ftp', 'html', 'htm', 'php', 'asp', 'pdf', 'xml', 'json', 'css', 'js', 'url', 'api', 'cdn', 'jpg', 'png', 'gif', 'svg', 'txt', 'csv']);
const TOP_LEVEL = 'com|org|net|edu|gov|mil|int|info|biz|io|ai|app|dev|co|uk|us|ca|au|de|fr|it|es|nl|be|ch|at|se|no|dk|fi|ie|pl|pt|jp|cn|in|br|ru|mx|nz|za|sm|tv|me|ly|eu|gg|xyz|online|site|tech|news|blog|shop';
const EMAIL = /^[A-Za-z0-9][\w.+&-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(\/\S*)?$/;
const URL_WITH_SCHEME = /^(https?|ftp|file):\/\/\S+$/i;
const WWW = /^www\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(\/\S*)?$/i;
const BARE_DOMAIN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9-]+)*\\.(${TOP_LEVEL})(/\\S*)?$`);

/** Each run of letters, digits and symbols of an address, said so it can be written down. */
export function addressNodes(ctx: RuleContext, written: string): SpeechNode[] {
  const nodes: SpeechNode[] = [];
  const hostEnd = written.search(/[/?#]/);
  for (const m of written.matchAll(/[A-Za-z]+|\d+|./g)) {
    const piece = m[0];
    if (/^\d+$/.test(piece)) nodes.push({ kind: 'text', text: digitWords(piece) });
    else if (/^[A-Za-z]+$/.test(piece)) {
      const inHost = hostEnd < 0 || m.index! < hostEnd;
      const isTopLevel = inHost && written[m.index! - 1] === '.' && !/[A-Za-z0-9.-]/.test(written.slice(m.index! + piece.length, m.index! + piece.length + 1) || ' ');
      const spell = SPELLED.has(piece.toLowerCase()) || (isTopLevel && piece.length <= 2) || (piece.length === 1 && /[A-Z]/.test(piece));
      nodes.push(spell ? letters(ctx, piece) : { kind: 'text', text: piece.toLowerCase() });
    } else if (SYMBOLS[piece]) nodes.push({ kind: 'text', text: SYMBOLS[piece] });
  }
  return joined(nodes);
}

const electronic: Rule = (ctx) => {
  const here = core(ctx);
  if (!/[@.:]/.test(here)) return undefined;
  if (!(EMAIL.test(here) || URL_WITH_SCHEME.test(here) || WWW.test(here) || BARE_DOMAIN.test(here))) return undefined;
  return { nodes: addressNodes(ctx, here) };
};

/** "@harbor" → at harbor; "#3" → number three; "#tides" → hashtag tides; a lone "&" → and. */
const handles: Rule = (ctx) => {
  const here = core(ctx);
  if (here === '&') return text('and');
  const at = /^@([A-Za-z]\w*)$/.exec(here);
  if (at) return text('at', at[1]!);
  const hash = /^#(\d+|[A-Za-z]\w*)$/.exec(here);
  if (!hash) return undefined;
  return /^\d/.test(hash[1]!) ? text('number', cardinalWords(hash[1]!)) : text('hashtag', hash[1]!);
};

/** A lone slash between words: "upgrade / update". */
const slash: Rule = (ctx) => (core(ctx) === '/' && core(ctx, -1) !== '' && core(ctx, 1) !== '' ? text('slash') : undefined);

/** Telephone digits: one by one, "zero" for 0. A toll-free "800" is said as eight hundred. */
function phoneGroup(group: string, isArea = false): string {
  if (isArea && /^[89]00$/.test(group)) return cardinalWords(group);
  return /^\d+$/.test(group) ? digitWords(group) : group.toUpperCase() === group && group.length > 1 ? group : group;
}

const NUMBER_PART = /^(\(?\d{3}\)?[-. ]?)?\d{3}[-.]\d{4}$/;

/**
 * "555-0142", "123-123-5678", "+1-123-123-5678", "(123) 123-5678", "123-123-5678-1" (an
 * extension), "1-800-GO-2-HAUL", "111-22-3333": groups said digit by digit, a pause between.
 */
export function telephoneWords(written: string): string | undefined {
  let rest = written;
  const said: string[] = [];
  const country = /^\+(\d{1,3})(?:-|(?=\())/.exec(rest) ?? /^(1)-(?=\d{3}-)/.exec(rest);
  if (country) {
    said.push(`${rest.startsWith('+') ? 'plus ' : ''}${digitWords(country[1]!)}`);
    rest = rest.slice(country[0].length);
  }
  const area = /^\((\d{3})\)-?/.exec(rest);
  if (area) {
    said.push(phoneGroup(area[1]!, true));
    rest = rest.slice(area[0].length);
  }
  const groups = rest.split(/[-.]/);
  if (groups.some((g) => g === '')) return undefined;
  const digits = groups.join('').replace(/[^0-9]/g, '').length;
  const lettersCount = groups.join('').replace(/[0-9]/g, '').length;
  if (/[^A-Za-z0-9]/.test(groups.join(''))) return undefined;
  if (lettersCount > 0) {
    // A vanity number: digits and capital words, at least seven characters after the area code.
    if (!country || !/^\d{3}$/.test(groups[0]!) || groups.slice(1).some((g) => /[a-z]/.test(g)) || digits + lettersCount < 10) return undefined;
    said.push(phoneGroup(groups[0]!, true), groups.slice(1).map((g) => phoneGroup(g)).join(' '));
    return said.join(', ');
  }
  const shape = groups.map((g) => g.length).join('-');
  const dotted = rest.includes('.');
  const known = area
    ? ['3-4', '3-4-1', '3-4-2', '3-4-3', '3-4-4']
    : dotted
      ? ['3-3-4', '3-4']
      : ['3-4', '3-3-4', '3-3-4-1', '3-3-4-2', '3-3-4-3', '3-3-4-4', '3-2-4'];
  if (!known.includes(shape)) return undefined;
  if (!country && !area && shape === '3-4' && !dotted && /^\d{3}-\d{4}$/.test(rest) && Number(groups[0]) < 200) return undefined;
  groups.forEach((g, i) => said.push(phoneGroup(g, i === 0 && !area && shape !== '3-4' && shape !== '3-2-4')));
  return said.join(', ');
}

/** Digit groups after "+44" or "(555)": "+44 20 7946 0958", "(555) 123-4567". */
function afterPhonePrefix(ctx: RuleContext): boolean {
  for (let i = -1; i >= -5; i--) {
    const w = word(ctx, i);
    if (!w || (w.trail !== '' && w.trail !== ')')) return false;
    if (/^\+\d{1,3}$/.test(w.core) || (/^(\+\d{1,3}\(|(?<=^))\d{3}$/.test(w.core) && (w.lead.endsWith('(') || w.core.includes('(')) && w.trail === ')')) return true;
    if (!/^\d{2,5}$/.test(w.core)) return false;
  }
  return false;
}

/** Cheap test first: a telephone number has a digit, then a separator, then more digits or letters. */
const MAYBE_PHONE = /\d[-.)]\s?[\dA-Z]|^\d{2,5}$/;

const telephone: Rule = (ctx) => {
  const w = word(ctx)!;
  if (!MAYBE_PHONE.test(w.core + w.trail)) return undefined;
  if (afterPhonePrefix(ctx) && /^\d{2,5}$|^\d{3,4}[-.]\d{4}$/.test(w.core)) {
    const groups = w.core.split(/[-.]/).map((g) => digitWords(g));
    const more = /^\d{2,5}$/.test(core(ctx, 1)) && w.trail === '';
    return text(groups.join(', ') + (more ? ',' : ''));
  }
  const written = (w.lead.endsWith('(') ? '(' : '') + w.core;
  const spoken = telephoneWords(written.startsWith('(') && !/^\(\d{3}\)/.test(written + w.trail) ? w.core : written);
  return spoken ? text(spoken) : undefined;
};

/** "+1" or "(555)" before the rest of a telephone number: said with a pause after. */
const phonePrefix: Rule = (ctx) => {
  const w = word(ctx)!;
  if (!/^[+(]/.test(w.core) && !w.lead.endsWith('(')) return undefined;
  const next = core(ctx, 1);
  const groupsFollow = /^\+\d{1,3}$/.test(w.core) && /^\d{1,5}$/.test(next) && /^\d{2,5}$/.test(core(ctx, 2));
  if (!groupsFollow && !NUMBER_PART.test(next) && !/^\(\d{3}\)$/.test(word(ctx, 1) ? word(ctx, 1)!.lead + next + word(ctx, 1)!.trail : '')) return undefined;
  const plus = /^\+(\d{1,3})$/.exec(w.core);
  if (plus) return text(`plus ${digitWords(plus[1]!)},`);
  const area = /^\((\d{3})\)$/.exec(w.lead + w.core + w.trail) ?? /^\+(\d{1,3})\((\d{3})\)$/.exec(w.core + w.trail);
  if (!area) return undefined;
  if (area.length === 3) return text(`plus ${digitWords(area[1]!)}, ${phoneGroup(area[2]!, true)},`);
  return text(`${phoneGroup(area[1]!, true)},`);
};

/** "192.168.0.40": said digit by digit with "dot". */
const ipAddress: Rule = (ctx) => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(core(ctx));
  if (!m || m.slice(1).some((part) => Number(part) > 255)) return undefined;
  return text(m.slice(1).map(digitWords).join(' dot '));
};

export const ELECTRONIC_RULES: Rule[] = [phonePrefix, telephone, ipAddress, electronic, handles, slash];
