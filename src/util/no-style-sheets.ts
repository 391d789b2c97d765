// Stands in for linkedom's CSS parser (cssomnom) in the bundle; scripts/build.mjs swaps it in.
// linkedom parses a <style> element's text only when its `sheet` is read, and narrate never
// reads style sheets (nor does Readability), but the parser is a third of the DOM chunk's
// code, compiled on every web page and EPUB run. Reading a sheet fails loudly rather than silently.
export function parse(): never {
  throw new Error('narrate does not read style sheets: the CSS parser is left out of the bundle (scripts/build.mjs)');
}
