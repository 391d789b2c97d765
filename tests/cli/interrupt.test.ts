// SIGINT and SIGTERM through the installed CLI, at each stage of a run: speech, encoding,
// and captions/feed writing; sent to the whole process group (a terminal's Ctrl-C) or to
// narrate's process alone (kill, a process manager, a container stop); once or twice.
// Each case first makes a complete output set, then interrupts a changed rerun and checks
// that the set is exactly as it was, that nothing temporary is left (in TMPDIR, the
// output folder or the cache) and no ffmpeg or ffprobe still runs, and that finished segments stay
// cached.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStory } from '../../src/generated-story.js';
import { tempDir, writeScript } from '../support/book.js';
import { runCli, spawnCli } from '../support/cli.js';

const SLUG = 'a-generated-crossing';
const FEED = ['--feed', '--base-url', 'https://example.org/pod/'];

interface Case {
  dir: string;
  tmp: string;
  env: NodeJS.ProcessEnv;
  before: Map<string, string>;
}

/** A folder with a complete output set from a short story (mock voice), and a TMPDIR of its own. */
async function completeSet(extra: string[] = []): Promise<Case> {
  const dir = await tempDir('narrate-interrupt-');
  const tmp = join(dir, 'tmp');
  await mkdir(tmp);
  const env = { TMPDIR: tmp };
  await writeScript(dir, 'story.md', generateStory(150, 2));
  const first = await runCli(['story.md', '--provider', 'mock', ...extra], { cwd: dir, env });
  expect(first.code, first.stderr).toBe(0);
  return { dir, tmp, env, before: await snapshot(join(dir, 'output', SLUG)) };
}

/** Every file of a folder with a hash of its bytes. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else files.set(relative(folder, path), createHash('sha256').update(await readFile(path)).digest('hex'));
    }
  };
  await walk(folder);
  return files;
}

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
  code: () => number | null | undefined;
}

/** Starts a changed rerun in a process group of its own. */
async function startRerun(c: Case, words: number, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Running> {
  await writeScript(c.dir, 'story.md', generateStory(words, 6));
  const child = spawnCli(['story.md', ...args], { cwd: c.dir, env: { ...c.env, ...env }, detached: true });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on('close', (n) => resolve((code = n))));
  return { child, stderr: () => stderr, exited, code: () => code };
}

async function waitFor(run: Running, what: string, ready: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (!(await ready())) {
    if (run.code() !== undefined) throw new Error(`narrate ended (${run.code()}) before ${what}: ${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function send(run: Running, signal: NodeJS.Signals, to: 'group' | 'process'): void {
  if (to === 'group') process.kill(-run.child.pid!, signal);
  else run.child.kill(signal);
}

/** Whole segment cache entries (in the two-hex-digit shards; encoded chapters live in chapters/): metadata written last, with PCM of the length it records. */
async function cacheEntries(c: Case): Promise<number> {
  const cache = join(c.dir, 'output', '.cache');
  let whole = 0;
  const shards = (await readdir(cache).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{2}$/.test(name));
  for (const shard of shards) {
    for (const f of await readdir(join(cache, shard)).catch(() => [] as string[])) {
      if (!f.endsWith('.json')) continue;
      const meta = JSON.parse(await readFile(join(cache, shard, f), 'utf8')) as { samples: number };
      const pcm = await stat(join(cache, shard, f.replace(/\.json$/, '.pcm')));
      expect(pcm.size).toBe(meta.samples * 2);
      whole++;
    }
  }
  return whole;
}

/** Chapters in the chapter cache (each committed with its .json record last). */
async function chapterRecords(c: Case): Promise<number> {
  const files = await readdir(join(c.dir, 'output', '.cache', 'chapters')).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.json')).length;
}

async function stagingFolder(c: Case): Promise<string | undefined> {
  const name = (await readdir(join(c.dir, 'output'))).find((n) => n.startsWith('.staging-'));
  return name && join(c.dir, 'output', name);
}

async function tmpFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (e.name.endsWith('.tmp')) found.push(join(d, e.name));
    }
  };
  await walk(folder);
  return found;
}

/** Processes (ffmpeg, ffprobe, narrate) still working on this case's files. */
function processesOf(c: Case): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes(c.dir) && !line.includes(' ps '));
}

async function expectStoppedCleanly(c: Case, run: Running, signal: NodeJS.Signals, cachedBefore: number, message = /is unchanged; finished segments are cached/): Promise<void> {
  // Stopping must not wait for work to finish (an hour of encoding is left in some cases):
  // a generous bound, far below what finishing would take.
  const signalled = Date.now();
  const code = await run.exited;
  expect(Date.now() - signalled).toBeLessThan(15_000);
  const stderr = run.stderr();
  expect(code, stderr).toBe(signal === 'SIGINT' ? 130 : 143);
  const lines = stderr.trim().split('\n').filter((l) => /interrupt|stopp/i.test(l));
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^narrate: interrupted by ${signal}: `));
  expect(lines[0]).toMatch(message);
  // The last complete set, byte for byte, and nothing beside it.
  expect(await snapshot(join(c.dir, 'output', SLUG))).toEqual(c.before);
  expect((await readdir(join(c.dir, 'output'))).sort()).toEqual(['.cache', SLUG]);
  expect(await readdir(c.tmp)).toEqual([]);
  expect(await tmpFiles(c.dir)).toEqual([]);
  expect(processesOf(c)).toEqual([]);
  expect(await cacheEntries(c)).toBeGreaterThanOrEqual(cachedBefore);
}

