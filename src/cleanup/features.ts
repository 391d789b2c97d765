// What each line of pasted text looks like, measured rather than matched: its length,
// whether it ends like a sentence, how dense it is in the language's function words,
// its shape (for lines a template repeats: "jo says:", dates, counts) and whether the
// same line occurs elsewhere. Phrases are one signal among these (see phrases.ts).
import { isCookieNotice, isUiPhrase, TEASER_LABEL, visibleText } from './phrases.js';
import { chooseStopWords, wordsOf, type StopWords } from './stopwords.js';

export interface LineFeatures {
  /** 0-based index in the text. */
  index: number;
  text: string;
  blank: boolean;
  /** Length for reading purposes: a CJK character counts as three Latin ones. */
  length: number;
  words: number;
  /** Ends as a sentence does (. ! ? and the CJK full stops, possibly inside quotes). */
  sentenceEnd: boolean;
  /** Sentence ends inside the line: several sentences make prose. */
  sentences: number;
  /** Share of words that are stop words; undefined when no stop-word list fits the text. */
  stopDensity?: number;
  /** Words that carry the topic: not stop words, at least three letters. */
  contentWords: string[];
  /** Ends cut off: "…", "...", "[…]". */
  truncated: boolean;
  /** How many times this exact line (normalized) occurs in the text. */
  repeats: number;
  /** The same line again within two lines: a teaser headline shown twice (link and image). */
  adjacentDuplicate: boolean;
  shape: string;
  /** How many short lines share this line's shape (a template such as "name says:"). */
  shapeRepeats: number;
  /** Ends with ":" after a clause ("The tour dates:"): it introduces a list of the story's own. */
  leadIn: boolean;
  /** One of the similar lines that follow a lead-in. */
  listItem: boolean;
  /** A header with a full date and a clock time ("Jo on May 3, 2021 at 4:47 pm said:"): a reply's or a post's. */
  datedHeader: boolean;
  /** A certain sign of page furniture, with its name, or undefined. */
  furniture?: string;
}

