import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCaptionFiles, writeCaptions } from '../../src/captions/index.js';
import { NarrateError } from '../../src/errors.js';
import { parseVtt } from '../../src/captions/vtt-check.js';
import { spokenBook, synthesizeTimeline } from './synthetic-book.js';

const chapters = [
  { title: 'The Lamp & the <Rock>', paragraphs: [{ sentences: ['The keeper lit the lamp.', 'It was 1969.'] }, { sentences: ['The bill came to $4,150.'] }] },
  { title: 'Morning', paragraphs: [{ voice: 'keeper', sentences: ['“Put out the lamp,” he said.'] }] },
];
const options = { voiceLabels: new Map([['narrator', 'Narrator'], ['keeper', 'Keeper']]), srt: false, audioFileName: 'book.mp3' };
const folders: string[] = [];

async function tempFolder() {
  const folder = await mkdtemp(join(tmpdir(), 'narrate-captions-'));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

describe('the caption files', () => {
  const book = spokenBook(chapters, { language: 'en-GB' });
  const timeline = synthesizeTimeline(book);

  it('writes the four files, and captions.srt only when asked', async () => {
    const folder = await tempFolder();
    expect(await writeCaptions(folder, timeline, book, options)).toEqual(['captions.vtt', 'chapters.vtt', 'transcript.html', 'transcript.txt']);
    expect((await readdir(folder)).sort()).toEqual(['captions.vtt', 'chapters.vtt', 'transcript.html', 'transcript.txt']);
    expect(buildCaptionFiles(timeline, book, { ...options, srt: true }).map((f) => f.name)).toContain('captions.srt');
  });

  it('gives one consecutive chapter cue per chapter, from its start to the next', async () => {
    const chaptersVtt = buildCaptionFiles(timeline, book, options).find((f) => f.name === 'chapters.vtt')!.content;
    const parsed = parseVtt(chaptersVtt, 'chapters');
    expect(parsed.errors).toEqual([]);
    const times = parsed.cues.map((c) => [Math.round(c.startTime * 1000), Math.round(c.endTime * 1000)]);
    expect(times).toEqual([
      [Math.round(timeline.chapters[0]!.startMs), Math.round(timeline.chapters[1]!.startMs)],
      [Math.round(timeline.chapters[1]!.startMs), Math.round(timeline.durationMs)],
    ]);
  });

  it('writes the transcript as written, with the book language and chapter links', () => {
    const files = new Map(buildCaptionFiles(timeline, book, options).map((f) => [f.name, f.content]));
    const html = files.get('transcript.html')!;
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<h2 id="chapter-1">The Lamp &amp; the &lt;Rock&gt;</h2>');
    expect(html).toContain('<p>The keeper lit the lamp. It was 1969.</p>');
    expect(html).toContain(`href="book.mp3#t=${(Math.round(timeline.chapters[1]!.startMs) / 1000).toFixed(3)}"`);
    const text = files.get('transcript.txt')!;
    expect(text).toContain('The bill came to $4,150.');
    expect(text.indexOf('The Lamp & the <Rock>')).toBeLessThan(text.indexOf('Morning'));
  });

  it('fails with a clear error and writes nothing when the captions cannot be built', async () => {
    const folder = await tempFolder();
    const broken = { ...timeline, tokens: [...timeline.tokens].reverse() };
    await expect(writeCaptions(folder, broken, book, options)).rejects.toThrow(NarrateError);
    await expect(writeCaptions(folder, broken, book, options)).rejects.toThrow(/^could not build captions: captions\.vtt would be invalid WebVTT/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('leaves an existing caption set untouched when a new one fails', async () => {
    const folder = await tempFolder();
    await writeCaptions(folder, timeline, book, options);
    const before = await readFile(join(folder, 'captions.vtt'), 'utf8');
    const broken = { ...timeline, chapters: timeline.chapters.slice(0, 1) };
    await expect(writeCaptions(folder, broken, book, options)).rejects.toThrow(/could not build captions: chapter 2 is not on the audio timeline/);
    expect(await readFile(join(folder, 'captions.vtt'), 'utf8')).toBe(before);
  });
});
