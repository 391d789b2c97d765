// The book's M4B is written around the boxes ffmpeg makes for a moment of its first chapter
// (src/audio/m4b-join.ts). These tests encode uneven chapters with the real ffmpeg, join them
// both ways (ours and ffmpeg's concat join, joinChapters) and read the results back with
// ffmpeg and ffprobe: same bytes, same decoded samples, each chapter's tone at its slot, a
// clean decode, the same duration, chapters, tags and cover, the moov before the audio; and
// ffmpeg's join is taken when a chapter file is not plain ADTS filling its slot.
import { execFile } from 'node:child_process';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanAdts } from '../../src/audio/adts.js';
import { encodeChapter, joinChapters, type JoinJob } from '../../src/audio/ffmpeg.js';
import { AAC_PRIMING, FED_SHORTFALL, MIN_TAIL, SLOT_SAMPLES } from '../../src/audio/frames.js';
import { bookFile, joinM4bChapters } from '../../src/audio/m4b-join.js';
import { tempDir } from '../support/book.js';
import { decodeToPcm } from '../support/decode.js';

const run = promisify(execFile);
const RATE = 22050;
// Uneven chapters; the third is long and loud enough (noise under its tone) that the audio
// track needs more than one chunk of samples, so the chunk table has several runs.
const SLOTS = [3, 7, 330, 2, 5].map((n) => n * SLOT_SAMPLES);
const NOISY = 2;
const TONE_SAMPLES = 6000;
const TITLES = ['Opening', 'Élan – the second', 'A long one', 'Short', 'Última'];

function chapterPcm(index: number, slot: number): Buffer {
  const pcm = new Int16Array(slot - FED_SHORTFALL.m4b);
  const hz = 300 + 100 * index;
  for (let i = 0; i < TONE_SAMPLES; i++) pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / RATE));
  if (index === NOISY) {
    // Quiet noise (below the onset threshold) up to the silence the slot must end with.
    let seed = 1;
    for (let i = TONE_SAMPLES; i < pcm.length - MIN_TAIL; i++) pcm[i] = ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 700) - 350;
  }
  return Buffer.from(pcm.buffer);
}

function onset(pcm: Int16Array, from: number): number {
  for (let i = Math.max(0, from); i < pcm.length; i++) if (Math.abs(pcm[i]!) > 1000) return i;
  return -1;
}

function bytesOf(pcm: Int16Array): Buffer {
  return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
}

interface FullProbe {
  format: { duration: string; tags?: Record<string, string> };
  streams: Array<{ codec_type: string; codec_name: string; duration?: string; disposition?: { attached_pic?: number } }>;
  chapters: Array<{ start_time: string; end_time: string; tags: { title: string } }>;
}

async function probe(path: string): Promise<FullProbe> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-show_chapters', '-of', 'json', path]);
  return JSON.parse(stdout) as FullProbe;
}

/** Top-level box types in file order. */
function topBoxes(file: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at + 8 <= file.length; at += file.readUInt32BE(at)) {
    types.push(file.toString('latin1', at + 4, at + 8));
    if (file.readUInt32BE(at) < 8) break;
  }
  return types;
}

