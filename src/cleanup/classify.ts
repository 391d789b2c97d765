// What each line of pasted text looks like: story prose, or a kind of page furniture.
import { isCookieNotice, isUiPhrase, TEASER_LABEL, visibleText } from './phrases.js';

export type LineKind =
  | 'blank'
  | 'protected' // front matter: never dropped
  | 'ui-phrase'
  | 'teaser-label'
  | 'cookie-notice'
  | 'bare-url'
  | 'truncated-blurb'
  | 'no-sentence-punctuation'
  | 'prose';

/** Kinds that prove a block is page furniture, not the story's own ending. */
export const STRONG_SIGNALS = new Set<LineKind>(['ui-phrase', 'teaser-label', 'cookie-notice', 'bare-url']);

const SENTENCE_END = /[.!?:;"”’')\]]$/;
const TRUNCATED = /(…|\.\.\.)["”’]?$/;
// A headline or teaser title is a few words; a longer unpunctuated line is still prose.
const MAX_HEADLINE_WORDS = 20;
const MAX_BLURB_CHARS = 280;

export function classifyLine(line: string): LineKind {
  const text = visibleText(line);
  if (text === '') return 'blank';
  if (isUiPhrase(line)) return 'ui-phrase';
  if (isCookieNotice(line)) return 'cookie-notice';
  if (/^(<)?(https?:\/\/|www\.)\S+$/.test(text)) return 'bare-url';
  if (TEASER_LABEL.test(text) && !SENTENCE_END.test(text)) return 'teaser-label';
  if (TRUNCATED.test(text) && text.length <= MAX_BLURB_CHARS) return 'truncated-blurb';
  if (!SENTENCE_END.test(text) && !TRUNCATED.test(text) && text.split(' ').length <= MAX_HEADLINE_WORDS) return 'no-sentence-punctuation';
  return 'prose';
}

/** Line indexes (0-based) of a front-matter block at the very top, which cleanup leaves alone. */
export function frontMatterLines(lines: string[]): Set<number> {
  const kept = new Set<number>();
  if (lines[0]?.trim() !== '---') return kept;
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) return kept;
  for (let i = 0; i <= close; i++) kept.add(i);
  return kept;
}

export function isFurnitureLike(kind: LineKind): boolean {
  return kind !== 'prose' && kind !== 'protected' && kind !== 'blank';
}
