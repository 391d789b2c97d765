// Linear resampling, used only when one book mixes engines of different rates.
export function resampleLinear(pcm: Int16Array, from: number, to: number): Int16Array {
  if (from === to) return pcm;
  const out = new Int16Array(Math.round((pcm.length * to) / from));
  const step = from / to;
  for (let i = 0; i < out.length; i++) {
    const x = i * step;
    const a = Math.floor(x);
    const b = Math.min(a + 1, pcm.length - 1);
    out[i] = Math.round(pcm[a]! + (pcm[b]! - pcm[a]!) * (x - a));
  }
  return out;
}