describe('M4B written around the boxes ffmpeg makes for its tags', () => {
  let dir: string;
  let chapterPaths: string[];
  let job: (outPath: string, paths?: string[]) => JoinJob;
  const starts = SLOTS.map((_, i) => SLOTS.slice(0, i).reduce((a, b) => a + b, 0));
  const total = SLOTS.reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    dir = await tempDir();
    chapterPaths = SLOTS.map((_, i) => join(dir, `chapter-${i}.aac`));
    await Promise.all(
      SLOTS.map((slot, i) => encodeChapter({ pcm: Readable.from([chapterPcm(i, slot)]), sampleRate: RATE, format: 'm4b', outPath: chapterPaths[i]!, bitrate: 64 })),
    );
    const ms = (samples: number) => Math.round((samples * 1000) / RATE);
    const marks = SLOTS.map((slot, i) => ['[CHAPTER]', 'TIMEBASE=1/1000', `START=${ms(starts[i]!)}`, `END=${ms(starts[i]! + slot)}`, `title=${TITLES[i]}`]);
    const metadataPath = join(dir, 'metadata.txt');
    const tags = ['title=Joined Book', 'album=Joined Book', 'artist=Ana Autora', 'album_artist=Ana Autora', 'genre=Audiobook', 'comment=Tone chapters\\; five of them'];
    await writeFile(metadataPath, [';FFMETADATA1', ...tags, ...marks.flat()].join('\n') + '\n');
    const coverPath = join(dir, 'cover.jpg');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=s=320x320:d=1', '-frames:v', '1', coverPath]);
    job = (outPath, paths = chapterPaths) => ({
      chapters: paths.map((path, i) => ({ path, slotSamples: SLOTS[i]! })),
      sampleRate: RATE,
      format: 'm4b',
      listPath: join(dir, 'list.txt'),
      metadataPath,
      coverPath,
      outPath,
    });
  });

  it("is byte for byte the file ffmpeg's own join writes, moov first", async () => {
    const ours = join(dir, 'ours.m4b');
    const theirs = join(dir, 'ffmpeg.m4b');
    expect(await joinM4bChapters(job(ours))).toBe('frames');
    await joinChapters(job(theirs));
    const [a, b] = [await readFile(ours), await readFile(theirs)];
    expect(topBoxes(a)).toEqual(['ftyp', 'moov', 'free', 'mdat']);
    // More than one chunk of samples (the long chapter), with runs of unequal length: the chunk table is exercised.
    const stsc = a.indexOf('stsc', 0, 'latin1');
    expect(a.readUInt32BE(stsc + 8)).toBeGreaterThan(1);
    expect(a.length).toBe(b.length);
    expect(a.equals(b)).toBe(true);
  });

  it("decodes cleanly to ffmpeg's join's samples, each chapter's tone at its slot, with its duration, chapters, tags and cover", async () => {
    const ours = join(dir, 'ours.m4b');
    const theirs = join(dir, 'ffmpeg.m4b');
    expect(await joinM4bChapters(job(ours))).toBe('frames');
    await joinChapters(job(theirs));
    const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', ours, '-f', 'null', '-']);
    expect(stderr).toBe('');
    const pcm = await decodeToPcm(ours, RATE);
    expect(bytesOf(pcm).equals(bytesOf(await decodeToPcm(theirs, RATE)))).toBe(true);
    // The priming is trimmed once, at the start (to the edit list's millisecond).
    expect(Math.abs(pcm.length - (total - AAC_PRIMING))).toBeLessThanOrEqual(RATE / 1000 + 1);
    for (const start of starts) expect(Math.abs(onset(pcm, start - 500) - start)).toBeLessThanOrEqual(RATE / 500);
    const [p, q] = [await probe(ours), await probe(theirs)];
    expect(Number(p.format.duration)).toBeCloseTo(total / RATE, 2);
    expect(p.format.duration).toBe(q.format.duration);
    expect(p.chapters).toEqual(q.chapters);
    expect(p.chapters.map((c) => c.tags.title)).toEqual(TITLES);
    expect(p.chapters.map((c) => Number(c.start_time))).toEqual(starts.map((s) => Math.round((s * 1000) / RATE) / 1000));
    expect(p.format.tags).toEqual(q.format.tags);
    expect(p.format.tags).toMatchObject({ title: 'Joined Book', artist: 'Ana Autora', comment: 'Tone chapters; five of them' });
    expect(p.streams).toEqual(q.streams);
    expect(p.streams.filter((s) => s.disposition?.attached_pic === 1)).toHaveLength(1);
  });

  it('takes ffmpeg\'s join when a chapter file is cut short, or its frames do not fill its slot', async () => {
    const cut = join(dir, 'cut.aac');
    await writeFile(cut, await readFile(chapterPaths[1]!));
    await truncate(cut, (await readFile(cut)).length - 100);
    expect(await scanAdts(cut)).toBeUndefined();
    const paths = [chapterPaths[0]!, cut, ...chapterPaths.slice(2)];
    const [ours, theirs] = [join(dir, 'cut-ours.m4b'), join(dir, 'cut-ffmpeg.m4b')];
    expect(await joinM4bChapters(job(ours, paths))).toBe('ffmpeg');
    await joinChapters(job(theirs, paths));
    expect((await readFile(ours)).equals(await readFile(theirs))).toBe(true);
    // Chapter 1 given as chapter 0's slot (its frames fill another length): the same, through ffmpeg.
    const swapped = [chapterPaths[1]!, chapterPaths[0]!, ...chapterPaths.slice(2)];
    expect(await joinM4bChapters(job(ours, swapped))).toBe('ffmpeg');
    await joinChapters(job(theirs, swapped));
    expect((await readFile(ours)).equals(await readFile(theirs))).toBe(true);
    expect((await probe(ours)).chapters).toHaveLength(SLOTS.length);
  });

  it('refuses a template laid out otherwise: mdat before moov, or cut short', async () => {
    const scans = await Promise.all(chapterPaths.map(async (p) => (await scanAdts(p))!));
    const template = async (args: string[]) => {
      const path = join(dir, 'template.m4b');
      await run('ffmpeg', ['-v', 'error', '-y', '-itsoffset', String(-AAC_PRIMING / RATE), '-t', '0.1', '-i', chapterPaths[0]!, '-c:a', 'copy', ...args, '-f', 'ipod', path]);
      return readFile(path);
    };
    const faststart = await template(['-movflags', '+faststart']);
    expect(bookFile(faststart, scans, RATE)).toBeDefined();
    expect(bookFile(faststart.subarray(0, faststart.length - 10), scans, RATE)).toBeUndefined();
    expect(bookFile(await template([]), scans, RATE)).toBeUndefined();
  });

  it('reads only plain ADTS: no CRC, one raw data block a frame, one encoder setting', async () => {
    const file = await readFile(chapterPaths[0]!);
    const scan = await scanAdts(chapterPaths[0]!);
    expect(scan!.payloadSizes.length * 1024).toBe(SLOTS[0]);
    expect(scan!.payloadBytes + 7 * scan!.payloadSizes.length).toBe(file.length);
    const variant = async (edit: (frame: Buffer) => void) => {
      const copy = Buffer.from(file);
      edit(copy.subarray(7 + scan!.payloadSizes[0]!)); // the second frame's header
      const path = join(dir, 'variant.aac');
      await writeFile(path, copy);
      return scanAdts(path);
    };
    expect(await variant(() => {})).toBeDefined();
    expect(await variant((h) => (h[1]! &= 0xfe))).toBeUndefined(); // protection_absent cleared: a CRC follows
    expect(await variant((h) => (h[6]! |= 0x01))).toBeUndefined(); // two raw data blocks
    expect(await variant((h) => (h[2]! ^= 0x04))).toBeUndefined(); // another sample rate
  });
});
