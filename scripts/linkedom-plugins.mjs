// esbuild plugins that trim linkedom (the DOM of src/util/dom.ts) for narrate's build;
// used by scripts/build.mjs and checked in tests/build/linkedom-plugins.test.ts.
import { readFile } from 'node:fs/promises';

// linkedom's CSS parser, used only when a <style> element's `sheet` is read (never, in narrate),
// is a third of the DOM code; leaving it out saves its compile time on every page and book.
export const noStyleSheets = {
  name: 'no-style-sheets',
  setup(b) {
    b.onResolve({ filter: /^cssomnom\/parse$/ }, () => ({ path: new URL('../src/util/no-style-sheets.ts', import.meta.url).pathname }));
  },
};

// linkedom gives every node it makes (each element, attribute and text node, and each copy)
// a Map of event listeners in a WeakMap, in its EventTarget constructor. narrate never
// listens to DOM events, and those entries were a tenth of a page's DOM time and much of
// its garbage collection. The patch makes the map when a listener is first added; every
// reader of the map already allows for none. The build fails if linkedom's code changes.
const LINKEDOM_EVENT_TARGET = /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/;
export const LAZY_LISTENER_MAPS = [
  ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
  ['  addEventListener(type, listener, options) {\n    const map = wm.get(this);', '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));'],
  ['  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {', '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {'],
];
// linkedom's tagName (and the tag test of getElementsByTagName, for every node it walks)
// upper-cases the element's local name each time it is asked: a new string per call, and
// Readability asks for tag names of every node, on every attempt. The patch keeps each
// name's upper case once made; the names are the same strings as before.
const LINKEDOM_UTILS = /linkedom[\\/]esm[\\/]shared[\\/]utils\.js$/;
export const UPPER_CASE_ONCE = [
  [
    'export const localCase = ({localName, ownerDocument}) => {\n  return ownerDocument[MIME].ignoreCase ? localName.toUpperCase() : localName;\n};',
    'const upperCase = new Map;\nexport const localCase = ({localName, ownerDocument}) => {\n  if (!ownerDocument[MIME].ignoreCase) return localName;\n  let upper = upperCase.get(localName);\n  if (upper === undefined) upperCase.set(localName, (upper = localName.toUpperCase()));\n  return upper;\n};',
  ],
];

/** An esbuild plugin that applies text replacements to one file, failing the build when a replaced text is missing. */
function patchFile(name, filter, replacements) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        let code = await readFile(args.path, 'utf8');
        for (const [from, to] of replacements) {
          if (!code.includes(from)) throw new Error(`linkedom's ${args.path.split(/[\\/]/).slice(-2).join('/')} has changed: review the ${name} patch in scripts/linkedom-plugins.mjs (missing: ${JSON.stringify(from)})`);
          code = code.replace(from, to);
        }
        return { contents: code, loader: 'js' };
      });
    },
  };
}

export const upperCaseOnce = patchFile('upper-case-once', LINKEDOM_UTILS, UPPER_CASE_ONCE);

export const lazyListenerMaps = patchFile('lazy-listener-maps', LINKEDOM_EVENT_TARGET, LAZY_LISTENER_MAPS);
