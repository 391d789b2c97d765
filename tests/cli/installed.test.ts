// What users run, as they run it: the installed narrate (packed with npm pack) on every
// script in script/, on text full of what real writing holds, with the local voice,
// the fake Polly server and a podcast feed.
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { tempDir } from '../support/book.js';
import { runCli, spawnCli, type CliRun } from '../support/cli.js';
import { pollyEnv } from '../support/cli-env.js';
import { FakePolly } from '../support/fake-polly.js';
import { ffprobe } from '../support/ffprobe.js';

const SCRIPTS = fileURLToPath(new URL('../../script/', import.meta.url));
const BOOK_FILES = ['book.m4b', 'book.mp3', 'captions.vtt', 'chapters.json', 'chapters.vtt', 'manifest.json', 'transcript.html', 'transcript.txt'];

interface Manifest {
  durationMs: number;
  files: string[];
  chapters: Array<{ title: string; segments: Array<{ ssml: string }> }>;
}

/** A project folder holding a copy of the repository's script/ folder, as after a clone. */
async function projectWithScripts(): Promise<string> {
  const dir = await tempDir('narrate-installed-');
  await cp(SCRIPTS, join(dir, 'script'), { recursive: true });
  return dir;
}

function ok(run: CliRun): CliRun {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  return run;
}

function bookFolder(run: CliRun): string {
  return /^wrote (.+?)\/?: /m.exec(run.stdout)![1]!;
}

async function readBook(dir: string, run: CliRun) {
  const folder = join(dir, bookFolder(run));
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  const vtt = await readFile(join(folder, 'captions.vtt'), 'utf8');
  const parsed = new WebVTTParser().parse(vtt, 'captions');
  expect(parsed.errors).toEqual([]);
  return { folder, manifest, vtt, cues: parsed.cues };
}

/** The book's MP3 lasts as long as the manifest says, and every caption lies inside it. */
async function expectConsistentBook(book: Awaited<ReturnType<typeof readBook>>): Promise<void> {
  expect((await readdir(book.folder)).sort()).toEqual(expect.arrayContaining(BOOK_FILES));
  const seconds = Number((await ffprobe(join(book.folder, 'book.mp3'))).format.duration);
  expect(Math.abs(seconds * 1000 - book.manifest.durationMs)).toBeLessThan(150);
  expect(book.cues.length).toBeGreaterThan(0);
  for (const cue of book.cues) expect(cue.endTime).toBeLessThanOrEqual(seconds + 0.05);
}

describe('the scripts in script/', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectWithScripts();
  });

  it("runs the README's example as written: narrate script/article.txt --dry-run", async () => {
    const run = ok(await runCli(['script/article.txt', '--dry-run'], { cwd: dir }));
    expect(run.stdout).toMatch(/\(dry run: nothing synthesized\)/);
    expect(run.stdout).toMatch(/\[ui-phrase\]/);
    expect(await readdir(dir)).toEqual(['script']);
  });

  it.each(['the-keeper-of-tern-rock.md', 'article.txt'])('%s: a dry run lists its chapters and segments', async (name) => {
    const run = ok(await runCli([`script/${name}`, '--dry-run'], { cwd: dir }));
    expect(run.stdout).toMatch(/^ +1\. .+\(\d+ paragraphs, \d+ segments\)$/m);
    expect(run.stdout).toMatch(/^segments: [1-9]\d* \(0 already cached\)$/m);
  });

  it('every script in script/ is covered here', async () => {
    const scripts = (await readdir(SCRIPTS)).filter((f) => /\.(md|txt)$/.test(f)).sort();
    expect(scripts).toEqual(['article.txt', 'the-keeper-of-tern-rock.md']);
  });

  it('the sample story: a full run with the local voice, and a rerun that speaks and encodes nothing', async () => {
    const run = ok(await runCli(['script/the-keeper-of-tern-rock.md'], { cwd: dir }));
    const book = await readBook(dir, run);
    await expectConsistentBook(book);
    const again = ok(await runCli(['script/the-keeper-of-tern-rock.md'], { cwd: dir }));
    expect(again.stderr).toMatch(/^0 segments synthesized, \d+ from cache$/m);
    expect(again.stderr).toMatch(/keeping the audio files/);
  });

  it('the article: a full run with the local voice and a podcast feed', async () => {
    const run = ok(await runCli(['script/article.txt', '--feed', '--base-url', 'https://example.org/harbor/'], { cwd: dir }));
    const book = await readBook(dir, run);
    await expectConsistentBook(book);
    // The sample lexicon beside the script: a phoneme entry reaches eSpeak NG as its own codes, an alias as its respelling.
    const ssml = book.manifest.chapters.flatMap((c) => c.segments.map((s) => s.ssml)).join('\n');
    expect(ssml).toContain("[[m@'reInoU]]");
    expect(ssml).toContain('Fennick');
    const feed = parseFeed(await readFile(join(book.folder, 'feed.xml'), 'utf8'))!;
    expect(feed.items.length).toBe(book.manifest.chapters.length);
    for (const item of feed.items) {
      const file = join(book.folder, item.enclosure.url.replace('https://example.org/harbor/', ''));
      expect(Math.abs(Number((await ffprobe(file)).format.duration) - item.duration)).toBeLessThanOrEqual(1);
    }
  });
});

