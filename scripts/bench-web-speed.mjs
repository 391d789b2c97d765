// How much narrating a saved page costs over narrating the same article pasted: both
// through the built CLI (--dry-run: read, clean, parse and segment; the speech that
// follows costs the same for the same words), on the first N corpus pages that have a
// pasted tail. The two are run in turn, five times each, and the best of each is kept, so
// that a burst of load on a shared machine hits both alike. Prints the mean and the worst.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const corpus = process.argv[2] ?? '../shared/corpora/web-articles';
const pages = Number(process.argv[3] ?? 12);
const pasted = JSON.parse(readFileSync(join(corpus, 'pasted.json'), 'utf8'));
const keys = Object.keys(pasted).sort().filter((k) => pasted[k].tail).slice(0, pages);
const work = mkdtempSync(join(tmpdir(), 'bench-web-speed-'));

const RUNS = 5;

function once(file) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  execFileSync('node', ['dist/cli.js', file, '--provider', 'mock', '--dry-run', '--out', out]);
  return performance.now() - t;
}

/** Best times of the page and of its paste, run in turn. */
function bestPair(html, txt) {
  let page = Infinity;
  let paste = Infinity;
  for (let i = 0; i < RUNS; i++) {
    page = Math.min(page, once(html));
    paste = Math.min(paste, once(txt));
  }
  return page - paste;
}

let sum = 0;
let worst = 0;
for (const key of keys) {
  const html = join(work, `${key.slice(0, 12)}.html`);
  const txt = join(work, `${key.slice(0, 12)}.txt`);
  writeFileSync(html, gunzipSync(readFileSync(join(corpus, 'html', `${key}.html.gz`))));
  writeFileSync(txt, pasted[key].tail);
  const extra = bestPair(html, txt);
  sum += extra;
  worst = Math.max(worst, extra);
  console.log(`${key.slice(0, 12)}  html − pasted: ${(extra / 1000).toFixed(3)} s`);
}
console.log(`web speed: a saved page costs ${(sum / keys.length / 1000).toFixed(3)} s more than the pasted text on average (worst ${(worst / 1000).toFixed(3)} s), ${keys.length} pages, best of ${RUNS}`);
rmSync(work, { recursive: true, force: true });
