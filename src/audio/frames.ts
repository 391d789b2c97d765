// Chapter-sized pieces of AAC and MP3 that join by stream copy with no gap and no
// shift. Each chapter is encoded on its own and the encoded chapters are later
// concatenated without decoding. A decoder that plays the joined stream trims the
// encoder delay only once, at the very start, so every later chapter's delay and
// end padding stays in the audio. Two rules make that exact and inaudible:
//
// 1. Every chapter fills a slot that is a whole number of SLOT_SAMPLES, a common
//    multiple of the AAC frame (1024) and both MP3 frames (1152, and 576 below
//    32 kHz). Each encoder is fed `slot - FED_SHORTFALL` samples, chosen so that
//    delay + fed samples + end padding is exactly `slot`: the joined stream then
//    plays chapter k at the sum of the slots before it, in both formats alike.
// 2. A slot ends in at least MIN_TAIL samples of silence (part of the pause after
//    the chapter), so the samples an encoder drops or adds at the join are silent.
import type { AudioFormat } from './ffmpeg.js';

/** lcm(1024, 1152, 576): whole frames of every codec we write. */
export const SLOT_SAMPLES = 9216;

/** Samples in one AAC-LC frame. */
export const AAC_FRAME_SAMPLES = 1024;

/** Samples ffmpeg's AAC encoder puts before the audio (priming); the MP4 edit list trims them once. */
export const AAC_PRIMING = 1024;

/**
 * Samples each encoder is fed less than the slot. AAC: 1024 priming + 512 padding
 * (ffmpeg emits ceil((n + 1024) / 1024) frames). MP3: LAME's 1105-sample delay +
 * 335 padding, the middle of the range in which LAME emits exactly slot / frame frames.
 */
export const FED_SHORTFALL: Record<AudioFormat, number> = { m4b: 1536, mp3: 1440 };

/** Silence every slot ends with: more than any shortfall, so only silence is dropped at a join. */
export const MIN_TAIL = 2304;

/**
 * The slot of a chapter whose speech ends `speechSamples` into it and that asks for
 * `pauseSamples` of silence after: the nearest whole slot, keeping at least MIN_TAIL of silence.
 * The pause after a chapter therefore differs from the asked one by at most half a slot.
 */
export function chapterSlot(speechSamples: number, pauseSamples: number): number {
  const nearest = Math.round((speechSamples + pauseSamples) / SLOT_SAMPLES) * SLOT_SAMPLES;
  if (nearest - speechSamples >= MIN_TAIL) return nearest;
  return Math.ceil((speechSamples + MIN_TAIL) / SLOT_SAMPLES) * SLOT_SAMPLES;
}
