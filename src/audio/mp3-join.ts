// The book's MP3 is its chapters' MP3 frames one after another: MP3 frames stand alone,
// and every chapter fills whole frames (frames.ts), so no frame needs decoding or even
// parsing to join them. Only the file's first frame is new: the Xing/Info frame with
// the LAME tag, which tells players how many frames and bytes the file has (its length
// and seek table) and how many samples to trim, the first chapter's encoder delay at the
// start and the last chapter's padding at the end. Each chapter's own Info frame is left
// out (a player would otherwise take it for a frame of silence, or for the end of the
// file). This replaces a stream copy through ffmpeg, which reads and writes every one of
// a ten-hour book's 700,000 frames as a packet.
import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { joinChapters, writeTaggedMoment, type JoinJob } from './ffmpeg.js';

/** A chapter as ffmpeg's mp3 muxer wrote it: one Xing/Info frame with a LAME tag, then the audio frames. */
export interface Mp3Chapter {
  path: string;
  /** The chapter's Xing/Info frame: the book's is made from the first chapter's. */
  infoFrame: Buffer;
  /** Where the Xing/Info tag starts in infoFrame (after the frame header and side information). */
  tagOffset: number;
  /** Bytes of audio frames after the Info frame. */
  audioBytes: number;
  frames: number;
  /** Samples of each frame: 1152, or 576 below 32 kHz. */
  frameSamples: number;
  /** Encoder delay and end padding in samples, as the LAME tag stores them. */
  delay: number;
  padding: number;
  /** CRC-16 of the audio frames (the LAME tag's music CRC). */
  musicCrc: number;
}

const XING_FLAGS_ALL = 0x0f; // frames, bytes, TOC, quality: what ffmpeg's mp3 muxer writes
const TOC_SIZE = 100;

// Offsets from the Xing/Info tag, as LAME and ffmpeg's mp3 muxer lay them out.
const AT = { flags: 4, frames: 8, bytes: 12, toc: 16, delayPadding: 141, musicLength: 148, musicCrc: 152, tagCrc: 154 } as const;
/** The LAME tag's CRC covers the frame's first 190 bytes (with the CRC field itself still zero, as ffmpeg computes it). */
const TAG_CRC_SPAN = 190;

/**
 * Joins the book's MP3 from its chapters: byte by byte when every chapter file is as ffmpeg's
 * mp3 muxer wrote it and fills its slot exactly; otherwise (a chapter store written by another
 * ffmpeg) by ffmpeg's stream copy. `job.listPath`'s folder holds the scratch tag file.
 */
export async function joinMp3Chapters(job: JoinJob): Promise<void> {
  const chapters = await Promise.all(job.chapters.map((c) => readMp3Chapter(c.path)));
  const whole = chapters.every((c, i): c is Mp3Chapter => c !== undefined && c.frames * c.frameSamples === job.chapters[i]!.slotSamples && sameLayout(c, chapters[0]!));
  if (!whole) return joinChapters(job);
  const tagPath = join(dirname(job.listPath), 'tag.mp3');
  await writeTaggedMoment({ inPath: job.chapters[0]!.path, format: 'mp3', sampleRate: job.sampleRate, metadataPath: job.metadataPath, coverPath: job.coverPath, outPath: tagPath, signal: job.signal });
  const tagged = await readFile(tagPath);
  const tagSize = id3v2Size(tagged);
  if (tagSize === 0 || tagSize > tagged.length) throw new Error('ffmpeg wrote no ID3v2 tag');
  await writeJoinedMp3(tagged.subarray(0, tagSize), chapters as Mp3Chapter[], job.outPath, job.signal);
}

/** Same frame header (version, bit rate, sample rate, channels) in both Info frames: one encoder setting. */
function sameLayout(a: Mp3Chapter, b: Mp3Chapter): boolean {
  const [x, y] = [a.infoFrame, b.infoFrame];
  return x[1] === y[1] && (x[2]! & 0xfc) === (y[2]! & 0xfc) && (x[3]! & 0xc0) === (y[3]! & 0xc0);
}

