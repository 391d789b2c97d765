// npm run bench [-- --words 1000 --provider local --chapters N --formats m4b,mp3]: narrates a
// generated story of the given length from scratch (empty cache) and prints wall time,
// audio length, real-time factor, per-stage times and peak memory; then reruns it
// unchanged and after a one-word edit in a chapter near the middle, the two reruns a
// user makes most. Each run is its own process. Chapters default to one per 3,000 words (a novel's chapter), at least 3.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { narrate, type NarrateResult } from './pipeline.js';
import type { AudioFormat } from './audio/index.js';
import { generateStory } from './generated-story.js';

const WORDS_PER_CHAPTER = 3000;

interface RunFigures {
  wallS: number;
  processS: number;
  audioS: number;
  /** Which engine spoke (manifest.json's engine), when the provider has more than one. */
  engine?: string;
  stages: string;
  summary: string;
  cpuS: number;
  peakRssMiB: number;
}

/**
 * Each run is a process of its own, as each `narrate` a user types is: its peak memory is
 * that run's alone, and a rerun starts as cold as a real one (process start-up included).
 */
function runInChild(script: string, dir: string, provider: string, formats: AudioFormat[]): Promise<RunFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--run-once', script, '--dir', dir, '--provider', provider, '--formats', formats.join(',')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench run exited with ${code}`));
      const figures = JSON.parse(out.trim().split('\n').pop()!) as Omit<RunFigures, 'processS'>;
      resolve({ ...figures, processS: (performance.now() - started) / 1000 });
    });
  });
}

async function runOnce(script: string, dir: string, provider: string, formats: AudioFormat[]): Promise<void> {
  const started = performance.now();
  const result = (await narrate({ scriptPath: script, provider, outRoot: join(dir, 'out'), formats, cacheDir: join(dir, 'cache') })) as NarrateResult;
  const cpu = process.cpuUsage();
  const figures: Omit<RunFigures, 'processS'> = {
    wallS: (performance.now() - started) / 1000,
    audioS: result.manifest.durationMs / 1000,
    engine: result.manifest.engine,
    stages: stages(result),
    summary: summary(result),
    cpuS: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(figures));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: '1000' },
      provider: { type: 'string', default: 'local' },
      chapters: { type: 'string' },
      formats: { type: 'string', default: 'm4b,mp3' },
      'run-once': { type: 'string' },
      dir: { type: 'string' },
    },
  });
  const formats = values.formats!.split(',').filter(Boolean) as AudioFormat[];
  if (values['run-once']) return runOnce(values['run-once'], values.dir!, values.provider!, formats);
  const words = Number(values.words);
  const chapters = values.chapters ? Number(values.chapters) : Math.max(3, Math.round(words / WORDS_PER_CHAPTER));
  const dir = await mkdtemp(join(tmpdir(), 'narrate-bench-'));
  try {
    const script = join(dir, 'story.md');
    await writeFile(script, generateStory(words, chapters));
    const run = () => runInChild(script, dir, values.provider!, formats);
    const first = await run();
    console.log(`words: ${words}  chapters: ${chapters}  provider: ${values.provider}${first.engine ? ` (${first.engine})` : ''}  formats: ${formats.join(',')}`);
    console.log(`wall time: ${first.wallS.toFixed(2)} s (whole process, start-up included: ${first.processS.toFixed(2)} s)`);
    console.log(`audio: ${first.audioS.toFixed(1)} s  real-time factor: ${(first.wallS / first.audioS).toFixed(4)} (${(first.audioS / first.wallS).toFixed(0)}x faster than real time)`);
    console.log(`stages: ${first.stages}`);
    console.log(`CPU of the node process (eSpeak NG included; ffmpeg not): ${first.cpuS.toFixed(2)} s`);
    console.log(`peak memory (node process RSS; ffmpeg runs in its own processes): ${first.peakRssMiB.toFixed(0)} MiB`);
    const unchanged = await run();
    console.log(`rerun, nothing changed: ${unchanged.wallS.toFixed(2)} s (${percentOf(unchanged.wallS, first.wallS)}; whole process ${unchanged.processS.toFixed(2)} s; CPU ${unchanged.cpuS.toFixed(2)} s), ${unchanged.summary}; peak memory ${unchanged.peakRssMiB.toFixed(0)} MiB; stages: ${unchanged.stages}`);
    await writeFile(script, editNearMiddle(await readFile(script, 'utf8')));
    const edited = await run();
    console.log(`rerun after a one-word edit: ${edited.wallS.toFixed(2)} s (${percentOf(edited.wallS, first.wallS)}; whole process ${edited.processS.toFixed(2)} s; CPU ${edited.cpuS.toFixed(2)} s), ${edited.summary}; peak memory ${edited.peakRssMiB.toFixed(0)} MiB; stages: ${edited.stages}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function stages(result: NarrateResult): string {
  return Object.entries(result.timings)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}s`)
    .join(', ');
}

function summary(result: NarrateResult): string {
  return `${result.synthesized} segment(s) synthesized, chapters encoded: ${result.audio.encodedChapters.length ? result.audio.encodedChapters.map((c) => c + 1).join(', ') : 'none'}`;
}

function percentOf(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)}% of the first run`;
}

/** One word changed in the paragraph nearest the middle of the story. */
function editNearMiddle(story: string): string {
  const at = story.indexOf('gulls', Math.floor(story.length / 2));
  const i = at >= 0 ? at : story.indexOf('gulls');
  return story.slice(0, i) + 'terns' + story.slice(i + 'gulls'.length);
}

await main();
