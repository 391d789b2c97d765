// The author's biography under a story ("Dana Whit is a staff writer…", "Dana joined the
// paper in 2019…") shares the story's topic words, so topic coherence keeps it. It is
// told by its subject: a paragraph in the latter part of the story that opens with a
// name the page has just printed on a line of its own ("About Dana Whit", "Dana Whit"),
// or the name of the byline. Everything from it on (comment forms, the author's other
// articles) is after the story.
import type { LineFeatures } from './features.js';
import { isProse } from './story-run.js';

/** A biography is a short paragraph or two, not a profile that runs on. */
const MAX_BIO_CHARS = 600;
/** How many non-blank lines above a paragraph may hold the name line. */
const NAME_LINE_REACH = 3;
/** Only the latter part of the story: a profile may open with its subject's name. */
const BIO_FROM_SHARE = 0.5;

const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
const BYLINE_NAME = /^(?:[Bb][Yy]|[Pp]osted [Bb]y|[Ww]ritten [Bb]y)\s+(\p{Lu}[\p{L}'’.-]*)/u;

/** The first line of the author's biography inside the part, if any. */
export function authorBioLine(features: LineFeatures[], part: { start: number; end: number }): number | undefined {
  const lines = features.slice(part.start, part.end + 1).filter((f) => !f.blank);
  const total = lines.reduce((n, f) => n + (isProse(f) ? f.length : 0), 0);
  const bylineNames = new Set(features.filter((f) => f.furniture === 'byline').map((f) => BYLINE_NAME.exec(f.text)?.[1]).filter((n): n is string => n !== undefined));
  let seen = 0;
  for (let k = 0; k < lines.length; k++) {
    const f = lines[k]!;
    if (!isProse(f)) continue;
    seen += f.length;
    if (seen - f.length < total * BIO_FROM_SHARE || f.length > MAX_BIO_CHARS) continue;
    const name = leadingName(f.text);
    // A capitalised function word ("The wind broke…", "She went…") opens ordinary sentences, not a biography.
    if (!name || !f.contentWords.includes(name.toLowerCase())) continue;
    const above = lines.slice(Math.max(0, k - NAME_LINE_REACH), k).filter((g) => !isProse(g));
    if (bylineNames.has(name) || above.some((g) => isNameLine(g, name))) return f.index;
  }
  return undefined;
}

/** A name and what the person does: "Dana Whit is…", "Dana joined…", "Dana Whit (dana@example.org) is…". */
const NAMED_SUBJECT = /^(\p{Lu}[\p{L}'’.-]+)(?: \p{Lu}[\p{L}'’.-]*){0,2}(?: \([^)]{1,60}\))? \p{Ll}/u;

/** The first word of the name a paragraph opens with. */
function leadingName(text: string): string | undefined {
  return NAMED_SUBJECT.exec(text)?.[1];
}

/** A short line of capitalised words only that holds the name: "Dana Whit", "About Dana Whit". */
function isNameLine(f: LineFeatures, name: string): boolean {
  const words = f.text.split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.length <= 4 && words.includes(name) && words.every((w) => NAME_WORD.test(w));
}
