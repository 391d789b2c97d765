// Builds dist/ with esbuild: the CLI, the benchmark and the eSpeak NG worker, bundled
// so that start-up loads a few files instead of hundreds (about 0.15 s less per run).
// Type checking is separate: `npm run typecheck` (part of `npm test`).
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts', 'src/bench.ts', 'src/providers/local/espeak-worker.ts'],
  // Flat names: espeak-pool finds the worker beside the chunk that contains it.
  entryNames: '[name]',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Kept as packages: eSpeak NG loads its data file from its own folder, fluent-ffmpeg
  // and the AWS SDK (loaded only for Polly) resolve files at run time.
  external: ['@echogarden/espeak-ng-emscripten', '@aws-sdk/*', '@smithy/*', 'fluent-ffmpeg'],
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: { js: "import { createRequire as __narrateCreateRequire } from 'node:module'; const require = __narrateCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
