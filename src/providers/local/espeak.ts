// The one place that touches eSpeak NG. We use its WebAssembly build from npm
// because it ships the engine (no system install) and, unlike the native CLI,
// reports word and sentence events with their audio positions.
import { createRequire } from 'node:module';
import { NarrateError } from '../../errors.js';

export interface EspeakEvent {
  type: 'word' | 'sentence' | 'mark' | 'phoneme' | 'end' | 'play' | 'samplerate' | 'msg_terminated' | 'list_terminated';
  /** 1-based index into the input, counted in Unicode code points. */
  text_position: number;
  word_length: number;
  /** Milliseconds into this call's output. */
  audio_position: number;
  id?: string | number;
}

interface EspeakWorker {
  set_voice(name: string, lang: string): number;
  set_rate(wpm: number): void;
  set_pitch(pitch: number): void;
  readonly samplerate: number;
  synthesize(text: string, cb: (samples: Int16Array, events: EspeakEvent[]) => number): void;
  synthesize_and_get_phonemes(text: string, cb: (samples: Int16Array, events: EspeakEvent[]) => number): string;
  list_voices(): Array<{ name: string; identifier: string; languages: Array<{ name: string }> }>;
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

const PACKAGE = '@echogarden/espeak-ng-emscripten';
let workerPromise: Promise<EspeakWorker> | undefined;

async function loadWorker(): Promise<EspeakWorker> {
  let factory: () => Promise<{ eSpeakNGWorker: new () => EspeakWorker }>;
  try {
    factory = (await import(PACKAGE)).default;
  } catch {
    throw notInstalled();
  }
  const module = await factory();
  const worker = new module.eSpeakNGWorker();
  // A fresh engine pads its first utterance with extra leading silence; speaking once
  // here makes every real segment's audio the same whichever instance speaks it.
  worker.synthesize('.', () => 0);
  return worker;
}

function worker(): Promise<EspeakWorker> {
  workerPromise ??= loadWorker();
  return workerPromise;
}

function notInstalled(): NarrateError {
  return new NarrateError(`eSpeak NG, the local voice, is not installed (npm package ${PACKAGE} is missing). Reinstall narrate (npm install), or run "npm ci" in its folder`);
}

export function espeakVersion(): string {
  const require = createRequire(import.meta.url);
  try {
    return `espeak-ng-emscripten@${(require(`${PACKAGE}/package.json`) as { version: string }).version}`;
  } catch {
    throw notInstalled();
  }
}

async function configured(settings: EspeakSettings): Promise<EspeakWorker> {
  const w = await worker();
  if (w.set_voice(settings.voice, '') !== 0) {
    throw new Error(`eSpeak NG has no voice "${settings.voice}". List them with "npx narrate voices --provider local"`);
  }
  w.set_rate(settings.rate);
  w.set_pitch(settings.pitch);
  return w;
}

/** Speaks SSML (or plain text) and returns all the audio with every event the engine raised. */
export async function espeakSynthesize(input: string, settings: EspeakSettings): Promise<EspeakOutput> {
  const w = await configured(settings);
  const chunks: Int16Array[] = [];
  const events: EspeakEvent[] = [];
  w.synthesize(input, (samples, chunkEvents) => {
    chunks.push(samples);
    events.push(...chunkEvents);
    return 0;
  });
  return { pcm: concatInt16(chunks), sampleRate: w.samplerate, events };
}

/** The IPA phonemes eSpeak NG actually speaks for the input (words separated by spaces). */
export async function espeakPhonemes(input: string, settings: EspeakSettings): Promise<string> {
  const w = await configured(settings);
  return w.synthesize_and_get_phonemes(input, () => 0).trim();
}

export interface EspeakVoice {
  identifier: string;
  name: string;
  languages: string[];
}

export async function espeakVoices(): Promise<EspeakVoice[]> {
  const w = await worker();
  return w.list_voices().map((v) => ({ identifier: v.identifier, name: v.name, languages: v.languages.map((l) => l.name) }));
}

function concatInt16(chunks: Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
