// The prepared-text cache (src/prepare-cache.ts): an unchanged rerun reuses what reading the
// script and building its segments computed, and anything that decides them misses it.
// Run through the installed CLI, whose build id turns the cache on.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEpub } from '../support/epub-book.js';
import { tempDir, writeScript } from '../support/book.js';
import { runCli } from '../support/cli.js';

const SOURCE_HIT = 'source unchanged since the last run';
const SEGMENTS_HIT = 'text unchanged since the last run';

const STORY = [
  '# The Tide Clock',
  '',
  '## The Harbour',
  '',
  'The tide clock on the harbour wall ran eleven minutes slow, and everyone in the village set their day by it.',
  '',
  'Nobody minded. The Marrow boats went out late and came back late, and the fish never noticed.',
  '',
  '## The New Harbourmaster',
  '',
  'When the new harbourmaster wound it forward on the 3rd of May, the fishing boats missed the morning tide for a week.',
  '',
].join('\n');

function lexicon(alias: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
  <lexeme><grapheme>Marrow</grapheme><alias>${alias}</alias></lexeme>
</lexicon>
`;
}

function voices(paragraphMs: number): string {
  return JSON.stringify({ pauses: { paragraphMs }, voices: { narrator: {} } });
}

async function narrateIn(dir: string, args: string[] = []) {
  const run = await runCli(['story.md', '--provider', 'mock', '--format', 'mp3', ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** Every file of the book but its audio, by name. */
async function textOutputs(dir: string): Promise<Record<string, string>> {
  const book = join(dir, 'output', 'the-tide-clock');
  const out: Record<string, string> = {};
  for (const name of (await readdir(book)).sort()) if (!name.endsWith('.mp3')) out[name] = await readFile(join(book, name), 'utf8');
  return out;
}

/** The silence between the first chapter's two paragraphs, ms, from the manifest. */
async function paragraphPause(dir: string): Promise<number> {
  const manifest = JSON.parse((await textOutputs(dir))['manifest.json']!) as { chapters: Array<{ segments: Array<{ startMs: number; endMs: number }> }> };
  const [, first, second] = manifest.chapters[0]!.segments;
  return second!.startMs - first!.endMs;
}

async function preparedEntries(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'output', '.cache', 'prepared')).catch(() => [] as string[])).sort();
}

describe('the prepared-text cache', () => {
  it('an unchanged rerun reuses the prepared text and writes the same captions, transcript and manifest', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY);
    const first = await narrateIn(dir);
    expect(first.stderr).not.toContain(SOURCE_HIT);
    expect(first.stderr).not.toContain(SEGMENTS_HIT);
    const before = await textOutputs(dir);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['captions.vtt', 'transcript.txt', 'manifest.json', 'chapters.json']));
    // One entry per stage for this script.
    expect((await preparedEntries(dir)).map((f) => f.split('.')[1])).toEqual(['segments', 'source']);

    const second = await narrateIn(dir);
    expect(second.stderr).toContain(SEGMENTS_HIT);
    expect(await textOutputs(dir)).toEqual(before);
  });

  it('a one-word edit misses it, and the output says the new word; the entries are replaced, not added', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY);
    await narrateIn(dir);
    const entries = await preparedEntries(dir);
    await writeScript(dir, 'story.md', STORY.replace('fishing boats', 'herring boats'));
    const edited = await narrateIn(dir);
    expect(edited.stderr).not.toContain(SOURCE_HIT);
    expect(edited.stderr).not.toContain(SEGMENTS_HIT);
    expect((await textOutputs(dir))['transcript.txt']).toContain('herring boats');
    expect(await preparedEntries(dir)).toEqual(entries);
  });

  it('new pauses in voices.json rebuild the segments from the cached source, with the new pause', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY);
    await writeFile(join(dir, 'voices.json'), voices(900));
    await narrateIn(dir);
    const before = await paragraphPause(dir);
    await writeFile(join(dir, 'voices.json'), voices(2900));
    const rerun = await narrateIn(dir);
    expect(rerun.stderr).toContain(SOURCE_HIT);
    expect(rerun.stderr).not.toContain(SEGMENTS_HIT);
    const after = await paragraphPause(dir);
    expect(after - before).toBeGreaterThan(1950);
    expect(after - before).toBeLessThan(2050);
  });

  it('a changed lexicon.pls rebuilds the segments, which say the new pronunciation', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY);
    await writeFile(join(dir, 'lexicon.pls'), lexicon('Marrough'));
    await narrateIn(dir);
    expect((await textOutputs(dir))['manifest.json']).toContain('Marrough');
    await writeFile(join(dir, 'lexicon.pls'), lexicon('Marrowby'));
    const rerun = await narrateIn(dir);
    expect(rerun.stderr).toContain(SOURCE_HIT);
    expect(rerun.stderr).not.toContain(SEGMENTS_HIT);
    const manifest = (await textOutputs(dir))['manifest.json']!;
    expect(manifest).toContain('Marrowby');
    expect(manifest).not.toContain('Marrough');
  });

  it('--keep-all reads the source again and keeps what cleanup dropped', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY.replace('## The New Harbourmaster', 'Advertisement\n\n## The New Harbourmaster'));
    await narrateIn(dir);
    expect((await textOutputs(dir))['transcript.txt']).not.toContain('Advertisement');
    const kept = await narrateIn(dir, ['--keep-all']);
    expect(kept.stderr).not.toContain(SOURCE_HIT);
    expect(kept.stderr).not.toContain(SEGMENTS_HIT);
    expect((await textOutputs(dir))['transcript.txt']).toContain('Advertisement');
  });

  it('--chapters narrates the selection from the cached source', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY);
    await narrateIn(dir);
    const one = await narrateIn(dir, ['--chapters', '2']);
    expect(one.stderr).toContain(SOURCE_HIT);
    expect(one.stderr).not.toContain(SEGMENTS_HIT);
    const transcript = (await textOutputs(dir))['transcript.txt']!;
    expect(transcript).toContain('harbourmaster wound it forward');
    expect(transcript).not.toContain('eleven minutes slow');
  });

  it('a corrupt entry is rebuilt without a word, and the output is the same', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY);
    await narrateIn(dir);
    const before = await textOutputs(dir);
    const folder = join(dir, 'output', '.cache', 'prepared');
    for (const name of await preparedEntries(dir)) {
      const bytes = await readFile(join(folder, name));
      // A changed letter in the stored text: still a value v8 reads, so only the entry's checksum tells.
      const at = bytes.lastIndexOf('harbourmaster');
      expect(at).toBeGreaterThan(0);
      bytes[at] = 'j'.charCodeAt(0);
      await writeFile(join(folder, name), bytes);
    }
    const rebuilt = await narrateIn(dir);
    expect(rebuilt.stderr).not.toContain(SOURCE_HIT);
    expect(rebuilt.stderr).not.toContain(SEGMENTS_HIT);
    expect(rebuilt.stderr).not.toMatch(/warning|error/i);
    expect(await textOutputs(dir)).toEqual(before);
    // Rewritten whole: the next run reuses them.
    expect((await narrateIn(dir)).stderr).toContain(SEGMENTS_HIT);
    // Junk in place of an entry is no different.
    for (const name of await preparedEntries(dir)) await writeFile(join(folder, name), 'not an entry');
    expect((await narrateIn(dir)).stderr).not.toContain(SOURCE_HIT);
  });

  it('--no-cache keeps no prepared text', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'story.md', STORY);
    await narrateIn(dir, ['--no-cache']);
    const again = await narrateIn(dir, ['--no-cache']);
    expect(again.stderr).not.toContain(SOURCE_HIT);
    expect(await preparedEntries(dir)).toEqual([]);
  });

  it('tells the warnings of reading the book and of its speech text again on a hit, and --dry-run says the same from it', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'gull.epub'),
      buildEpub({
        version: 3,
        title: 'The Gull Book',
        pages: [{ id: 'c', file: 'c.xhtml', body: '<h1>One</h1><p>The <span ssml:alphabet="x-sampa" ssml:ph="z\\Ef@r">Zephyr</span> sailed at dawn.</p>' }],
        toc: [{ title: 'One', href: 'c.xhtml' }],
        extra: [{ id: 'cover-image', file: 'cover.gif', data: Buffer.from('GIF89a'), mediaType: 'image/gif', properties: 'cover-image' }],
        coverId: 'cover-image',
      }),
    );
    const narrateBook = async (args: string[] = []) => {
      const run = await runCli(['gull.epub', '--format', 'mp3', ...args], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      return { ...run, warnings: run.stderr.split('\n').filter((l) => l.startsWith('warning: ')) };
    };
    const first = await narrateBook();
    expect(first.warnings).toEqual([
      expect.stringContaining('the cover image OEBPS/cover.gif is image/gif, not JPEG or PNG'),
      expect.stringContaining('"Zephyr" is read as written'),
    ]);
    const second = await narrateBook();
    expect(second.stderr).toContain(SEGMENTS_HIT);
    expect(second.warnings).toEqual(first.warnings);

    const dryHit = await narrateBook(['--dry-run']);
    expect(dryHit.stderr).toContain(SEGMENTS_HIT);
    expect(dryHit.warnings).toEqual(first.warnings);
    await rm(join(dir, 'output', '.cache', 'prepared'), { recursive: true });
    const dryMiss = await narrateBook(['--dry-run']);
    expect(dryMiss.stderr).not.toContain(SOURCE_HIT);
    expect(dryMiss.stdout).toBe(dryHit.stdout);
    // A dry run writes no entries.
    expect(await preparedEntries(dir)).toEqual([]);
  });
});
