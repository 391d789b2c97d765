// What both eSpeak NG engines (the system library and the WebAssembly build) give and take.

export interface EspeakEvent {
  type: 'word' | 'sentence' | 'mark' | 'phoneme' | 'end' | 'play' | 'samplerate' | 'msg_terminated' | 'list_terminated';
  /** 1-based index into the input, counted in Unicode code points (both engines). */
  text_position: number;
  word_length: number;
  /** Milliseconds into this call's output. */
  audio_position: number;
  id?: string | number;
}

export interface EspeakSettings {
  voice: string;
  rate: number;
  pitch: number;
}

export interface EspeakOutput {
  pcm: Int16Array;
  sampleRate: number;
  events: EspeakEvent[];
}

export interface EspeakVoice {
  identifier: string;
  name: string;
  languages: string[];
}

/** One loaded engine; it lives in the engine's worker thread and is called one job at a time. */
export interface EspeakEngineCore {
  /** Speaks SSML (or plain text); stops early once `cancelled()` turns true. */
  synthesize(input: string, settings: EspeakSettings, cancelled: () => boolean): EspeakOutput;
  /** The IPA phonemes the engine speaks for the input, words separated by spaces. */
  phonemes(input: string, settings: EspeakSettings): string;
  voices(): EspeakVoice[];
}

/** Slots of the Int32Array the host (main thread) shares with the engine's worker thread. */
export const SHARED = {
  /** The id of the job the main thread gave up on: its synthesis stops at the next audio buffer. */
  cancel: 0,
  /** 1 while the worker thread is inside the engine: the main thread must not end it then. */
  busy: 1,
  /** Set by the main thread when the process must exit now: every synthesis stops, none starts. */
  halt: 2,
  length: 3,
} as const;

export function concatInt16(chunks: Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
