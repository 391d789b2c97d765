// The book's folder holds one consistent set: what the last complete run made, and
// nothing an earlier run made that this one no longer does. Run through the installed CLI.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeScript } from '../support/book.js';
import { runCli } from '../support/cli.js';

const FEED = ['--feed', '--base-url', 'https://example.org/pod/'];

function story(secondTitle: string): string {
  return [
    '# The Tide Clock',
    '',
    '## The Harbour',
    '',
    'The tide clock on the harbour wall ran eleven minutes slow, and everyone in the village set their day by it.',
    '',
    `## ${secondTitle}`,
    '',
    'When the new harbourmaster wound it forward, the fishing boats missed the morning tide for a week.',
    '',
  ].join('\n');
}

async function files(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(folder, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await files(join(folder, e.name))).map((f) => `${e.name}/${f}`));
    else out.push(e.name);
  }
  return out.sort();
}

function items(feedXml: string): Array<{ title: string; guid: string; pubDate: string }> {
  return [...feedXml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
    title: /<title>([^<]*)<\/title>/.exec(item!)![1]!,
    guid: /<guid[^>]*>([^<]*)<\/guid>/.exec(item!)![1]!,
    pubDate: /<pubDate>([^<]*)<\/pubDate>/.exec(item!)![1]!,
  }));
}

