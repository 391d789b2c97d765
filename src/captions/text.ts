// Caption lengths are counted in what a reader sees: grapheme clusters, so an
// emoji or a letter with combining marks counts once, not per UTF-16 unit.
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (g) => g.segment);
}

// Printable ASCII is one grapheme per character; the segmenter, which allocates
// per cluster, is needed only for the rest.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function visibleLength(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count++;
  return count;
}

// Control characters cannot be shown and a line break would end a cue early.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function displayableWord(written: string): string {
  return written.replace(CONTROL_CHARACTERS, '');
}

// A hard wrap is the last resort for a "word" longer than a caption line (a URL,
// a long chemical name); it prefers to cut after a natural joint near the limit.
const WRAP_JOINTS = new Set(['-', '/', '.', '_', '?', '&', '=', '#', ',', '\u2010', '\u2013', '\u2014']);

export function hardWrap(word: string, maxLength: number): string[] {
  const letters = graphemes(word);
  const pieces: string[] = [];
  let from = 0;
  while (letters.length - from > maxLength) {
    let cut = from + maxLength;
    for (let i = cut; i > from + maxLength / 2; i--) {
      if (WRAP_JOINTS.has(letters[i - 1]!)) {
        cut = i;
        break;
      }
    }
    pieces.push(letters.slice(from, cut).join(''));
    from = cut;
  }
  pieces.push(letters.slice(from).join(''));
  return pieces;
}
