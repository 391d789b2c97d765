// Finds when sound starts and stops in decoded audio, in 5 ms frames, so cue
// times can be checked against what a listener actually hears.
import { rms } from '../support/decode.js';

const FRAME_MS = 5;
const SOUND_LEVEL = 300;

export class HeardAudio {
  constructor(
    private readonly pcm: Int16Array,
    private readonly sampleRate: number,
  ) {}

  sounding(atMs: number): boolean {
    return rms(this.pcm, this.sampleRate, atMs, atMs + FRAME_MS) > SOUND_LEVEL;
  }

  /** The first moment sound begins after a silence, searching [fromMs, toMs). */
  onsetAfter(fromMs: number, toMs: number): number | undefined {
    let t = fromMs;
    while (t < toMs && this.sounding(t)) t += FRAME_MS;
    while (t < toMs && !this.sounding(t)) t += FRAME_MS;
    return t < toMs ? t : undefined;
  }

  /** Where the last sound in [fromMs, toMs) stops. */
  lastSoundEnd(fromMs: number, toMs: number): number | undefined {
    for (let t = toMs - FRAME_MS; t >= fromMs; t -= FRAME_MS) if (this.sounding(t)) return t + FRAME_MS;
    return undefined;
  }
}

export interface HeardTiming {
  startError: number;
  endError: number;
}

/** Each cue's start against the onset of its first word, its end against where its last word stops. */
export function heardTimings(audio: HeardAudio, cues: ReadonlyArray<{ startMs: number; endMs: number }>): HeardTiming[] {
  return cues.map((cue, i) => {
    const onset = audio.onsetAfter(cue.startMs - 90, cue.startMs + 500);
    const nextStart = cues[i + 1]?.startMs ?? Infinity;
    const stop = audio.lastSoundEnd(cue.startMs, Math.min(cue.endMs + 20, nextStart - 10));
    return { startError: onset === undefined ? NaN : cue.startMs - onset, endError: stop === undefined ? NaN : cue.endMs - stop };
  });
}