async function narrateIn(dir: string, args: string[]) {
  const run = await runCli(['story.md', '--provider', 'mock', ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return run;
}

describe('one consistent output set', () => {
  it('removes what the new run no longer makes, and keeps published episodes as they were', async () => {
    const dir = await tempDir();
    const book = join(dir, 'output', 'the-tide-clock');
    await writeScript(dir, 'story.md', story('The New Harbourmaster'));
    await narrateIn(dir, ['--format', 'm4b,mp3', '--captions', 'srt', ...FEED]);
    const first = await files(book);
    expect(first).toEqual(expect.arrayContaining(['book.m4b', 'book.mp3', 'captions.srt', 'episodes/02-the-new-harbourmaster.mp3']));
    const firstItems = items(await readFile(join(book, 'feed.xml'), 'utf8'));
    await new Promise((r) => setTimeout(r, 1100)); // a new episode would get a later pubDate

    await writeScript(dir, 'story.md', story('A Week of Missed Tides'));
    await narrateIn(dir, ['--format', 'mp3', ...FEED]);
    const second = await files(book);
    expect(second).not.toContain('book.m4b');
    expect(second).not.toContain('captions.srt');
    expect(second.filter((f) => f.includes('the-new-harbourmaster'))).toEqual([]);
    expect(second).toContain('episodes/02-a-week-of-missed-tides.mp3');
    // Exactly what the manifest lists, and nothing else.
    const manifest = JSON.parse(await readFile(join(book, 'manifest.json'), 'utf8')) as { files: string[] };
    expect(second).toEqual([...manifest.files].sort());
    // The unchanged chapter keeps its guid and date, read from the feed the last run published.
    const secondItems = items(await readFile(join(book, 'feed.xml'), 'utf8'));
    expect(secondItems[0]).toEqual(firstItems[0]);
    expect(secondItems[1]!.guid).not.toBe(firstItems[1]!.guid);
    expect(secondItems[1]!.pubDate).not.toBe(firstItems[1]!.pubDate);
  });

  it('an unchanged rerun keeps the audio files themselves (hard links), not new encodes', async () => {
    const dir = await tempDir();
    const book = join(dir, 'output', 'the-tide-clock');
    await writeScript(dir, 'story.md', story('The New Harbourmaster'));
    await narrateIn(dir, []);
    const before = await Promise.all(['book.m4b', 'book.mp3'].map((f) => stat(join(book, f))));
    await chmod(book, 0o2775); // a folder a web server's group shares
    const rerun = await narrateIn(dir, []);
    expect(rerun.stderr).toMatch(/audio unchanged since the last run: keeping the audio files/);
    expect((await stat(book)).mode & 0o7777).toBe(0o2775);
    const after = await Promise.all(['book.m4b', 'book.mp3'].map((f) => stat(join(book, f))));
    expect(after.map((s) => s.ino)).toEqual(before.map((s) => s.ino));
    expect((await readdir(join(dir, 'output'))).sort()).toEqual(['.cache', 'the-tide-clock']);
  });

  it("keeps and names files in the book's folder that narrate did not make", async () => {
    const dir = await tempDir();
    const book = join(dir, 'output', 'the-tide-clock');
    await writeScript(dir, 'story.md', story('The New Harbourmaster'));
    await narrateIn(dir, ['--format', 'mp3']);
    await writeFile(join(book, 'notes.txt'), 'my own notes\n');
    await mkdir(join(book, 'site'));
    await writeFile(join(book, 'site', 'index.html'), '<p>listen</p>\n');
    // A half-written file an older narrate left is not the user's: it goes.
    await writeFile(join(book, '.book.mp3.4242-1.tmp'), 'partial');
    const rerun = await narrateIn(dir, ['--format', 'mp3']);
    expect(rerun.stderr).toMatch(/kept 2 file\(s\) in output\/the-tide-clock\/ that narrate did not make: notes\.txt, site\/index\.html/);
    expect(await readFile(join(book, 'notes.txt'), 'utf8')).toBe('my own notes\n');
    expect(await readFile(join(book, 'site', 'index.html'), 'utf8')).toBe('<p>listen</p>\n');
    expect(existsSync(join(book, '.book.mp3.4242-1.tmp'))).toBe(false);
  });

  it('replaces a symlinked book folder at its target and keeps the link', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', story('The New Harbourmaster'));
    await mkdir(join(dir, 'output'));
    await mkdir(join(dir, 'site'));
    await symlink(join(dir, 'site', 'tide'), join(dir, 'output', 'the-tide-clock'));
    await mkdir(join(dir, 'site', 'tide'));
    await narrateIn(dir, ['--format', 'mp3', '--captions', 'srt']);
    await narrateIn(dir, ['--format', 'mp3']);
    expect((await readdir(join(dir, 'site'))).sort()).toEqual(['tide']);
    expect(await files(join(dir, 'site', 'tide'))).toContain('book.mp3');
    expect(await files(join(dir, 'site', 'tide'))).not.toContain('captions.srt');
    const linked = await readdir(join(dir, 'output', 'the-tide-clock'));
    expect(linked).toContain('manifest.json');
  });

  it('puts back the last set when a run was killed between moving it aside and moving the new one in', async () => {
    const dir = await tempDir();
    const output = join(dir, 'output');
    await writeScript(dir, 'story.md', story('The New Harbourmaster'));
    await narrateIn(dir, []);
    // As a killed run (a process id that cannot be running) leaves it.
    await rename(join(output, 'the-tide-clock'), join(output, '.previous-the-tide-clock-4194305'));
    await mkdir(join(output, '.staging-the-tide-clock-4194305'));
    const rerun = await narrateIn(dir, []);
    // The restored set is found complete, so its audio is kept rather than encoded again.
    expect(rerun.stderr).toMatch(/keeping the audio files/);
    expect((await readdir(output)).sort()).toEqual(['.cache', 'the-tide-clock']);
  });

  it('refuses a cache folder inside the book folder, which each run replaces', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', story('The New Harbourmaster'));
    await narrateIn(dir, ['--format', 'mp3']);
    const run = await runCli(['story.md', '--provider', 'mock', '--cache', 'output/the-tide-clock/cache'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('narrate: the cache folder output/the-tide-clock/cache is inside output/the-tide-clock, which every run replaces as a whole. Choose a --cache outside it\n');
    expect(existsSync(join(dir, 'output', 'the-tide-clock', 'cache'))).toBe(false);
  });
});
