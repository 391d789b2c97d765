// The book's MP3 is joined by putting the chapters' frames one after another behind one new
// Info frame (src/audio/mp3-join.ts). These tests encode chapters with the real ffmpeg, join
// them, and read the result back with ffmpeg and ffprobe: the audio frames are the chapters'
// own bytes, the file decodes without an error to exactly the sum of the slots, each
// chapter's tone starts at its slot, and the LAME tag's counts and CRCs are right.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeChapter } from '../../src/audio/ffmpeg.js';
import { FED_SHORTFALL, SLOT_SAMPLES } from '../../src/audio/frames.js';
import { crc16, crc16Combine, id3v2Size, joinMp3Chapters, readMp3Chapter } from '../../src/audio/mp3-join.js';
import { tempDir } from '../support/book.js';
import { decodeToPcm } from '../support/decode.js';
import { ffprobe } from '../support/ffprobe.js';

const run = promisify(execFile);
const RATE = 22050;
// Uneven chapters, each a tone then silence up to its slot.
const SLOTS = [3, 7, 2, 5].map((n) => n * SLOT_SAMPLES);
const TONE_SAMPLES = 6000;

function chapterPcm(index: number, slot: number): Buffer {
  const pcm = new Int16Array(slot - FED_SHORTFALL.mp3);
  const hz = 300 + 100 * index;
  for (let i = 0; i < TONE_SAMPLES; i++) pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / RATE));
  return Buffer.from(pcm.buffer);
}

function onset(pcm: Int16Array, from: number): number {
  for (let i = Math.max(0, from); i < pcm.length; i++) if (Math.abs(pcm[i]!) > 1000) return i;
  return -1;
}

describe('MP3 joined from its chapters byte by byte', () => {
  let dir: string;
  let chapterPaths: string[];
  let metadataPath: string;
  const starts = SLOTS.map((_, i) => SLOTS.slice(0, i).reduce((a, b) => a + b, 0));
  const join4 = (outPath: string, paths = chapterPaths) =>
    joinMp3Chapters({
      chapters: paths.map((path, i) => ({ path, slotSamples: SLOTS[i]! })),
      sampleRate: RATE,
      format: 'mp3',
      listPath: join(dir, 'list.txt'),
      metadataPath,
      outPath,
    });

  beforeAll(async () => {
    dir = await tempDir();
    chapterPaths = SLOTS.map((_, i) => join(dir, `chapter-${i}.mp3`));
    await Promise.all(
      SLOTS.map((slot, i) => encodeChapter({ pcm: Readable.from([chapterPcm(i, slot)]), sampleRate: RATE, format: 'mp3', outPath: chapterPaths[i]!, bitrate: 64 })),
    );
    const ms = (samples: number) => Math.round((samples * 1000) / RATE);
    const marks = SLOTS.map((slot, i) => ['[CHAPTER]', 'TIMEBASE=1/1000', `START=${ms(starts[i]!)}`, `END=${ms(starts[i]! + slot)}`, `title=Part ${i + 1}`]);
    metadataPath = join(dir, 'metadata.txt');
    await writeFile(metadataPath, [';FFMETADATA1', 'title=Joined', ...marks.flat()].join('\n') + '\n');
  });

  it("keeps the chapters' audio frames as they are, behind one Info frame with the book's counts and CRCs", async () => {
    const out = join(dir, 'book.mp3');
    await join4(out);
    const book = await readFile(out);
    const chapters = (await Promise.all(chapterPaths.map(readMp3Chapter))).map((c) => c!);
    const audio = Buffer.concat(await Promise.all(chapters.map(async (c) => (await readFile(c.path)).subarray(c.infoFrame.length))));
    const tagSize = id3v2Size(book);
    expect(tagSize).toBeGreaterThan(10);
    const infoSize = chapters[0]!.infoFrame.length;
    expect(book.subarray(tagSize + infoSize).equals(audio)).toBe(true);
    // The book's own LAME tag, read the way a chapter's is: it must describe the whole book.
    const bookOnly = join(dir, 'book-without-tag.mp3');
    await writeFile(bookOnly, book.subarray(tagSize));
    const info = await readMp3Chapter(bookOnly);
    expect(info).toBeDefined();
    expect(info!.frames).toBe(chapters.reduce((n, c) => n + c.frames, 0));
    expect(info!.frames * info!.frameSamples).toBe(SLOTS.reduce((a, b) => a + b, 0));
    expect(info!.musicCrc).toBe(crc16(audio));
    expect([info!.delay, info!.padding]).toEqual([chapters[0]!.delay, chapters.at(-1)!.padding]);
  });

  it('decodes cleanly to exactly the slots (less the delay and padding of the last chapter), each chapter starting at its slot, with the chapter marks given', async () => {
    const out = join(dir, 'book.mp3');
    await join4(out);
    const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', out, '-f', 'null', '-']);
    expect(stderr).toBe('');
    const pcm = await decodeToPcm(out, RATE);
    // Delay trimmed once at the start, padding once at the end: what the chapters were fed, with each slot's fill in between.
    expect(pcm.length).toBe(SLOTS.reduce((a, b) => a + b, 0) - FED_SHORTFALL.mp3);
    for (const start of starts) expect(Math.abs(onset(pcm, start - 500) - start)).toBeLessThanOrEqual(RATE / 500);
    const probe = await ffprobe(out);
    // ffprobe's length is the frames' (the Info frame's count), as for a file ffmpeg's muxer wrote.
    expect(Number(probe.format.duration)).toBeCloseTo(SLOTS.reduce((a, b) => a + b, 0) / RATE, 3);
    expect(probe.chapters.map((c) => c.tags.title)).toEqual(['Part 1', 'Part 2', 'Part 3', 'Part 4']);
    expect(probe.format.tags?.title).toBe('Joined');
  });

  it('refuses a chapter file that is cut short, and still joins through ffmpeg', async () => {
    const cut = join(dir, 'cut.mp3');
    await writeFile(cut, await readFile(chapterPaths[1]!));
    await truncate(cut, (await readFile(cut)).length - 500);
    expect(await readMp3Chapter(cut)).toBeUndefined();
    const out = join(dir, 'book-from-ffmpeg.mp3');
    await join4(out, [chapterPaths[0]!, cut, chapterPaths[2]!, chapterPaths[3]!]);
    expect((await ffprobe(out)).chapters).toHaveLength(4);
  });
});

describe('crc16Combine', () => {
  it('gives the CRC of two pieces joined, from their CRCs and the second one\'s length', () => {
    for (const [a, b] of [[0, 0], [1, 0], [0, 1], [5, 3], [1000, 77], [33, 100_000]] as const) {
      const x = randomBytes(a);
      const y = randomBytes(b);
      expect(crc16Combine(crc16(x), crc16(y), y.length)).toBe(crc16(Buffer.concat([x, y])));
    }
  });
});