/** Reads a chapter's Info frame; undefined when the file is not laid out as ffmpeg's mp3 muxer writes it (or is incomplete). */
export async function readMp3Chapter(path: string): Promise<Mp3Chapter | undefined> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const head = Buffer.alloc(Math.min(size, 2048));
    await file.read(head, 0, head.length, 0);
    const frame = frameLayout(head);
    if (!frame || frame.size < frame.tagOffset + AT.tagCrc + 2 || frame.size > head.length) return undefined;
    const info = Buffer.from(head.subarray(0, frame.size));
    const t = frame.tagOffset;
    const id = info.toString('latin1', t, t + 4);
    if ((id !== 'Info' && id !== 'Xing') || info.readUInt32BE(t + AT.flags) !== XING_FLAGS_ALL) return undefined;
    // The file is whole: its byte count and LAME tag CRC are what the muxer wrote when it finished.
    if (info.readUInt32BE(t + AT.bytes) !== size || lameTagCrc(info) !== info.readUInt16BE(t + AT.tagCrc)) return undefined;
    const delayPadding = info.readUIntBE(t + AT.delayPadding, 3);
    return {
      path,
      infoFrame: info,
      tagOffset: t,
      audioBytes: size - frame.size,
      frames: info.readUInt32BE(t + AT.frames),
      frameSamples: frame.samples,
      delay: delayPadding >>> 12,
      padding: delayPadding & 0xfff,
      musicCrc: info.readUInt16BE(t + AT.musicCrc),
    };
  } finally {
    await file.close();
  }
}

/**
 * The book's Info frame: the first chapter's, with the whole book's frame and byte counts,
 * seek table, the first chapter's delay and the last one's padding, and both CRCs.
 */
export function bookInfoFrame(chapters: Mp3Chapter[]): Buffer {
  const first = chapters[0]!;
  const info = Buffer.from(first.infoFrame);
  const t = first.tagOffset;
  const frames = chapters.reduce((n, c) => n + c.frames, 0);
  const bytes = info.length + chapters.reduce((n, c) => n + c.audioBytes, 0);
  if (chapters.some((c) => c.infoFrame.toString('latin1', c.tagOffset, c.tagOffset + 4) === 'Xing')) info.write('Xing', t, 'latin1');
  info.writeUInt32BE(frames, t + AT.frames);
  info.writeUInt32BE(bytes, t + AT.bytes);
  // Seek table: the byte offset (in 256ths of the file) at each percent of the frames; within a chapter bytes run evenly.
  let chapter = 0;
  let framesBefore = 0;
  let bytesBefore = info.length;
  for (let i = 0; i < TOC_SIZE; i++) {
    const frame = Math.floor((i * frames) / TOC_SIZE);
    while (frame >= framesBefore + chapters[chapter]!.frames && chapter < chapters.length - 1) {
      framesBefore += chapters[chapter]!.frames;
      bytesBefore += chapters[chapter]!.audioBytes;
      chapter++;
    }
    const c = chapters[chapter]!;
    const at = bytesBefore + (c.frames === 0 ? 0 : Math.floor(((frame - framesBefore) * c.audioBytes) / c.frames));
    info[t + AT.toc + i] = i === 0 ? 0 : Math.min(255, Math.floor((256 * at) / bytes));
  }
  info.writeUIntBE((first.delay << 12) | chapters.at(-1)!.padding, t + AT.delayPadding, 3);
  info.writeUInt32BE(bytes, t + AT.musicLength);
  info.writeUInt16BE(
    chapters.reduce((crc, c) => crc16Combine(crc, c.musicCrc, c.audioBytes), 0),
    t + AT.musicCrc,
  );
  info.writeUInt16BE(lameTagCrc(info), t + AT.tagCrc);
  return info;
}

/**
 * Writes `id3Tag`, the book's Info frame and every chapter's audio frames to `outPath`.
 * Chapters must share one frame header layout (sample rate, channels): they are encoded with one setting.
 */
