// Ctrl-C in the middle of a run: the CLI stops with exit 130, leaves no audio file
// (whole or partial) and keeps every finished segment for the next run.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStory } from '../../src/generated-story.js';
import { tempDir, writeScript } from '../support/book.js';
import { runCli, spawnCli } from '../support/cli.js';

async function cacheEntries(dir: string): Promise<number> {
  const shards = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(shards.map((s) => readdir(join(dir, s)).catch(() => [] as string[])));
  return files.flat().filter((f) => f.endsWith('.json')).length;
}

describe('Ctrl-C', () => {
  it('stops cleanly and the next run resumes from the finished segments', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'long.md', generateStory(3000, 6));
    const child = spawnCli(['long.md', '--provider', 'local'], { cwd: dir });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    let code: number | null | undefined;
    const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve((code = c))));
    const cache = join(dir, 'output', '.cache');
    while ((await cacheEntries(cache)) < 3) {
      if (code !== undefined) throw new Error(`narrate ended before it could be interrupted (${code}): ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted; finished segments are cached/);
    const book = await readdir(join(dir, 'output', 'a-generated-crossing')).catch(() => [] as string[]);
    expect(book).toEqual([]);
    const finished = await cacheEntries(cache);
    expect(finished).toBeGreaterThanOrEqual(3);

    const rerun = await runCli(['long.md', '--provider', 'local'], { cwd: dir });
    expect(rerun.code, rerun.stderr).toBe(0);
    // The generated story repeats sentences, so one finished segment can serve several.
    const fromCache = Number(/(\d+) from cache/.exec(rerun.stderr)![1]);
    expect(fromCache).toBeGreaterThanOrEqual(finished);
  });
});
