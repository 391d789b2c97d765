// The build refuses to bundle a package that finds files through its own path (the
// crash word-list caused: ENOENT …/dist/words.txt in the installed CLI).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundledFilesFindingOwnPath } from '../../scripts/bundle-check.mjs';
import { tempDir } from '../support/book.js';

async function project(): Promise<string> {
  const dir = await tempDir('narrate-bundle-');
  const pkg = async (name: string, source: string) => {
    await mkdir(join(dir, 'node_modules', name), { recursive: true });
    await writeFile(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
    await writeFile(join(dir, 'node_modules', name, 'index.js'), source);
  };
  await pkg('reads-own-file', "const fs = require('fs');\nconst path = require('path');\nmodule.exports = () => fs.readFileSync(path.join(__dirname, 'words.txt'), 'utf8');\n");
  await pkg('esm-reads-own-file', "import { readFileSync } from 'node:fs';\nexport default () => readFileSync(new URL('./words.txt', import.meta.url), 'utf8');\n");
  await pkg('plain', 'module.exports = (a, b) => a + b;\n');
  await writeFile(join(dir, 'entry.js'), "import words from 'reads-own-file';\nimport esmWords from 'esm-reads-own-file';\nimport add from 'plain';\nconsole.log(add(1, 2), words, esmWords);\n");
  return dir;
}

async function bundle(dir: string, external: string[] = []) {
  const result = await build({ entryPoints: ['entry.js'], absWorkingDir: dir, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outfile: 'out.js', external, logLevel: 'silent' });
  return result.metafile;
}

describe('the build check for bundled packages that find their own files', () => {
  it('names each bundled package that finds files through __dirname or import.meta.url', async () => {
    const dir = await project();
    expect((await bundledFilesFindingOwnPath(await bundle(dir), [], dir)).sort()).toEqual(['node_modules/esm-reads-own-file/index.js', 'node_modules/reads-own-file/index.js']);
  });

  it('passes once they stay external, or are reviewed', async () => {
    const dir = await project();
    expect(await bundledFilesFindingOwnPath(await bundle(dir, ['reads-own-file', 'esm-reads-own-file']), [], dir)).toEqual([]);
    expect(await bundledFilesFindingOwnPath(await bundle(dir), ['node_modules/reads-own-file/', 'node_modules/esm-reads-own-file/'], dir)).toEqual([]);
  });
});