export async function writeJoinedMp3(id3Tag: Uint8Array, chapters: Mp3Chapter[], outPath: string, signal?: AbortSignal): Promise<void> {
  const out = await open(outPath, 'w');
  try {
    await out.write(id3Tag);
    await out.write(bookInfoFrame(chapters));
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (const chapter of chapters) {
      const file = await open(chapter.path, 'r');
      try {
        let position = chapter.infoFrame.length;
        const end = position + chapter.audioBytes;
        while (position < end) {
          signal?.throwIfAborted();
          const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, end - position), position);
          if (bytesRead === 0) throw new Error(`${chapter.path} ended early`);
          await out.write(buffer.subarray(0, bytesRead));
          position += bytesRead;
        }
      } finally {
        await file.close();
      }
    }
  } finally {
    await out.close();
  }
}

/** The size of the file's ID3v2 tag (header, frames, padding, footer), or 0 without one. */
export function id3v2Size(head: Uint8Array): number {
  if (head.length < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0;
  const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
  const footer = head[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

const BITRATES_KBPS = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = [44100, 48000, 32000];

/** Size of the Layer III frame at the start of `head`, and where a Xing/Info tag would start in it. */
function frameLayout(head: Buffer): { size: number; tagOffset: number; samples: number } | undefined {
  if (head.length < 4 || head[0] !== 0xff || (head[1]! & 0xe0) !== 0xe0) return undefined;
  const version = (head[1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (head[1]! >> 1) & 3; // 1: Layer III
  const crcProtected = (head[1]! & 1) === 0;
  const bitrateIndex = head[2]! >> 4;
  const rateIndex = (head[2]! >> 2) & 3;
  if (version === 1 || layer !== 1 || crcProtected || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const mpeg1 = version === 3;
  const sampleRate = SAMPLE_RATES[rateIndex]! / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const bitrate = (mpeg1 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2)[bitrateIndex]! * 1000;
  const padding = (head[2]! >> 1) & 1;
  const size = Math.floor(((mpeg1 ? 144 : 72) * bitrate) / sampleRate) + padding;
  const mono = head[3]! >> 6 === 3;
  const sideInfo = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  return { size, tagOffset: 4 + sideInfo, samples: mpeg1 ? 1152 : 576 };
}

/** The LAME tag's CRC, computed over the frame's start with the CRC field zeroed. */
function lameTagCrc(info: Buffer): number {
  const copy = Buffer.from(info.subarray(0, TAG_CRC_SPAN));
  const frame = frameLayout(info)!;
  copy.writeUInt16BE(0, frame.tagOffset + AT.tagCrc);
  return crc16(copy);
}

// CRC-16/ARC (reflected polynomial 0xA001, initial value 0): what the LAME tag's CRCs are.
const CRC_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    table[i] = c;
  }
  return table;
})();

export function crc16(data: Uint8Array, crc = 0): number {
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return crc;
}

/**
 * crc16(A ++ B) from crc16(A), crc16(B) and B's length, without reading A or B again. The
 * CRC (initial value 0, no final xor) is linear over GF(2): crc(A ++ B) = crc(A ++ zeros) ^
 * crc(B), and appending n zero bytes is a 16×16 bit matrix raised to the n-th power (as
 * zlib's crc32_combine does).
 */
export function crc16Combine(crcA: number, crcB: number, lengthB: number): number {
  // The operator for one zero bit: column k is the image of bit k.
  let op = new Array<number>(16);
  op[0] = 0xa001;
  for (let k = 1; k < 16; k++) op[k] = 1 << (k - 1);
  for (let i = 0; i < 3; i++) op = square(op); // one zero byte = 8 zero bits
  let crc = crcA;
  for (let n = lengthB; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) crc = times(op, crc);
    op = square(op);
  }
  return crc ^ crcB;
}

function times(matrix: number[], vector: number): number {
  let sum = 0;
  for (let k = 0; vector !== 0; k++, vector >>>= 1) if (vector & 1) sum ^= matrix[k]!;
  return sum;
}

function square(matrix: number[]): number[] {
  return matrix.map((column) => times(matrix, column));
}
