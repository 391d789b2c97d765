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
export const lazyListenerMaps = {
  name: 'lazy-listener-maps',
  setup(b) {
    b.onLoad({ filter: LINKEDOM_EVENT_TARGET }, async (args) => {
      let code = await readFile(args.path, 'utf8');
      for (const [from, to] of LAZY_LISTENER_MAPS) {
        if (!code.includes(from)) throw new Error(`linkedom's event-target.js has changed: review the lazy-listener-maps patch in scripts/linkedom-plugins.mjs (missing: ${JSON.stringify(from)})`);
        code = code.replace(from, to);
      }
      return { contents: code, loader: 'js' };
    });
  },
};
