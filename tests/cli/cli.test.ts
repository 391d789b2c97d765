import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, writeScript } from '../support/book.js';

const GOOD = '# Tiny\n\n## One\n\nA short line.\n';

async function failing(args: string[], setup?: (dir: string) => Promise<void>) {
  const dir = await tempDir();
  await setup?.(dir);
  const run = await runCli(args, { cwd: dir });
  const lines = run.stderr.trim().split('\n');
  return { ...run, dir, lines };
}

describe('narrate CLI', () => {
  it('prints help with examples', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--dry-run');
    expect(run.stdout).toContain('Examples:');
  });

  it('dry-runs: chapters, segments, characters and estimated duration, nothing written', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'tiny.md', GOOD);
    const run = await runCli(['tiny.md', '--dry-run', '--provider', 'mock'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1\. One {2}\(1 paragraphs, 2 segments\)/);
    expect(run.stdout).toMatch(/segments: 2 \(0 already cached\)\ncharacters: \d+\nestimated duration: 0:\d\d/);
    expect(await readdir(dir)).toEqual(['tiny.md']);
  });

  it('narrates with the mock provider and exits 0', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'tiny.md', GOOD);
    const run = await runCli(['tiny.md', '--provider', 'mock', '--format', 'mp3'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote output/tiny/');
    expect((await readdir(join(dir, 'output', 'tiny'))).sort()).toEqual(['book.mp3', 'captions.vtt', 'chapters.json', 'chapters.vtt', 'manifest.json', 'transcript.html', 'transcript.txt']);
  });

  it.each([
    ['a missing script', ['nope.md'], undefined, /^narrate: nope\.md: no such script file/],
    ['an unknown provider', ['tiny.md', '--provider', 'acme'], undefined, /Allowed choices are local, mock, polly/],
    ['an unknown format', ['tiny.md', '--format', 'ogg'], undefined, /"ogg" is not a format/],
    [
      'an unknown voice',
      ['tiny.md', '--provider', 'mock'],
      (dir: string) => writeFile(join(dir, 'tiny.md'), '## One\n\n#[voice:"ghost"] Boo.\n'),
      /^narrate: tiny\.md:3: unknown voice "ghost"\. Add it to \(built-in\) or use one of: narrator/,
    ],
    [
      'a broken voices.json',
      ['tiny.md', '--provider', 'mock', '--voices', 'v.json'],
      (dir: string) => writeFile(join(dir, 'v.json'), '{"voices":{"narrator":{"local":{"pitch":500}}}}'),
      /^narrate: v\.json: at \$\.voices\.narrator\.local\.pitch: /,
    ],
    [
      'ffmpeg missing',
      ['tiny.md', '--provider', 'mock'],
      undefined,
      /^narrate: ffmpeg not found \(tried "\/nonexistent\/ffmpeg"\)\. Install it with "npm run setup"/,
    ],
  ])('fails on %s with one line and a non-zero exit, writing nothing', async (name, args, extra, message) => {
    const dir = await tempDir();
    await writeScript(dir, 'tiny.md', GOOD);
    await extra?.(dir);
    const env = name === 'ffmpeg missing' ? { FFMPEG_PATH: '/nonexistent/ffmpeg' } : undefined;
    const run = await runCli(args, { cwd: dir, env });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').filter((l) => !l.startsWith('(run'))).toHaveLength(1);
    expect((await readdir(dir)).filter((f) => f === 'output' || f.endsWith('.tmp'))).toEqual([]);
  });
});
