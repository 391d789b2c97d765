// How much narrating a saved page costs over narrating the same article pasted: both
// through the built CLI (--dry-run: read, clean, parse and segment; the speech that
// follows costs the same for the same words).
//
//   node scripts/bench-web-speed.mjs [CORPUS] [N | --all] [--runs R] [--only KEY-PREFIX,…] [--cli PATH]
//
// Pages: the first N corpus pages that have a pasted tail (default 12), or with --all every
// page, compared with its tail paste or, for the few pages without one, its whole-page paste.
// The two are run in turn, R times each (default 5), and the best of each is kept, so that
// a burst of load on a shared machine hits both alike. Both wall time and CPU time (the
// child's user + system time, from /proc/self/stat on Linux) are measured: on a loaded
// machine the CPU time is the steadier figure. Prints each page, the slowest five, the mean
// and the worst. --cli runs another build (default dist/cli.js), e.g. a copy kept to compare.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const all = args.includes('--all') && args.splice(args.indexOf('--all'), 1).length > 0;
const RUNS = Number(option('--runs') ?? 5);
const only = option('--only')?.split(',');
const cli = option('--cli') ?? 'dist/cli.js';
// The corpus sits beside the project (../shared) or beside its worktrees (../../shared).
const corpus = args[0] ?? ['../shared', '../../shared'].map((d) => join(d, 'corpora/web-articles')).find((d) => existsSync(d)) ?? '../shared/corpora/web-articles';
const pages = all ? Infinity : Number(args[1] ?? 12);

const pasted = JSON.parse(readFileSync(join(corpus, 'pasted.json'), 'utf8'));
const pasteOf = (key) => (all ? pasted[key].tail || pasted[key].full : pasted[key].tail);
const keys = Object.keys(pasted)
  .sort()
  .filter((k) => pasteOf(k) && (!only || only.some((prefix) => k.startsWith(prefix))))
  .slice(0, pages);
const work = mkdtempSync(join(tmpdir(), 'bench-web-speed-'));

/** CPU time (ms) of the children this process has waited for: cutime + cstime. */
const hasProcStat = existsSync('/proc/self/stat');
function childCpuMs() {
  if (!hasProcStat) return 0;
  // The fields after the command name (which is in parentheses and may hold spaces).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // clock ticks of 10 ms (CLK_TCK 100)
}

function once(file) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const cpu = childCpuMs();
  const t = performance.now();
  execFileSync('node', [cli, file, '--provider', 'mock', '--dry-run', '--out', out]);
  return { wall: performance.now() - t, cpu: childCpuMs() - cpu };
}

/** Best times of the page and of its paste, run in turn: extra wall and CPU time (ms). */
function bestPair(html, txt) {
  const page = { wall: Infinity, cpu: Infinity };
  const paste = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < RUNS; i++) {
    for (const [best, file] of [[page, html], [paste, txt]]) {
      const t = once(file);
      best.wall = Math.min(best.wall, t.wall);
      best.cpu = Math.min(best.cpu, t.cpu);
    }
  }
  return { wall: page.wall - paste.wall, cpu: page.cpu - paste.cpu };
}

const s = (ms) => (ms / 1000).toFixed(3);
const rows = [];
for (const key of keys) {
  const html = join(work, `${key.slice(0, 12)}.html`);
  const txt = join(work, `${key.slice(0, 12)}.txt`);
  writeFileSync(html, gunzipSync(readFileSync(join(corpus, 'html', `${key}.html.gz`))));
  writeFileSync(txt, pasteOf(key));
  const extra = bestPair(html, txt);
  rows.push({ key: key.slice(0, 12), ...extra });
  console.log(`${key.slice(0, 12)}  html − pasted: ${s(extra.wall)} s wall, ${hasProcStat ? `${s(extra.cpu)} s CPU` : 'CPU n/a'}`);
}
rmSync(work, { recursive: true, force: true });
const mean = (f) => rows.reduce((n, r) => n + f(r), 0) / rows.length;
const worst = (f) => Math.max(...rows.map(f));
console.log(`slowest (wall): ${[...rows].sort((a, b) => b.wall - a.wall).slice(0, 5).map((r) => `${r.key} ${s(r.wall)}`).join(', ')}`);
if (hasProcStat) console.log(`slowest (CPU):  ${[...rows].sort((a, b) => b.cpu - a.cpu).slice(0, 5).map((r) => `${r.key} ${s(r.cpu)}`).join(', ')}`);
console.log(
  `web speed: a saved page costs ${s(mean((r) => r.wall))} s more than the pasted text on average (worst ${s(worst((r) => r.wall))} s)` +
    (hasProcStat ? `, CPU ${s(mean((r) => r.cpu))} s (worst ${s(worst((r) => r.cpu))} s)` : '') +
    `, ${rows.length} pages, best of ${RUNS}, load average ${loadavg()[0].toFixed(2)}`,
);