// Written for these tests: a news item with what real text holds.
const REAL_TEXT = `CITY HALL VOTES TO KEEP THE NIGHT FERRY

By Mara Quinn

The council voted 7–2 on Tuesday to keep the NASA-funded tide study and the night ferry, which the FBI once called "a smuggler's dream [sic]." The mayor [laughing] said the vote was "about people, not boats [breaking with her party]."

Tickets rise to $4.50 on March 3, 2026, a 12.5% increase; the last sailing leaves at 10:30 p.m.

Details are at https://example.org/ferry?route=night&year=2026 (see the timetable) or call 555-0142.

“We’re thrilled 🎉,” said captain Dalia Haddad 👩‍✈️, who greets riders with «مرحبا» and “שלום” every night. ‘It’s our ferry,’ she added — and <b>nobody</b> argued & nobody left.

Ridership fell from 1,250 a night in the 1990s to about 400 by 9 a.m.
`;
const REAL_MARKDOWN = `# Night Ferry\n\n## The Vote\n\n${REAL_TEXT.split('\n\n').slice(2).join('\n\n')}\nThe horn sounded [500ms] twice (loud)[emphasis:"strong"].\n`;
const WRITTEN = ['[sic]."', '[laughing]', '[breaking', 'party]."', '🎉,”', '👩‍✈️,', '«مرحبا»', '“שלום”', '‘It’s', '&lt;b&gt;nobody&lt;/b&gt;', '&amp;', '$4.50', '12.5%', 'p.m.'];

/** A full stop right after an element or eSpeak phonemes at a sentence's end: eSpeak NG says "dot". */
const SPOKEN_DOT = /(<\/[a-z-]+>|\]\]\s*)\s*\.\s*<\/s>/;

describe('real text through the installed narrate', () => {
  let fake: FakePolly | undefined;
  afterAll(async () => fake?.close());

  it.each([
    ['plain text', 'ferry.txt', REAL_TEXT],
    ['Markdown', 'ferry.md', REAL_MARKDOWN],
  ])('%s: read as written in the captions, spoken by the local voice', async (_, name, text) => {
    const dir = await tempDir('narrate-real-');
    await writeFile(join(dir, name), text);
    const run = ok(await runCli([name], { cwd: dir }));
    const book = await readBook(dir, run);
    await expectConsistentBook(book);
    const captionText = book.cues.map((c) => c.text).join(' ');
    for (const written of WRITTEN) expect(captionText, written).toContain(written);
    const ssml = book.manifest.chapters.flatMap((c) => c.segments.map((s) => s.ssml));
    // The local voice spells letters as dotted capitals (its letterSpelling capability), which eSpeak NG reads without a "dot".
    expect(ssml.join('\n')).toMatch(/ten thirty P\.M\.<\/s>/);
    for (const s of ssml) expect(s).not.toMatch(SPOKEN_DOT);
  });

  it('a sentence ending in an abbreviation ends without a spoken "dot"', async () => {
    const dir = await tempDir('narrate-real-');
    for (const text of ['The last ferry leaves at 10:30 p.m.', 'She works for the FBI.', 'Call me at 9 a.m.']) {
      const run = ok(await runCli(['say', text], { cwd: dir }));
      const phonemes = /^phonemes: +(.*)$/m.exec(run.stdout)![1]!;
      expect(phonemes, text).not.toMatch(/dˈɑːt/);
      expect(phonemes.split(' ').length, text).toBeGreaterThan(3);
    }
  });

  it('Polly (the fake server): the same Markdown script, read as written', async () => {
    fake = await FakePolly.start('1.1');
    const dir = await tempDir('narrate-real-');
    await writeFile(join(dir, 'ferry.md'), REAL_MARKDOWN);
    await writeFile(join(dir, 'voices.json'), JSON.stringify({ voices: { narrator: { polly: { VoiceId: 'Joanna', Engine: 'neural' } } } }));
    const run = ok(await runCli(['ferry.md', '--provider', 'polly'], { cwd: dir, env: pollyEnv(fake.url) }));
    const book = await readBook(dir, run);
    await expectConsistentBook(book);
    const captionText = book.cues.map((c) => c.text).join(' ');
    for (const written of WRITTEN) expect(captionText, written).toContain(written);
    expect(fake.speechRequests().length).toBeGreaterThan(0);
  });
});

describe('narrate voices', () => {
  it('lists eSpeak NG voices, filtered by language', async () => {
    const all = ok(await runCli(['voices']));
    expect(all.stdout).toMatch(/^en-US +English \(America\) +en-us/m);
    // The first line names the engine (see espeak-engine.test.ts).
    expect(all.stdout).toMatch(/^# eSpeak NG /);
    const gb = ok(await runCli(['voices', '--language', 'en-GB']));
    const lines = gb.stdout.trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(all.stdout.trim().split('\n').length);
    for (const line of lines) expect(line).toMatch(/en-gb/i);
  });

  it('piped into a program that stops reading early (| head -1): no stack trace', async () => {
    const child = spawnCli(['voices']);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    // Closed before narrate writes anything, as `head` does once it has its line.
    child.stdout!.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
