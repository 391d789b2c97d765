// Mixed sample rates in one book are resampled by ffmpeg's resampler, which filters
// out what the new rate cannot carry; interpolation by hand would fold it back as a
// false tone (aliasing).
import { describe, expect, it } from 'vitest';
import { resamplePcm } from '../../src/audio/decode.js';

function tone(hz: number, rate: number, seconds: number): Int16Array {
  const pcm = new Int16Array(rate * seconds);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(10000 * Math.sin((2 * Math.PI * hz * i) / rate));
  return pcm;
}

function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const x of pcm) sum += x * x;
  return Math.sqrt(sum / pcm.length);
}

describe('resampling', () => {
  it('keeps a tone the new rate can carry, at the same level and length', async () => {
    const out = await resamplePcm(tone(440, 22050, 1), 22050, 16000);
    expect(Math.abs(out.length - 16000)).toBeLessThanOrEqual(16);
    expect(rms(out.subarray(800, 15000))).toBeGreaterThan(6500);
  });

  it('removes a tone above the new Nyquist frequency instead of folding it back', async () => {
    // 10 kHz at 22.05 kHz → 16 kHz: nothing above 8 kHz can remain.
    const out = await resamplePcm(tone(10_000, 22050, 1), 22050, 16000);
    expect(rms(out.subarray(800, 15000))).toBeLessThan(300);
  });

  it('returns the samples untouched when the rates agree', async () => {
    const pcm = tone(440, 16000, 1);
    expect(await resamplePcm(pcm, 16000, 16000)).toBe(pcm);
  });
});
