// A chapter's AAC is encoded in parts side by side and the parts' frames concatenated.
// Decoding the result must put every sound exactly where a single encoder would have:
// each tone starts at its place (to the sample frame), the pauses where the parts were
// cut stay silent, and the file holds exactly the chapter's frames.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AacPartsEncoder, PartSlots } from '../../src/audio/aac-parts.js';
import { AAC_PRIMING, chapterSlot } from '../../src/audio/frames.js';
import { decodeToPcm } from '../support/decode.js';

const RATE = 22_050;
const TONE_SAMPLES = 3 * RATE;
// Pauses of uneven lengths, so the cuts fall at different places in an AAC frame.
const PAUSES = [19_845, 8_820, 30_000, 4_000, 19_845, 12_345, 19_845, 6_000, 25_000];

function tone(samples: number, seed: number): Int16Array {
  const out = new Int16Array(samples);
  for (let i = 0; i < samples; i++) out[i] = Math.round(8000 * Math.sin((2 * Math.PI * (300 + 40 * seed) * i) / RATE));
  return out;
}

function onset(pcm: Int16Array, from: number): number {
  for (let i = Math.max(0, from); i < pcm.length; i++) if (Math.abs(pcm[i]!) > 1500) return i;
  return -1;
}

function peak(pcm: Int16Array, from: number, to: number): number {
  let max = 0;
  for (let i = Math.max(0, from); i < Math.min(pcm.length, to); i++) max = Math.max(max, Math.abs(pcm[i]!));
  return max;
}

describe('AAC in parts', () => {
  it('plays every tone where one encoder would, with silent cuts', async () => {
    const outPath = join(await mkdtemp(join(tmpdir(), 'narrate-aac-test-')), 'chapter.aac');
    const encoder = new AacPartsEncoder({ outPath, sampleRate: RATE, bitrate: 64, slots: new PartSlots(2), signal: new AbortController().signal, partSeconds: 5 });
    const starts: number[] = [];
    let position = 0;
    for (const [i, pause] of [...PAUSES, 0].entries()) {
      starts.push(position);
      await encoder.write(tone(TONE_SAMPLES, i));
      position += TONE_SAMPLES;
      if (i === PAUSES.length) break;
      await encoder.pause(pause);
      position += pause;
    }
    const slot = chapterSlot(position, RATE);
    encoder.finish(slot - position);
    await encoder.done;
    expect(encoder.partCount).toBeGreaterThanOrEqual(4);

    // Raw ADTS keeps the encoder's priming: every sample sits AAC_PRIMING later than fed.
    const pcm = await decodeToPcm(outPath, RATE);
    // The chapter fills its slot exactly: priming, the fed samples, padding.
    expect(pcm.length).toBe(slot);
    for (const [i, start] of starts.entries()) {
      const at = start + AAC_PRIMING;
      expect(Math.abs(onset(pcm, at - 2000) - at), `onset of tone ${i}`).toBeLessThanOrEqual(32);
      if (i === 0) continue;
      const previousEnd = starts[i - 1]! + TONE_SAMPLES + AAC_PRIMING;
      expect(peak(pcm, previousEnd + 300, at - 100), `pause before tone ${i}`).toBeLessThan(200);
    }
  });
});
