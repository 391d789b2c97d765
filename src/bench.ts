// npm run bench [-- --words 1000 --provider local]: narrates a generated story of the
// given length from scratch (empty cache; --formats m4b,mp3 by default) and prints wall time, audio seconds,
// real-time factor, per-stage times and peak memory; then reruns it unchanged and
// after a one-word edit, the two reruns a user makes most.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { narrate, type NarrateResult } from './pipeline.js';
import type { AudioFormat } from './audio/index.js';
import { generateStory } from './generated-story.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { words: { type: 'string', default: '1000' }, provider: { type: 'string', default: 'local' }, chapters: { type: 'string', default: '3' }, formats: { type: 'string', default: 'm4b,mp3' } } });
  const formats = values.formats!.split(',').filter(Boolean) as AudioFormat[];
  const words = Number(values.words);
  const dir = await mkdtemp(join(tmpdir(), 'narrate-bench-'));
  try {
    const script = join(dir, 'story.md');
    await writeFile(script, generateStory(words, Number(values.chapters)));
    const run = async () => {
      const started = performance.now();
      const result = (await narrate({ scriptPath: script, provider: values.provider!, outRoot: join(dir, 'out'), formats, cacheDir: join(dir, 'cache') })) as NarrateResult;
      return { result, wallS: (performance.now() - started) / 1000 };
    };
    const { result, wallS } = await run();
    const audioS = result.manifest.durationMs / 1000;
    const rss = process.resourceUsage().maxRSS / 1024;
    const stages = Object.entries(result.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}s`).join(', ');
    console.log(`words: ${words}  provider: ${values.provider}`);
    console.log(`wall time: ${wallS.toFixed(2)} s (process uptime ${process.uptime().toFixed(2)} s)`);
    console.log(`audio: ${audioS.toFixed(1)} s  real-time factor: ${(wallS / audioS).toFixed(4)} (${(audioS / wallS).toFixed(0)}x faster than real time)`);
    console.log(`stages: ${stages}`);
    console.log(`peak memory (node process RSS; ffmpeg runs in its own processes): ${rss.toFixed(0)} MiB`);
    const unchanged = await run();
    console.log(`rerun, nothing changed: ${unchanged.wallS.toFixed(2)} s, ${unchanged.result.synthesized} segments synthesized`);
    const story = await readFile(script, 'utf8');
    await writeFile(script, story.replace('gulls', 'terns'));
    const edited = await run();
    console.log(`rerun after a one-word edit: ${edited.wallS.toFixed(2)} s, ${edited.result.synthesized} segment(s) synthesized`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
