// The book's M4B, written around what ffmpeg's MP4 (ipod) muxer makes of a moment of the
// first chapter with the book's tags, chapters and cover (the template): its boxes are kept
// as they are, and only the audio track's sample tables and durations are made the whole
// book's, with the chapters' raw AAC frames in its mdat. Every chapter fills whole AAC
// frames of its slot (frames.ts), so the frames follow one another without a gap; the
// template's edit list already trims the priming once at the start (the moment is shifted
// back as joinChapters shifts the book). The chapter text track is whole in the template
// (ffmpeg writes every chapter mark, however short the audio): its samples lie in mdat
// before the audio's and only move with the moov's size. This replaces a stream copy
// through ffmpeg, which reads and writes every one of a ten-hour book's 780,000 frames as
// a packet (about 7 s, against one read of the chapters for their frame sizes and one copy).
// Anything not as expected takes ffmpeg's join instead.
import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { audioSpecificConfigOf, scanAdts, writeAdtsPayloads, type AdtsScan } from './adts.js';
import { joinChapters, writeTaggedMoment, type JoinJob } from './ffmpeg.js';
import { AAC_FRAME_SAMPLES } from './frames.js';
import { boxHeader, boxSize, durationField, fullBox, only, parseBoxes, readTime, serializeBoxes, timescaleOf, withTime, type Box } from './mp4-boxes.js';

/** ffmpeg's MP4 muxer starts a new chunk before one would reach 1 MiB (build_chunks in movenc.c); the book is chunked alike. */
const CHUNK_LIMIT = 1 << 20;
/** Boxes ffmpeg puts in an AAC track's sample table; any other (ctts, stss, …) means a layout this join does not know. */
const AUDIO_TABLES = new Set(['stsd', 'stts', 'stsc', 'stsz', 'stco', 'sgpd', 'sbgp']);

/** How the book was joined: from its frames here, or by ffmpeg's stream copy. */
export type M4bJoinWay = 'frames' | 'ffmpeg';

/**
 * Joins the book's M4B from its chapters' ADTS frames when every chapter file is plain ADTS of
 * one encoder setting and fills its slot exactly, and ffmpeg's template is laid out as expected;
 * otherwise by ffmpeg's stream copy. `job.listPath`'s folder holds the scratch template.
 */
export async function joinM4bChapters(job: JoinJob): Promise<M4bJoinWay> {
  const templatePath = join(dirname(job.listPath), 'template.m4b');
  // ffmpeg writes the template while the chapters are read.
  const template = writeTaggedMoment({ inPath: job.chapters[0]!.path, format: 'm4b', sampleRate: job.sampleRate, metadataPath: job.metadataPath, coverPath: job.coverPath, outPath: templatePath, signal: job.signal });
  const scans: AdtsScan[] = [];
  let laidOut = true;
  try {
    for (const chapter of job.chapters) {
      const scan = await scanAdts(chapter.path, job.signal);
      laidOut = scan !== undefined && scan.fixedHeader === (scans[0] ?? scan).fixedHeader && scan.payloadSizes.length * AAC_FRAME_SAMPLES === chapter.slotSamples;
      if (!laidOut) break;
      scans.push(scan!);
    }
  } finally {
    await template.catch(() => {}); // no ffmpeg outlives the join; its failure is seen below
  }
  await template;
  const book = laidOut ? readBookFile(await readFile(templatePath), scans, job.sampleRate) : undefined;
  if (!book) {
    await joinChapters(job);
    return 'ffmpeg';
  }
  const out = await open(job.outPath, 'w');
  try {
    for (const bytes of book.head) await out.write(bytes);
    for (const scan of scans) await writeAdtsPayloads(scan, out, job.signal);
  } finally {
    await out.close();
  }
  return 'frames';
}

