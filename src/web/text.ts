// Small text helpers both halves of the web reader use (extract.ts in the page worker,
// article.ts on the main thread); kept apart so neither half loads the other's libraries.

/** Runs of white space as one space, ends trimmed; null and undefined as "". */
export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The same words, whatever the case, punctuation and spacing. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}
