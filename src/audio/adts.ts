// Reading the encoded chapters' AAC, which ffmpeg keeps as ADTS: a 7-byte header before
// each raw AAC frame. The book's MP4 holds the raw frames without their headers
// (m4b-join.ts), so each chapter file is read twice: once for the frames' sizes (the
// MP4's sample table, written before the audio), once to copy the frames behind it.
// Only the plain layout ffmpeg's ADTS muxer writes is accepted: no CRC, one raw data
// block per frame, every header alike but for its length and buffer fullness.
import { open, type FileHandle } from 'node:fs/promises';

const HEADER_BYTES = 7;
/** A frame's length field has 13 bits. */
const MAX_FRAME_BYTES = 8191;
const READ_BYTES = 1 << 20;

export interface AdtsScan {
  path: string;
  /** The header fields every frame shares (version, layer, profile, sample rate, channels, …), as one number. */
  fixedHeader: number;
  /** Size of each frame without its header: the MP4's sample sizes. */
  payloadSizes: Uint16Array;
  payloadBytes: number;
}

/** The chapter's frames, or undefined when the file is not plain ADTS as ffmpeg writes it (or is cut short). */
export async function scanAdts(path: string, signal?: AbortSignal): Promise<AdtsScan | undefined> {
  const sizes: number[] = [];
  let fixedHeader: number | undefined;
  let payloadBytes = 0;
  const whole = await walkFrames(path, signal, (block, at, payloadSize) => {
    const fixed = fixedHeaderOf(block, at);
    fixedHeader ??= fixed;
    if (fixed !== fixedHeader || !plainFrame(block, at)) return false;
    sizes.push(payloadSize);
    payloadBytes += payloadSize;
    return true;
  });
  if (!whole || fixedHeader === undefined) return undefined;
  return { path, fixedHeader, payloadSizes: Uint16Array.from(sizes), payloadBytes };
}

/** Appends the chapter's raw frames (headers left out) to `out`; fails if the file is no longer what `scan` found. */
export async function writeAdtsPayloads(scan: AdtsScan, out: FileHandle, signal?: AbortSignal): Promise<void> {
  let frame = 0;
  const whole = await walkFrames(scan.path, signal, (_block, _at, payloadSize) => payloadSize === scan.payloadSizes[frame++], out);
  if (!whole || frame !== scan.payloadSizes.length) throw new Error(`${scan.path} changed while the book was being joined`);
}

/**
 * Calls `visit` with each frame's place in the block read and its payload size, reading the file a block at a
 * time; stops with false when `visit` refuses a frame, the sync is lost or the file ends
 * inside a frame. With `out`, each block's payloads are moved together over the headers
 * and written.
 */
async function walkFrames(path: string, signal: AbortSignal | undefined, visit: (block: Buffer, at: number, payloadSize: number) => boolean, out?: FileHandle): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES + MAX_FRAME_BYTES);
    let filled = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await file.read(buffer, filled, READ_BYTES, null);
      filled += bytesRead;
      let at = 0;
      let kept = 0; // payload bytes moved to the block's start
      while (filled - at >= HEADER_BYTES) {
        if (buffer[at] !== 0xff || (buffer[at + 1]! & 0xf0) !== 0xf0) return false;
        const length = ((buffer[at + 3]! & 3) << 11) | (buffer[at + 4]! << 3) | (buffer[at + 5]! >> 5);
        if (length <= HEADER_BYTES) return false;
        if (filled - at < length) break;
        if (!visit(buffer, at, length - HEADER_BYTES)) return false;
        if (out) {
          buffer.copyWithin(kept, at + HEADER_BYTES, at + length);
          kept += length - HEADER_BYTES;
        }
        at += length;
      }
      if (out && kept > 0) await out.write(buffer, 0, kept);
      buffer.copyWithin(0, at, filled);
      filled -= at;
      if (bytesRead === 0) return filled === 0;
    }
  } finally {
    await file.close();
  }
}

function fixedHeaderOf(block: Buffer, at: number): number {
  return ((block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!) >>> 4;
}

/** Layer 0, no CRC (protection_absent set), one raw data block. */
function plainFrame(block: Buffer, at: number): boolean {
  return (block[at + 1]! & 0x07) === 0x01 && (block[at + 6]! & 0x03) === 0;
}

/** The AudioSpecificConfig an MP4's esds carries for frames with this fixed header (AAC object type, rate index, channels, 1024-sample frames). */
export function audioSpecificConfigOf(fixedHeader: number): Buffer {
  const profile = (fixedHeader >> 10) & 3; // object type - 1
  const rateIndex = (fixedHeader >> 6) & 0x0f;
  const channels = (fixedHeader >> 2) & 0x07;
  const config = ((profile + 1) << 11) | (rateIndex << 7) | (channels << 3);
  return Buffer.from([config >> 8, config & 0xff]);
}
