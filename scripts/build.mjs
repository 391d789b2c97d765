// Builds dist/ with esbuild: the CLI, the benchmarks, the eSpeak NG and page workers, bundled
// so that start-up loads a few files instead of hundreds (about 0.15 s less per run).
// Type checking is separate: `npm run typecheck` (part of `npm test`).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { bundledFilesFindingOwnPath } from './bundle-check.mjs';
import { lazyListenerMaps, noStyleSheets, upperCaseOnce } from './linkedom-plugins.mjs';

// Kept as packages, installed beside dist/ by npm: each of these finds files of its own
// at run time (eSpeak NG its data file, koffi its native binary from its platform
// package, word-list its words.txt, fluent-ffmpeg and the AWS SDK their modules), which a
// bundle would not carry.
const EXTERNAL = ['@echogarden/espeak-ng-emscripten', 'koffi', '@aws-sdk/*', '@smithy/*', 'fluent-ffmpeg', 'word-list'];

// Bundled files that mention one of those harmlessly, each checked by hand; why is said.
const REVIEWED = new Map([
  // Names __dirname and __filename only in documentation comments.
  ['node_modules/commander/', 'comments only'],
]);

// The build's id (src/build-id.ts) is a hash of the bundled code itself: it is defined as
// a placeholder of the same length, the output hashed, and the placeholder replaced by the
// hash. The prepared-text cache keys on it, so any change to the code misses that cache.
const BUILD_ID_PLACEHOLDER = 'narrate-build-id-placeholder-000';

await rm('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: ['src/cli.ts', 'src/bench.ts', 'src/bench-normalization.ts', 'src/providers/local/espeak-worker.ts', 'src/web/page-worker.ts'],
  // Flat names: espeak-host finds the worker beside the chunk that contains it.
  entryNames: '[name]',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  external: EXTERNAL,
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: { js: "import { createRequire as __narrateCreateRequire } from 'node:module'; const require = __narrateCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [noStyleSheets, lazyListenerMaps, upperCaseOnce],
  define: { __NARRATE_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER) },
  write: false,
});

const offenders = await bundledFilesFindingOwnPath(result.metafile, REVIEWED.keys());
if (offenders.length > 0) {
  console.error(`build: these bundled files find files through their own path, which dist/ does not ship:\n  ${offenders.join('\n  ')}\nAdd their package to EXTERNAL in scripts/build.mjs (or review it into REVIEWED).`);
  process.exit(1);
}
const code = result.outputFiles.filter((f) => f.path.endsWith('.js')).sort((a, b) => (a.path < b.path ? -1 : 1));
const buildHash = createHash('sha256');
for (const file of code) buildHash.update(file.path.slice(file.path.lastIndexOf('/dist/'))).update(file.contents);
const buildId = buildHash.digest('hex').slice(0, BUILD_ID_PLACEHOLDER.length);
for (const file of result.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  // Same length, so the source maps stay true.
  const text = file.path.endsWith('.js') ? file.text.replaceAll(BUILD_ID_PLACEHOLDER, buildId) : undefined;
  await writeFile(file.path, text ?? file.contents);
}
await chmod('dist/cli.js', 0o755);