describe('interrupting a run', () => {
  for (const [signal, to] of [
    ['SIGINT', 'group'],
    ['SIGTERM', 'process'],
  ] as const) {
    it(`during speech: ${signal} to the ${to}`, async () => {
      const c = await completeSet();
      const initial = await cacheEntries(c);
      const run = await startRerun(c, 3000, ['--provider', 'local']);
      let cached = 0;
      await waitFor(run, 'three segments were spoken', async () => (cached = await cacheEntries(c)) >= initial + 3);
      send(run, signal, to);
      await expectStoppedCleanly(c, run, signal, cached);
      // The next run starts from what was spoken.
      const dry = await runCli(['story.md', '--provider', 'local', '--dry-run'], { cwd: c.dir, env: c.env });
      expect(dry.code, dry.stderr).toBe(0);
      expect(Number(/\((\d+) already cached\)/.exec(dry.stdout)![1])).toBeGreaterThanOrEqual(cached - initial);
    });
  }

  for (const [signal, to] of [
    ['SIGINT', 'process'],
    ['SIGTERM', 'group'],
  ] as const) {
    it(`during encoding: ${signal} to the ${to}`, async () => {
      const c = await completeSet();
      // Each chapter is encoded while it is spoken (two hours of audio here): stop once a
      // chapter is in the chapter cache and the next one is being encoded.
      const chaptersBefore = await chapterRecords(c);
      const run = await startRerun(c, 20000, ['--provider', 'mock']);
      await waitFor(run, 'a chapter encoded', async () => (await chapterRecords(c)) > chaptersBefore && processesOf(c).some((p) => p.includes('ffmpeg')));
      const cached = await cacheEntries(c);
      expect(processesOf(c).filter((p) => p.includes('ffmpeg')).length).toBeGreaterThan(0);
      send(run, signal, to);
      await expectStoppedCleanly(c, run, signal, cached);
    });
  }

  for (const [signal, to] of [
    ['SIGINT', 'group'],
    ['SIGTERM', 'process'],
  ] as const) {
    it(`while the feed is written: ${signal} to the ${to}`, async () => {
      const c = await completeSet(FEED);
      // The real ffprobe, started late: the feed measures each episode with it after
      // captions and episodes are written, and the marker file says when that is. It waits
      // long enough that a run which did not kill it could not stop within the bound.
      // The check before spending asks for `ffprobe -version`; that answers at once.
      const probe = join(c.dir, 'slow-ffprobe.sh');
      await writeFile(probe, `#!/bin/sh\n[ "$1" = -version ] && exec ffprobe "$@"\ntouch "${c.dir}/probing"\nsleep 20 </dev/null >/dev/null 2>&1\nexec ffprobe "$@"\n`);
      await chmod(probe, 0o755);
      const run = await startRerun(c, 1500, ['--provider', 'mock', ...FEED], { FFPROBE_PATH: probe });
      await waitFor(run, 'the feed measured its episodes', () => existsSync(join(c.dir, 'probing')));
      const staging = await stagingFolder(c);
      expect(await readdir(staging!)).toEqual(expect.arrayContaining(['captions.vtt', 'chapters.json', 'episodes']));
      const cached = await cacheEntries(c);
      send(run, signal, to);
      await expectStoppedCleanly(c, run, signal, cached);
    });
  }

  for (const [signal, to] of [
    ['SIGINT', 'group'],
    ['SIGTERM', 'process'],
  ] as const) {
    it(`${signal} twice to the ${to}: stops at once and still cleans up`, async () => {
      const c = await completeSet(FEED);
      // An ffprobe that will not stop: it ignores SIGINT and SIGTERM, and what it started
      // keeps its output open after it is killed, so the first signal's wind-down waits.
      // The second must not wait: it kills, removes and exits at once.
      const probe = join(c.dir, 'stuck-ffprobe.sh');
      // Like the slowed one above, it answers the check before spending (`-version`) at once.
      await writeFile(probe, `#!/bin/sh\n[ "$1" = -version ] && exec ffprobe "$@"\ntrap '' INT TERM\ntouch "${c.dir}/probing"\nsleep 20\nexec ffprobe "$@"\n`);
      await chmod(probe, 0o755);
      const run = await startRerun(c, 1500, ['--provider', 'mock', ...FEED], { FFPROBE_PATH: probe });
      await waitFor(run, 'the feed measured its episodes', () => existsSync(join(c.dir, 'probing')));
      const cached = await cacheEntries(c);
      // (A gap, because a busy machine may deliver two signals sent at once as one.)
      send(run, signal, to);
      await new Promise((r) => setTimeout(r, 300));
      expect(run.code()).toBeUndefined();
      send(run, signal, to);
      await expectStoppedCleanly(c, run, signal, cached, /stopped at once/);
    });
  }

  it('a run killed outright leaves a staging folder that the next run removes', async () => {
    const c = await completeSet();
    const run = await startRerun(c, 20000, ['--provider', 'mock']);
    await waitFor(run, 'speech finished', () => /segments synthesized/.test(run.stderr()));
    const staging = await stagingFolder(c);
    expect(staging).toBeDefined();
    send(run, 'SIGKILL', 'group');
    await run.exited;
    expect(existsSync(staging!)).toBe(true);
    expect(await snapshot(join(c.dir, 'output', SLUG))).toEqual(c.before);

    await writeScript(c.dir, 'story.md', generateStory(150, 2));
    const next = await runCli(['story.md', '--provider', 'mock'], { cwd: c.dir, env: c.env });
    expect(next.code, next.stderr).toBe(0);
    expect((await readdir(join(c.dir, 'output'))).sort()).toEqual(['.cache', SLUG]);
  });
});
