// Clutter inside an otherwise good line: footnote markers such as [1], and bare URLs,
// which a voice would read out character by character; a URL is cut to its site name.

export interface InlineRemoval {
  line: number;
  text: string;
  rule: 'footnote-marker' | 'bare-url';
}

// Not a Markdown link "[1](…)" nor a Markdown footnote "[^1]".
const FOOTNOTE = /\[(\d{1,3}|[a-z]|citation needed|note \d{1,3})\](?!\()/gi;
// Not a link target "](http…)" nor an autolink "<http…>".
const BARE_URL = /(?<!\]\()(?<!<)\b(?:https?:\/\/|www\.)[^\s<>"”)\]]+/g;

function hostOf(url: string): string {
  return url.replace(/^(https?:\/\/)?(www\.)?/, '').split(/[/?#]/)[0]!;
}

export function removeInlineClutter(text: string, line: number): { text: string; removals: InlineRemoval[] } {
  const removals: InlineRemoval[] = [];
  let out = text.replace(FOOTNOTE, (marker) => {
    removals.push({ line, text: marker, rule: 'footnote-marker' });
    return '';
  });
  out = out.replace(BARE_URL, (url) => {
    // Sentence punctuation right after a URL belongs to the sentence.
    const kept = /[.,;:!?]+$/.exec(url)?.[0] ?? '';
    const bare = url.slice(0, url.length - kept.length);
    removals.push({ line, text: bare, rule: 'bare-url' });
    // Inside a sentence the site's name still reads well ("details are at example.org").
    return hostOf(bare) + kept;
  });
  if (removals.length === 0) return { text, removals };
  const tidied = out
    .replace(/\(\s*\)/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;:!?])/g, '$1')
    .replace(/\s+$/, '');
  return { text: tidied, removals };
}
