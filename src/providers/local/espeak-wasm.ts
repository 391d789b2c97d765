// The one place that touches eSpeak NG's WebAssembly build (npm package
// @echogarden/espeak-ng-emscripten): the fallback engine when the system library is not
// installed. It ships the engine and reports word events like the library, but speaks
// about five times slower. Loaded in the engine's worker thread (espeak-host.ts).
import { createRequire } from 'node:module';
import { NarrateError } from '../../errors.js';
import { concatInt16, type EspeakEngineCore, type EspeakEvent, type EspeakSettings } from './espeak-types.js';

interface WasmWorker {
  set_voice(name: string, lang: string): number;
  set_rate(wpm: number): void;
  set_pitch(pitch: number): void;
  readonly samplerate: number;
  synthesize(text: string, cb: (samples: Int16Array, events: EspeakEvent[]) => number): void;
  list_voices(): Array<{ name: string; identifier: string; languages: Array<{ name: string }> }>;
}

export const WASM_PACKAGE = '@echogarden/espeak-ng-emscripten';

export function wasmNotInstalled(): NarrateError {
  return new NarrateError(`eSpeak NG, the local voice, is not installed (npm package ${WASM_PACKAGE} is missing). Reinstall narrate (npm install), or run "npm ci" in its folder`);
}

/** The package's version, read without loading the engine. */
export function wasmEspeakVersion(): string {
  try {
    return (createRequire(import.meta.url)(`${WASM_PACKAGE}/package.json`) as { version: string }).version;
  } catch {
    throw wasmNotInstalled();
  }
}

export async function startWasmEspeak(): Promise<EspeakEngineCore> {
  let factory: () => Promise<{ eSpeakNGWorker: new () => WasmWorker }>;
  try {
    factory = (await import(WASM_PACKAGE)).default;
  } catch {
    throw wasmNotInstalled();
  }
  const w = new (await factory()).eSpeakNGWorker();
  // A fresh engine pads its first utterance with extra leading silence; speaking once
  // here makes every real segment's audio the same.
  w.synthesize('.', () => 0);

  const configure = (settings: EspeakSettings) => {
    if (w.set_voice(settings.voice, '') !== 0) throw new NarrateError(`eSpeak NG has no voice "${settings.voice}". List them with "npx narrate voices --provider local"`);
    w.set_rate(settings.rate);
    w.set_pitch(settings.pitch);
  };
  const synthesize = (input: string, settings: EspeakSettings, cancelled: () => boolean) => {
    configure(settings);
    const chunks: Int16Array[] = [];
    const events: EspeakEvent[] = [];
    w.synthesize(input, (samples, chunkEvents) => {
      chunks.push(samples);
      events.push(...chunkEvents);
      return cancelled() ? 1 : 0;
    });
    return { pcm: concatInt16(chunks), sampleRate: w.samplerate, events };
  };
  return {
    synthesize,
    // This build names each phoneme with its stress in the phoneme events; grouped by word events.
    phonemes(input, settings) {
      const groups: string[] = [];
      let current = '';
      for (const event of synthesize(input, settings, () => false).events) {
        if (event.type === 'word') {
          if (current) groups.push(current);
          current = '';
        } else if (event.type === 'phoneme') {
          current += String(event.id ?? '').trim();
        }
      }
      if (current) groups.push(current);
      return groups.join(' ');
    },
    voices: () => w.list_voices().map((v) => ({ identifier: v.identifier, name: v.name, languages: v.languages.map((l) => l.name) })),
  };
}
