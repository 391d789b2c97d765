// The build's patch to linkedom (scripts/linkedom-plugins.mjs): nodes no longer get an
// event-listener map when made, yet listeners still work, and a linkedom whose code has
// changed stops the build instead of shipping an unpatched or broken DOM.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lazyListenerMaps, noStyleSheets, upperCaseOnce } from '../../scripts/linkedom-plugins.mjs';
import { tempDir } from '../support/book.js';

const BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/** Bundles `source` (resolving packages from the project) with narrate's linkedom plugins. */
async function bundled(source: string): Promise<{ code: string; file: string }> {
  const file = join(await tempDir('narrate-linkedom-'), 'out.mjs');
  await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' },
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    banner: { js: BANNER },
    plugins: [noStyleSheets, lazyListenerMaps, upperCaseOnce],
    logLevel: 'silent',
  });
  return { code: await readFile(file, 'utf8'), file };
}

describe("narrate's build of linkedom", () => {
  it('makes no listener map for a new node, and listeners still hear, bubble, stop and go', async () => {
    const { code, file } = await bundled(`
      import { DOMParser } from 'linkedom';
      export function events() {
        const doc = new DOMParser().parseFromString('<html><body><div id="a"><p id="b">x</p></div></body></html>', 'text/html');
        const heard = [];
        const outer = doc.getElementById('a');
        const inner = doc.getElementById('b');
        const onOuter = (e) => heard.push('outer:' + e.type);
        outer.addEventListener('ping', onOuter);
        inner.addEventListener('ping', () => heard.push('inner:ping'), { once: true });
        inner.removeEventListener('pong', onOuter); // never added: must not throw
        inner.dispatchEvent(new doc.defaultView.Event('ping', { bubbles: true }));
        inner.dispatchEvent(new doc.defaultView.Event('ping', { bubbles: true }));
        outer.removeEventListener('ping', onOuter);
        inner.dispatchEvent(new doc.defaultView.Event('ping', { bubbles: true }));
        return heard;
      }`);
    expect(code).not.toMatch(/constructor\(\)\s*\{\s*wm\.set\(this/);
    expect(code).toMatch(/if \(!map\) wm\.set\(this/);
    const { events } = (await import(pathToFileURL(file).href)) as { events: () => string[] };
    expect(events()).toEqual(['inner:ping', 'outer:ping', 'outer:ping']);
  });

  it('names tags in upper case in HTML and as written in XML, and finds elements by tag name', async () => {
    const { code, file } = await bundled(`
      import { DOMParser } from 'linkedom';
      export function names() {
        const html = new DOMParser().parseFromString('<html><body><div><p>a</p><custom-tag><p>b</p></custom-tag></div><P>c</P></body></html>', 'text/html');
        const xml = new DOMParser().parseFromString('<book><chapter><p>a</p></chapter><Chapter/></book>', 'text/xml');
        return {
          html: [...html.querySelectorAll('*')].map((e) => e.tagName).join(' '),
          again: [...html.querySelectorAll('*')].map((e) => e.nodeName).join(' '),
          ps: html.getElementsByTagName('p').length + ' ' + html.body.firstChild.getElementsByTagName('P').length,
          xml: [...xml.querySelectorAll('*')].map((e) => e.tagName).join(' '),
          chapters: xml.getElementsByTagName('chapter').length + ' ' + xml.getElementsByTagName('Chapter').length,
        };
      }`);
    expect(code).toMatch(/upperCase\.set\(localName/);
    const { names } = (await import(pathToFileURL(file).href)) as { names: () => Record<string, string> };
    expect(names()).toEqual({
      html: 'HTML BODY DIV P CUSTOM-TAG P P',
      again: 'HTML BODY DIV P CUSTOM-TAG P P',
      ps: '3 2',
      xml: 'book chapter p Chapter',
      chapters: '1 1',
    });
  });

  it('stops the build when linkedom no longer has the code the patch replaces', async () => {
    const dir = await tempDir('narrate-linkedom-changed-');
    const target = join(dir, 'node_modules', 'linkedom', 'esm', 'interface');
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'event-target.js'), 'export class DOMEventTarget { constructor() { this.listeners = new Map(); } }\n');
    await writeFile(join(dir, 'entry.js'), "import { DOMEventTarget } from './node_modules/linkedom/esm/interface/event-target.js';\nconsole.log(new DOMEventTarget());\n");
    await expect(
      build({ entryPoints: ['entry.js'], absWorkingDir: dir, bundle: true, write: false, platform: 'node', format: 'esm', plugins: [lazyListenerMaps], logLevel: 'silent' }),
    ).rejects.toThrow(/event-target\.js has changed/);
  });
});
