import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

describe('pasted text and pronunciation from the CLI', () => {
  const ARTICLE = 'Ferry Fares Rise in May\n\nThe ferry board voted on March 3, 2026 to raise fares by 5%.\n\nAdvertisement\n\nA day pass will cost $12.50, up from $11.\n\nRelated\n\nHarbor parking rules change next week\n';

  it('--dry-run lists what cleanup dropped, and --keep-all keeps it', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'article.txt', ARTICLE);
    const dry = await runCli(['article.txt', '--dry-run', '--provider', 'mock'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^\s+5\s+\[ui-phrase\]\s+Advertisement$/m);
    expect(dry.stdout).toMatch(/^\s+9\s+\[\S+\]\s+Related$/m);
    const kept = await runCli(['article.txt', '--dry-run', '--provider', 'mock', '--keep-all'], { cwd: dir });
    expect(kept.stdout).not.toMatch(/\[ui-phrase\]/);
    expect(Number(/characters: (\d+)/.exec(kept.stdout)![1])).toBeGreaterThan(Number(/characters: (\d+)/.exec(dry.stdout)![1]));
  });

  it('names a paste without a headline after its file, not "Introduction"', async () => {
    const dir = await tempDir();
    const paste = 'By Dana Whit\n12 March 2026\n\nThe ferry board voted on Tuesday to raise fares by five percent from May, after a year of rising fuel costs.\n\nA day pass will cost a little more, and season tickets will stay as they are until the autumn.\n';
    await writeScript(dir, 'ferry-fares_2026.txt', paste);
    const run = await runCli(['ferry-fares_2026.txt', '--provider', 'mock', '--format', 'mp3', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const transcript = await readFile(join(dir, 'output', 'ferry-fares-2026', 'transcript.txt'), 'utf8');
    expect(transcript.split('\n')[0]).toBe('ferry fares 2026');
    expect(transcript).not.toContain('Introduction');
    expect(transcript).not.toContain('Dana Whit');
    const manifest = JSON.parse(await readFile(join(dir, 'output', 'ferry-fares-2026', 'manifest.json'), 'utf8'));
    expect(manifest.author).toBe('Dana Whit');
  });

  it('say prints the spoken words, SSML and eSpeak phonemes, and writes a WAV', async () => {
    const dir = await tempDir();
    const run = await runCli(['say', 'Dr. Smith, in 1969'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^spoken as: +doctor Smith, in nineteen sixty-nine$/m);
    expect(run.stdout).toMatch(/^phonemes: +dˈɑːktɚ smˈɪθ ɪn nˈaɪntiːn sˈɪkstinˈaɪn$/m);
    const wav = await readdir(join(dir, 'output'));
    expect(wav).toEqual(['say.wav']);
  });
});

describe('the segment cache in the cost estimate', () => {
  it('counts a segment whose audio file is gone as not cached, so its price is counted', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'tiny.md', '# Tiny\n\n## One\n\nA short line.\n\nAnother short line.\n');
    expect((await runCli(['tiny.md', '--provider', 'mock', '--format', 'mp3'], { cwd: dir })).code).toBe(0);
    const dry = async () => /segments: (\d+) \((\d+) already cached\)/.exec((await runCli(['tiny.md', '--provider', 'mock', '--dry-run'], { cwd: dir })).stdout)!;
    const before = await dry();
    expect(before[2]).toBe(before[1]);
    const cache = join(dir, 'output', '.cache');
    const shard = (await readdir(cache))[0]!;
    const pcm = (await readdir(join(cache, shard))).find((f) => f.endsWith('.pcm'))!;
    await rm(join(cache, shard, pcm));
    expect(Number((await dry())[2])).toBe(Number(before[1]) - 1);
  });
});
