// Polly's speech marks → our SpeechMark. Polly gives `start`/`end` as byte offsets
// into the UTF-8 of the text it was sent; we hand on UTF-16 offsets into the same
// string, so é, curly quotes and emoji do not shift every later word.
import type { SpeechMark } from '../../types.js';

export interface PollyMark {
  time: number;
  type: 'sentence' | 'word' | 'viseme' | 'ssml';
  start?: number;
  end?: number;
  value?: string;
}

export function parseMarkLines(jsonLines: string): PollyMark[] {
  return jsonLines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PollyMark);
}

/**
 * byteToUtf16[b] is the UTF-16 index of the character holding UTF-8 byte b
 * (b may equal the byte length, mapping to the string's end).
 */
export function utf8ToUtf16Offsets(text: string): Uint32Array {
  const map = new Uint32Array(Buffer.byteLength(text, 'utf8') + 1);
  let byte = 0;
  let unit = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    map.fill(unit, byte, byte + bytes);
    byte += bytes;
    unit += ch.length;
  }
  map[byte] = unit;
  return map;
}

/**
 * Converts Polly's marks for `sentText`. A word ends where Polly's next "sil" viseme
 * says speech stops, if that comes before the next word; otherwise at the next word's
 * start, or the audio's end for the last word.
 */
export function toSpeechMarks(marks: PollyMark[], sentText: string, audioMs: number): SpeechMark[] {
  const offsets = utf8ToUtf16Offsets(sentText);
  const at = (byte: number | undefined) => (byte === undefined ? undefined : offsets[Math.min(Math.max(byte, 0), offsets.length - 1)]);
  const silences = marks.filter((m) => m.type === 'viseme' && m.value === 'sil').map((m) => m.time);
  const words = marks.filter((m) => m.type === 'word');
  const out: SpeechMark[] = [];
  for (const m of marks) {
    if (m.type === 'ssml') out.push({ type: 'mark', timeMs: m.time, value: m.value });
    if (m.type === 'sentence') out.push({ type: 'sentence', timeMs: m.time, start: at(m.start), end: at(m.end), value: m.value });
    if (m.type !== 'word') continue;
    const next = words[words.indexOf(m) + 1]?.time ?? audioMs;
    const silence = silences.find((t) => t > m.time && t < next);
    out.push({ type: 'word', timeMs: m.time, endMs: Math.max(m.time, silence ?? next), start: at(m.start), end: at(m.end), value: m.value });
  }
  return out;
}
