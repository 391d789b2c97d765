// Phrases that web pages put around articles: navigation, sharing, ads, consent. These
// are generic interface words found across sites, not the strings of any one page.

const UI_PHRASES: RegExp[] = [
  /^related( articles?| stories| posts| content| coverage| reading| links| topics)?$/,
  /^more( stories| news| articles| coverage| like this| to read| from [\w\s'&.-]{1,40}| on (this|the) (story|topic))?$/,
  /^(read|see|show|view|load|keep) (more|next|all|less)( stories| articles| news| comments| results)?$/,
  /^continue reading$/,
  /^(share|share this|share this (article|story|post|page))( on [\w\s]{1,20}| via [\w\s]{1,20})?$/,
  /^(tweet|email|e-mail|print|copy link|copy the link|link copied|save|save article|bookmark)$/,
  /^subscribe( now| today| for [\w\s$.]{1,40}| to [\w\s'.]{1,40})?$/,
  /^(sign up|sign in|log in|register)( now| today| for [\w\s'.]{1,40})?$/,
  /^(get )?(our|the) [\w\s]{0,20}newsletters?$/,
  /^newsletters?$/,
  /^(advertisement|advertising|sponsored( content)?|ad|paid content|promoted( content)?|partner content)$/,
  /^(recommended|recommended for you|recommended (stories|reading)|editor'?s picks|don'?t miss|also read|up next|watch next)$/,
  /^you (may|might) also (like|enjoy)$/,
  /^(trending|trending now|popular|most (read|popular|viewed|shared|emailed)|top stories|latest( news| stories)?)$/,
  /^follow us( on [\w\s,]{1,40})?$/,
  /^(\d+ )?comments?( \(\d+\))?$/,
  /^(leave|post|add|view|show) (a |the )?comments?$/,
  /^(back to top|skip to (main )?content|jump to (comments|navigation))$/,
  /^(previous|next) (article|story|post)$/,
  /^(end of (list|article|story|page)|you'?ve reached the end|that'?s all for now|no more (stories|articles|results))$/,
  /^listen to (this )?(article|story)( \d+ min(utes)?)?$/,
  /^\d+ min(ute)?s? (read|listen)$/,
  /^(accept|accept all|accept cookies|reject all|decline|manage (preferences|cookies|settings|consent)|cookie (settings|policy|preferences)|privacy (policy|settings))$/,
  /^(terms of (use|service)|all rights reserved|contact us|about us|site map|sitemap)$/,
  /^(by|written by) (a |an |our )?(staff|special)? ?(writer|reporter|correspondent|editor)s?$/,
  /^(©|copyright|\(c\)) .{0,80}$/,
  /^(tags?|topics?|filed under|categories|category)\s*:.{0,120}$/,
  /^(photo|image|video|graphic|illustration)( credit)?s?\s*:.{0,120}$/,
];

const BYLINE = /^(by|written by|words by|reporting by) [\w .'&-]{1,60}$/;
const DATELINE = /^(published|updated|posted)?\s*[\w ,:.]{0,40}\d{4}[\w ,:.]{0,20}$/;

/** Buttons that often sit on one line together: "Share Tweet Email". */
const SOCIAL_WORDS = new Set(['share', 'tweet', 'email', 'e-mail', 'print', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'reddit', 'pinterest', 'threads', 'bluesky', 'mastodon', 'copy', 'link', 'save']);

/** Labels that introduce a teaser: "Related: Council votes on budget". */
export const TEASER_LABEL = /^(related|read more|read also|also read|see also|more|recommended|watch|listen|read next|up next|don'?t miss|explore more)\s*[:|–—-]\s+\S/i;

/** The text a reader sees on a line: list, quote and heading markers and link targets removed. */
export function visibleText(line: string): string {
  return line
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/^\s*(#{1,6}|>|[-*+•·]|\d+[.)])\s+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/^[\s›»→>|·•*_]+|[\s:›»→>|·•.!*_…]+$/g, '').replace(/\s+/g, ' ');
}

export function isUiPhrase(line: string): boolean {
  const text = normalized(visibleText(line));
  if (text === '' || text.length > 80) return false;
  const parts = text.split(/\s*[|·•]\s*/).filter(Boolean);
  const isUi = (part: string) => UI_PHRASES.some((pattern) => pattern.test(part));
  if (parts.length > 0 && parts.every(isUi)) return true;
  // "By Jo Park | 4 min read": a byline counts when it shares the line with page furniture.
  if (parts.length > 1 && parts.some(isUi) && parts.every((part) => isUi(part) || BYLINE.test(part) || DATELINE.test(part))) return true;
  const words = text.split(/[\s,]+/);
  return words.length > 1 && words.every((w) => SOCIAL_WORDS.has(w));
}

export function isCookieNotice(line: string): boolean {
  const text = visibleText(line).toLowerCase();
  return text.length < 500 && /\bcookies?\b/.test(text) && /\b(accept|consent|we use|privacy|preferences|manage|agree)\b/.test(text);
}