/** bookFile, with a box too short for its fields (a RangeError while reading it) taken as a template not as expected. */
function readBookFile(templateFile: Buffer, scans: AdtsScan[], sampleRate: number): ReturnType<typeof bookFile> {
  try {
    return bookFile(templateFile, scans, sampleRate);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The template as the join needs it: the boxes around mdat, the audio track, and what lies in mdat before the audio. */
interface Template {
  /** Top-level boxes before mdat (ftyp, moov, free…). */
  before: Box[];
  moov: Box;
  audio: Box;
  /** mdat's bytes before the audio's first sample: the other tracks' samples (chapter titles). */
  prefix: Buffer;
}

/** The book's bytes up to its audio (boxes, mdat header, chapter samples), or undefined when the template is not as expected. */
export function bookFile(templateFile: Buffer, scans: AdtsScan[], sampleRate: number): { head: Buffer[] } | undefined {
  const template = readTemplate(templateFile);
  if (!template || !scans.length) return undefined;
  const sizes = concatSizes(scans);
  const payloadBytes = scans.reduce((n, s) => n + s.payloadBytes, 0);
  const mvhd = only(template.moov, 'mvhd');
  const audioTrak = mvhd && durationField(mvhd) && audioTrack(template.audio, scans[0]!, sizes, payloadBytes, sampleRate, timescaleOf(mvhd));
  if (!audioTrak || !mvhd) return undefined;
  const chunks = chunkSamples(sizes);
  const stbl = (trak: Box) => only(trak, 'mdia', 'minf', 'stbl')!;
  const others = template.moov.children!.filter((b) => b.type === 'trak' && b !== template.audio);
  const moovWith = (audioOffsets: ArrayLike<number>, shift: number): Box | undefined => {
    const tables = stbl(audioTrak.trak).children!.map((b) => (b.type === 'stco' ? fullBox('stco', [audioOffsets.length], audioOffsets) : b));
    const trak = replaceDown(audioTrak.trak, ['mdia', 'minf', 'stbl'], { ...stbl(audioTrak.trak), children: tables });
    const moved = others.map((t) => relocated(t, shift));
    if (moved.some((t) => !t)) return undefined;
    const movieDuration = Math.max(audioTrak.movieDuration, ...others.map((t) => trackDuration(t, timescaleOf(mvhd))));
    const newMvhd = withTime(mvhd, durationField(mvhd)!, movieDuration);
    if (!newMvhd) return undefined;
    let other = 0;
    const children = template.moov.children!.map((b) => (b === mvhd ? newMvhd : b === template.audio ? trak : b.type === 'trak' ? moved[other++]! : b));
    return { ...template.moov, children };
  };
  // The moov's size does not depend on the offsets' values: measure it, then place mdat behind it.
  const sized = moovWith(new Array<number>(chunks.length).fill(0), 0);
  if (!sized) return undefined;
  const shift = boxSize(sized) - boxSize(template.moov);
  const boxesBefore = template.before.map((b) => (b === template.moov ? sized : b));
  const audioStart = boxesBefore.reduce((n, b) => n + boxSize(b), 0) + 8 + template.prefix.length;
  const mdatBytes = 8 + template.prefix.length + payloadBytes;
  if (audioStart + payloadBytes > 0xffffffff) return undefined; // 32-bit offsets and mdat size: ffmpeg's own join serves books past 4 GiB
  const offsets = new Array<number>(chunks.length);
  for (let c = 0, at = audioStart; c < chunks.length; at += chunks[c]!.bytes, c++) offsets[c] = at;
  const moov = moovWith(offsets, shift);
  if (!moov) return undefined;
  const head = [serializeBoxes(template.before.map((b) => (b === template.moov ? moov : b))), boxHeader('mdat', mdatBytes - 8), template.prefix];
  return head.reduce((n, b) => n + b.length, 0) === audioStart ? { head } : undefined;
}

function readTemplate(file: Buffer): Template | undefined {
  const top = parseBoxes(file);
  const mdatIndex = top?.findIndex((b) => b.type === 'mdat') ?? -1;
  // moov before mdat (faststart), and mdat last.
  if (!top || mdatIndex !== top.length - 1 || top[0]?.type !== 'ftyp') return undefined;
  const before = top.slice(0, mdatIndex);
  const moov = only({ type: '', payload: Buffer.alloc(0), children: before }, 'moov');
  const audios = moov?.children?.filter((b) => b.type === 'trak' && handlerOf(b) === 'soun');
  if (!moov || audios?.length !== 1) return undefined;
  const audio = audios[0]!;
  const mdatStart = before.reduce((n, b) => n + 8 + b.payload.length, 0) + 8;
  const mdatEnd = mdatStart + top[mdatIndex]!.payload.length;
  const audioOffsets = chunkOffsets(audio);
  const audioSizes = only(audio, 'mdia', 'minf', 'stbl', 'stsz');
  if (!audioOffsets?.length || !audioSizes) return undefined;
  const firstAudio = audioOffsets[0]!;
  // ffmpeg writes one size for all when the moment's frames are all alike (silence), else a table.
  const [sampleSize, samples] = [audioSizes.payload.readUInt32BE(4), audioSizes.payload.readUInt32BE(8)];
  let audioBytes = sampleSize * samples;
  for (let i = 0; sampleSize === 0 && i < samples; i++) audioBytes += audioSizes.payload.readUInt32BE(12 + 4 * i);
  // The audio is the end of mdat; the other tracks' samples come before it.
  if (firstAudio < mdatStart || firstAudio + audioBytes !== mdatEnd) return undefined;
  for (const trak of moov.children!.filter((b) => b.type === 'trak' && b !== audio)) {
    const offsets = chunkOffsets(trak);
    if (!offsets || offsets.some((o) => o < mdatStart || o >= firstAudio)) return undefined;
  }
  return { before, moov, audio, prefix: file.subarray(mdatStart, firstAudio) };
}

/**
 * The template's audio track made the book's: its sample tables, durations (by ffmpeg's
 * rules in movenc.c: tkhd from the first presented sample, the edit list from the track
 * less the priming it skips) and average bit rate. Undefined when a box is not as expected.
 */
function audioTrack(trak: Box, first: AdtsScan, sizes: Uint16Array, payloadBytes: number, sampleRate: number, movieScale: number): { trak: Box; movieDuration: number } | undefined {
  const tkhd = only(trak, 'tkhd');
  const elst = only(trak, 'edts', 'elst');
  const mdhd = only(trak, 'mdia', 'mdhd');
  const stbl = only(trak, 'mdia', 'minf', 'stbl');
  const tkhdDuration = tkhd && durationField(tkhd);
  const mdhdDuration = mdhd && durationField(mdhd);
  if (!tkhdDuration || !elst || !mdhdDuration || !stbl?.children!.every((b) => AUDIO_TABLES.has(b.type))) return undefined;
  if (timescaleOf(mdhd!) !== sampleRate || elst.payload.readUInt32BE(4) !== 1 || elst.payload[0] !== 0) return undefined;
  const mediaTime = elst.payload.readInt32BE(12);
  if (mediaTime < 0 || elst.payload.readUInt32BE(16) !== 0x10000) return undefined;
  const samples = sizes.length * AAC_FRAME_SAMPLES;
  const scaled = (t: number, round: (x: number) => number) => round((t * movieScale) / sampleRate);
  const movieDuration = scaled(samples, Math.ceil);
  const newElst = withTime(elst, { at: 8, wide: false }, movieDuration + scaled(-mediaTime, Math.floor));
  const newTkhd = withTime(tkhd!, tkhdDuration, scaled(samples - mediaTime, Math.ceil));
  const newMdhd = withTime(mdhd!, mdhdDuration, samples);
  const stsd = sampleDescription(only(stbl, 'stsd')!, first, (payloadBytes * 8 * sampleRate) / samples);
  if (!newElst || !newTkhd || !newMdhd || !stsd) return undefined;
  const chunks = chunkSamples(sizes);
  const stsc: number[] = [];
  chunks.forEach((c, i) => {
    if (i === 0 || c.samples !== chunks[i - 1]!.samples) stsc.push(i + 1, c.samples, 1);
  });
  const tables: Record<string, Box | undefined> = {
    stsd,
    stts: fullBox('stts', [1, sizes.length, AAC_FRAME_SAMPLES]),
    stsc: fullBox('stsc', [stsc.length / 3], stsc),
    stsz: fullBox('stsz', [0, sizes.length], sizes),
    stco: fullBox('stco', []), // filled in once the moov's size is known
    sbgp: sampleGroups(only(stbl, 'sbgp'), sizes.length),
  };
  const children = stbl.children!.map((b) => tables[b.type] ?? b);
  if (only(stbl, 'sbgp') && !tables.sbgp) return undefined;
  let newTrak = replaceDown(trak, ['mdia', 'minf', 'stbl'], { ...stbl, children });
  newTrak = replaceDown(newTrak, ['mdia', 'mdhd'], newMdhd);
  newTrak = replaceDown(newTrak, ['edts', 'elst'], newElst);
  newTrak = replaceDown(newTrak, ['tkhd'], newTkhd);
  return { trak: newTrak, movieDuration };
}

/** The sample description with the book's average bit rate, after checking its AudioSpecificConfig is the chapters' (one encoder setting). */
function sampleDescription(stsd: Box, first: AdtsScan, averageBitRate: number): Box | undefined {
  const p = stsd.payload;
  // One entry: an MP4 audio sample entry (version 0: 28 bytes of fields) whose first child box is esds.
  if (p.readUInt32BE(4) !== 1 || p.toString('latin1', 12, 16) !== 'mp4a' || p.readUInt16BE(24) !== 0 || p.toString('latin1', 8 + 36 + 4, 8 + 36 + 8) !== 'esds') return undefined;
  const esds = 8 + 36 + 8 + 4; // where its ES descriptor starts
  const es = descriptor(p, esds, 0x03);
  if (!es || p[es.body + 2] !== 0) return undefined; // no stream dependence, URL or OCR fields
  const config = descriptor(p, es.body + 3, 0x04);
  const specific = config && descriptor(p, config.body + 13, 0x05);
  if (!specific || !p.subarray(specific.body, specific.end).equals(audioSpecificConfigOf(first.fixedHeader))) return undefined;
  // DecoderConfigDescriptor: object type, stream type, buffer size (3 bytes), max and average bit rate; ffmpeg's max is at least the average.
  const payload = Buffer.from(p);
  const average = Math.floor(averageBitRate);
  payload.writeUInt32BE(Math.max(payload.readUInt32BE(config.body + 5), average), config.body + 5);
  payload.writeUInt32BE(average, config.body + 9);
  return { type: 'stsd', payload };
}

/** An MPEG-4 descriptor of this tag at `at` (tag, then a length of 1–4 bytes of 7 bits each). */
function descriptor(p: Buffer, at: number, tag: number): { body: number; end: number } | undefined {
  if (p[at] !== tag) return undefined;
  let length = 0;
  let i = at + 1;
  for (let n = 0; n < 4; n++, i++) {
    length = (length << 7) | (p[i]! & 0x7f);
    if (!(p[i]! & 0x80)) break;
  }
  const body = i + 1;
  return body + length <= p.length ? { body, end: body + length } : undefined;
}

/** ffmpeg's roll-distance group for AAC covers every sample in one run. */
function sampleGroups(sbgp: Box | undefined, samples: number): Box | undefined {
  if (!sbgp || sbgp.payload[0] !== 0 || sbgp.payload.readUInt32BE(8) !== 1) return undefined;
  const payload = Buffer.from(sbgp.payload);
  payload.writeUInt32BE(samples, 12);
  return { type: 'sbgp', payload };
}

/** Samples and bytes of each chunk, as ffmpeg's muxer cuts a track whose samples lie one after another. */
function chunkSamples(sizes: Uint16Array): Array<{ samples: number; bytes: number }> {
  const chunks: Array<{ samples: number; bytes: number }> = [];
  let chunk = { samples: 0, bytes: 0 };
  for (const size of sizes) {
    if (chunk.samples > 0 && chunk.bytes + size >= CHUNK_LIMIT) {
      chunks.push(chunk);
      chunk = { samples: 0, bytes: 0 };
    }
    chunk.samples++;
    chunk.bytes += size;
  }
  if (chunk.samples > 0) chunks.push(chunk);
  return chunks;
}

function concatSizes(scans: AdtsScan[]): Uint16Array {
  const sizes = new Uint16Array(scans.reduce((n, s) => n + s.payloadSizes.length, 0));
  let at = 0;
  for (const s of scans) {
    sizes.set(s.payloadSizes, at);
    at += s.payloadSizes.length;
  }
  return sizes;
}

function handlerOf(trak: Box): string | undefined {
  return only(trak, 'mdia', 'hdlr')?.payload.toString('latin1', 8, 12);
}

function chunkOffsets(trak: Box): number[] | undefined {
  const stco = only(trak, 'mdia', 'minf', 'stbl', 'stco');
  if (!stco) return undefined;
  const n = stco.payload.readUInt32BE(4);
  if (stco.payload.length < 8 + 4 * n) return undefined;
  return Array.from({ length: n }, (_, i) => stco.payload.readUInt32BE(8 + 4 * i));
}

/** A track whose samples stay where they are in mdat, with its chunk offsets moved by `shift` (the moov's growth). */
function relocated(trak: Box, shift: number): Box | undefined {
  const offsets = chunkOffsets(trak);
  if (!offsets || offsets.some((o) => o + shift > 0xffffffff || o + shift < 0)) return undefined;
  return replaceDown(trak, ['mdia', 'minf', 'stbl', 'stco'], fullBox('stco', [offsets.length], offsets.map((o) => o + shift)));
}

/** The track's length in the movie's timescale, rounded up as ffmpeg rounds the movie's duration. */
function trackDuration(trak: Box, movieScale: number): number {
  const mdhd = only(trak, 'mdia', 'mdhd');
  const field = mdhd && durationField(mdhd);
  return mdhd && field ? Math.ceil((readTime(mdhd, field) * movieScale) / timescaleOf(mdhd)) : 0;
}

/** A copy of `box` with the box at `path` below it replaced. */
function replaceDown(box: Box, path: string[], replacement: Box): Box {
  if (!path.length) return replacement;
  const [type, ...rest] = path;
  return { ...box, children: box.children!.map((c) => (c.type === type ? replaceDown(c, rest, replacement) : c)) };
}
