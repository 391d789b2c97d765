// A reader and writer for the few ISO BMFF (MP4) boxes the M4B join touches (m4b-join.ts).
// ffmpeg writes every box of the book; the join only replaces the audio track's sample
// tables and durations and moves the other tracks' sample offsets, and every other box
// (tags, cover, chapter titles) must stay byte for byte as ffmpeg wrote it. The MP4
// libraries on npm parse boxes into objects and write back only the boxes they model
// (or none at all), so this keeps each box as its bytes and descends only into the
// containers on the way to the sample tables.

export interface Box {
  type: string;
  /** The bytes after the box's 8-byte header. */
  payload: Buffer;
  /** Set for the containers the join descends into. */
  children?: Box[];
}

const CONTAINERS = new Set(['moov', 'trak', 'edts', 'mdia', 'minf', 'stbl']);

/**
 * The boxes in `data`, or undefined when they do not fill it exactly. 64-bit and
 * "to the end of the file" sizes are refused: ffmpeg writes neither in a file this small.
 */
export function parseBoxes(data: Buffer): Box[] | undefined {
  const boxes: Box[] = [];
  for (let at = 0; at < data.length; ) {
    if (data.length - at < 8) return undefined;
    const size = data.readUInt32BE(at);
    if (size < 8 || at + size > data.length) return undefined;
    const type = data.toString('latin1', at + 4, at + 8);
    const payload = data.subarray(at + 8, at + size);
    if (CONTAINERS.has(type)) {
      const children = parseBoxes(payload);
      if (!children) return undefined;
      boxes.push({ type, payload, children });
    } else {
      boxes.push({ type, payload });
    }
    at += size;
  }
  return boxes;
}

/** The box's size in bytes, header included. */
export function boxSize(box: Box): number {
  return 8 + (box.children ? box.children.reduce((n, c) => n + boxSize(c), 0) : box.payload.length);
}

/** The boxes' bytes, one after another (copied once: fresh memory is slow to fill on small machines). */
export function serializeBoxes(boxes: Box[]): Buffer {
  const bytes = Buffer.allocUnsafe(boxes.reduce((n, b) => n + boxSize(b), 0));
  const write = (box: Box, at: number): number => {
    const size = boxSize(box);
    bytes.writeUInt32BE(size, at);
    bytes.write(box.type, at + 4, 4, 'latin1');
    if (!box.children) bytes.set(box.payload, at + 8);
    else box.children.reduce((next, c) => write(c, next), at + 8);
    return at + size;
  };
  boxes.reduce((at, b) => write(b, at), 0);
  return bytes;
}

export function boxHeader(type: string, payloadBytes: number): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payloadBytes, 0);
  header.write(type, 4, 'latin1');
  return header;
}

/** The only child of this type, following `types` down from `box`; undefined when missing or not unique. */
export function only(box: Box | undefined, ...types: string[]): Box | undefined {
  for (const type of types) {
    const found = box?.children?.filter((c) => c.type === type);
    if (found?.length !== 1) return undefined;
    box = found[0];
  }
  return box;
}

/** A full box (version 0, no flags) of 32-bit fields: `fields`, then `more` (a table, not spread into an array). */
export function fullBox(type: string, fields: ArrayLike<number>, more: ArrayLike<number> = []): Box {
  const payload = Buffer.alloc(4 + 4 * (fields.length + more.length));
  const view = new DataView(payload.buffer, payload.byteOffset, payload.length);
  for (let i = 0; i < fields.length; i++) view.setUint32(4 + 4 * i, fields[i]!);
  for (let i = 0, at = 4 + 4 * fields.length; i < more.length; i++, at += 4) view.setUint32(at, more[i]!);
  return { type, payload };
}

/** Where a full box's 32-bit (version 0) or 64-bit (version 1) time field sits, and its version. */
export interface TimeField {
  at: number;
  wide: boolean;
}

/** The duration field of mvhd, tkhd or mdhd, by the box's version; undefined for an unknown version. */
export function durationField(box: Box): TimeField | undefined {
  const version = box.payload[0];
  const [v0, v1] = box.type === 'tkhd' ? [20, 28] : [16, 24];
  return version === 0 ? { at: v0, wide: false } : version === 1 ? { at: v1, wide: true } : undefined;
}

/** The timescale of mvhd or mdhd. */
export function timescaleOf(box: Box): number {
  return box.payload.readUInt32BE(box.payload[0] === 1 ? 20 : 12);
}

export function readTime(box: Box, field: TimeField): number {
  return field.wide ? Number(box.payload.readBigUInt64BE(field.at)) : box.payload.readUInt32BE(field.at);
}

/** A copy of the box with the field set; undefined when the value does not fit it. */
export function withTime(box: Box, field: TimeField, value: number): Box | undefined {
  if (!Number.isSafeInteger(value) || value < 0 || (!field.wide && value > 0xffffffff)) return undefined;
  const payload = Buffer.from(box.payload);
  if (field.wide) payload.writeBigUInt64BE(BigInt(value), field.at);
  else payload.writeUInt32BE(value, field.at);
  return { type: box.type, payload };
}