// A sentence may also end with an emoji, as informal writing does ("…a great night 🙂").
const SENTENCE_END = /([.!?。！？]["”’»)\]]*|\s\p{Extended_Pictographic}[\p{Extended_Pictographic}\u200d\ufe0f]*)$/u;
const INNER_SENTENCE_END = /[.!?。！？]["”’»)]*\s+["“‘«(]?\p{Lu}/gu;
const TRUNCATED = /(…|\.\.\.|\[…\]|\[\.\.\.\])["”’]?$/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;

/** Lines that are only a date, time, count or credit: furniture by shape. */
const NUMBER_LINE = /^[\d\s.,:/()+#%-]+$/;
const CREDIT = /^(photo(graph(er)?)?|image|picture|video|graphic|illustration|source|credit|getty|ap photo|reuters|afp|shutterstock)\b.{0,100}$|(credit|photo(graph(er)?)?|image)s?\s*:\s*[^.]{0,80}$|\((photo(graph)?|image|credit)[^)]{0,80}\)$|\b(photo(graph)?|image|picture)s? by \p{Lu}[^.]{0,80}$/iu;
const TRAILING_CREDIT = /[.!?)”"’]\s+(Credits?|Photo(graph)?s?|Images?|Pictures?|Illustration)\s*:\s*[^.:]{1,80}$/u;
/** "…in New York.Reuters", "Amy Dragoo/AIMMEDIA": a credit glued to a caption, never a headline. */
export const GLUED_CREDIT = /(\p{Ll}[.)]\p{Lu}[\p{L}/ ]{1,40}|\p{Ll}\/\p{Lu}[\p{L}/ ]{1,40})$/u;
/** "By Dana Whit", "by Dana Whit | May 3", "Posted by Dana Whit on May 3, 2025", "By Dana Whit dana@example.org": the keyword in any case, the name capitalised (or in a script without capitals). */
const BYLINE = /^(?:[Bb][Yy]|[Pp]osted [Bb]y|[Ww]ritten [Bb]y|[Ww]ords [Bb]y|[Rr]eporting [Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s+[\p{Lu}\p{Lo}][\p{L}.'’ -]{1,60}(\s*(,|\||on|at|-|–|／|\/)\s*.{0,60}|\s+\S+@\S+.{0,40})?$/u;
const URL_LINE = /^(<)?(https?:\/\/|www\.)\S+$/;

export function normalizedLine(text: string): string {
  return visibleText(text).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** "November 19, 2019 at 6:34 am" and "March 3, 2021 at 9:05 pm" share a shape. */
export function shapeOf(text: string): string {
  return visibleText(text)
    .split(/\s+/)
    .map((w) => {
      const core = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      const tail = /[^\p{L}\p{N}]+$/u.exec(w)?.[0] ?? '';
      if (core === '') return w;
      if (/^\d/.test(core)) return '0' + tail;
      if (MONTH.test(core)) return 'M' + tail;
      if (WEEKDAY.test(core)) return 'W' + tail;
      return (/^\p{Lu}/u.test(core) ? 'A' : 'a') + tail;
    })
    .join(' ');
}

export function lineLength(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + 2 * cjk;
}

export function measureLines(raw: string[]): LineFeatures[] {
  const visible = raw.map(visibleText);
  const stop = chooseStopWords(visible.flatMap(wordsOf));
  const counts = new Map<string, number>();
  const shapes = new Map<string, number>();
  visible.forEach((text) => {
    if (text === '') return;
    const key = normalizedLine(text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (text.length <= 80) shapes.set(shapeOf(text), (shapes.get(shapeOf(text)) ?? 0) + 1);
  });
  const features = visible.map((text, index) => measure(text, index, raw[index]!, stop, counts, shapes));
  const nonBlank = features.filter((f) => !f.blank);
  nonBlank.forEach((f, i) => {
    const key = normalizedLine(f.text);
    f.adjacentDuplicate = [nonBlank[i - 2], nonBlank[i - 1], nonBlank[i + 1], nonBlank[i + 2]].some((n) => n !== undefined && normalizedLine(n.text) === key);
  });
  markLists(nonBlank);
  return features;
}

/**
 * The lines after a lead-in that share its first line's shape ("June 9 -- Arena, City")
 * are the story's own list. A menu or a teaser list has no lead-in above it.
 */
function markLists(lines: LineFeatures[]): void {
  // An abbreviation's full stop aside: "June 9 --" and "Aug. 2 --" are items of one list.
  const head = (f: LineFeatures) => shapeOf(f.text).split(' ').slice(0, 2).map((w) => w.replace(/\.$/, '')).join(' ');
  lines.forEach((f, i) => {
    if (!f.leadIn || f.furniture) return;
    const first = lines[i + 1];
    if (!first || first.furniture || first.leadIn) return;
    const shape = head(first);
    for (let j = i + 1; j < lines.length; j++) {
      const item = lines[j]!;
      if (item.furniture || item.words < 2 || (j > i + 1 && head(item) !== shape && !isProseLike(item))) break;
      item.listItem = true;
    }
  });
}

function isProseLike(f: LineFeatures): boolean {
  return f.sentenceEnd && f.words >= 4;
}

function measure(text: string, index: number, rawLine: string, stop: StopWords, counts: Map<string, number>, shapes: Map<string, number>): LineFeatures {
  if (text === '') {
    return { index, text, blank: true, length: 0, words: 0, contentWords: [], sentenceEnd: false, sentences: 0, truncated: false, repeats: 0, adjacentDuplicate: false, shape: '', shapeRepeats: 0, leadIn: false, listItem: false, datedHeader: false };
  }
  const words = wordsOf(text);
  const stopCount = words.filter((w) => stop.has(w)).length;
  const length = lineLength(text);
  return {
    index,
    text,
    blank: false,
    length,
    words: words.length,
    contentWords: words.filter((w) => w.length >= 3 && !stop.has(w)),
    sentenceEnd: SENTENCE_END.test(text),
    sentences: (text.match(INNER_SENTENCE_END)?.length ?? 0) + (SENTENCE_END.test(text) ? 1 : 0),
    stopDensity: stop.coverage >= 0.1 && words.length > 0 ? stopCount / words.length : undefined,
    truncated: TRUNCATED.test(text),
    repeats: counts.get(normalizedLine(text)) ?? 1,
    adjacentDuplicate: false,
    // "The tour dates:", "Think about it:": a clause that opens a list of its own.
    leadIn: /[:：]$/.test(text) && words.length >= 3 && stopCount > 0,
    listItem: false,
    datedHeader: length <= 120 && isDatedHeader(text),
    shape: shapeOf(text),
    shapeRepeats: text.length <= 80 ? (shapes.get(shapeOf(text)) ?? 1) : 1,
    furniture: furnitureSign(text, rawLine, length),
  };
}

/** A line that is a date or time with at most a few other words: "Updated: 18 Nov 2019, 19:11". */
function isDateLine(text: string): boolean {
  const tokens = text.split(/[\s,|/·•]+/).filter(Boolean);
  let dateish = 0;
  let other = 0;
  for (const t of tokens) {
    const core = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (MONTH.test(core) || WEEKDAY.test(core) || /^\d{1,2}(st|nd|rd|th)?$/.test(core) || /^\d{4}$/.test(core) || /^\d{1,2}[:.h]\d{2}/.test(core) || /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/.test(core) || /^(am|pm|a\.m|p\.m|utc|gmt|[a-z]?[ecmp][sd]t|bst|cet)$/i.test(core)) dateish++;
    else other++;
  }
  const hasDate = /\d{1,2}:\d{2}|\d{4}/.test(text) && tokens.some((t) => MONTH.test(t.replace(/[^\p{L}]/gu, '')) || /\d{1,2}:\d{2}|\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/.test(t));
  return hasDate && dateish >= 2 && other <= 4 && other < dateish + 2;
}

/**
 * A reply's or a post's header: a name with a full date and a clock time, not a sentence
 * ("Jo Park on May 3, 2021 at 4:47 pm said:"). The story's own text gives a date or a time,
 * seldom both on a line of its own.
 */
export function isDatedHeader(text: string): boolean {
  return !SENTENCE_END.test(text) && FULL_DATE.test(text) && CLOCK_TIME.test(text);
}
const FULL_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}\b|\b\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/i;
// "4:47 pm", "16:47", "4.47 pm"; not a part of a date such as "2018.04.05".
const CLOCK_TIME = /(?<![\d./-])\d{1,2}(:\d{2}|\.\d{2}\s*(am|pm|a\.m\.|p\.m\.))(?![\d./-])/i;

/** Certain signs, each recognised by form: UI phrases, URLs, dates, counts, credits, bylines. */
function furnitureSign(text: string, rawLine: string, length: number): string | undefined {
  if (isUiPhrase(rawLine)) return 'ui-phrase';
  if (isCookieNotice(rawLine)) return 'cookie-notice';
  if (URL_LINE.test(text)) return 'bare-url';
  if (TEASER_LABEL.test(text) && !SENTENCE_END.test(text) && length <= 150) return 'teaser-label';
  if (length <= 300 && CREDIT.test(text)) return 'image-credit';
  // A long caption still ends with its credit: "…the crew's quarters. Credit: ESA".
  if (length <= 1500 && TRAILING_CREDIT.test(text)) return 'image-credit';
  // "3of12 A shopper looks at…": a gallery's caption with its counter.
  if (length <= 400 && /^\d{1,3}\s*(of|\/)\s*\d{1,3}(?=\s|\p{Lu})/u.test(text)) return 'gallery-caption';
  if (length > 120) return undefined;
  if (NUMBER_LINE.test(text)) return 'number';
  if (isDateLine(text)) return 'date';
  // Not a sentence: "By Monday the council had voted." is story.
  if (BYLINE.test(text) && !SENTENCE_END.test(text)) return 'byline';
  if (isDatedHeader(text)) return 'dated-header';
  return undefined;
}
