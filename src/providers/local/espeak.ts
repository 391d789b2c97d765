// eSpeak NG, the local voice, as the rest of narrate sees it. Two engines speak it: the
// system library (libespeak-ng from the apt package espeak-ng, espeak-native.ts), used
// when it loads, and otherwise the WebAssembly build shipped on npm (espeak-wasm.ts),
// about five times slower. NARRATE_ESPEAK=native|wasm forces one. Both run in one worker
// thread per process (espeak-host.ts); nothing here touches an engine on this thread.
import { NarrateError } from '../../errors.js';
import { DEFAULT_NATIVE_LIBRARY, probeNativeEspeak } from './espeak-native.js';
import { EspeakHost } from './espeak-host.js';
import { wasmEspeakVersion } from './espeak-wasm.js';
import type { EspeakOutput, EspeakSettings, EspeakVoice } from './espeak-types.js';

export type { EspeakEvent, EspeakOutput, EspeakSettings, EspeakVoice } from './espeak-types.js';

export interface EspeakEngine {
  kind: 'native' | 'wasm';
  /** Part of every segment's cache key: audio from one engine is never reused for the other. */
  version: string;
  /** For people: which engine, and where it comes from. */
  description: string;
  /** Why the faster system library is not used, when it was wanted but did not load. */
  fallback?: string;
  library: string;
}

let chosen: { key: string; engine: EspeakEngine } | undefined;

/** The engine this process speaks with (NARRATE_ESPEAK, NARRATE_ESPEAK_LIBRARY). */
export function espeakEngine(): EspeakEngine {
  const wanted = (process.env.NARRATE_ESPEAK ?? '').trim().toLowerCase() || 'auto';
  const library = process.env.NARRATE_ESPEAK_LIBRARY?.trim() || DEFAULT_NATIVE_LIBRARY;
  const key = `${wanted}\0${library}`;
  if (chosen?.key !== key) chosen = { key, engine: choose(wanted, library) };
  return chosen.engine;
}

function choose(wanted: string, library: string): EspeakEngine {
  if (!['auto', 'native', 'wasm'].includes(wanted)) {
    throw new NarrateError(`NARRATE_ESPEAK is "${process.env.NARRATE_ESPEAK}": use native (the system library), wasm (the WebAssembly build) or leave it unset`);
  }
  if (wanted !== 'wasm') {
    const probe = probeNativeEspeak(library);
    if (probe.ok) return { kind: 'native', version: `libespeak-ng@${probe.version}`, description: `eSpeak NG ${probe.version} (system library ${library})`, library };
    if (wanted === 'native') {
      throw new NarrateError(`NARRATE_ESPEAK=native, but eSpeak NG's library cannot be used: ${probe.reason}. Install the apt package espeak-ng (bash scripts/setup.sh does), or unset NARRATE_ESPEAK`);
    }
    return wasm(library, `eSpeak NG's system library is not used: ${probe.reason}. Speaking with its slower WebAssembly build; install the apt package espeak-ng (bash scripts/setup.sh does) for faster speech`);
  }
  return wasm(library);
}

function wasm(library: string, fallback?: string): EspeakEngine {
  const version = wasmEspeakVersion();
  return { kind: 'wasm', version: `espeak-ng-emscripten@${version}`, description: `eSpeak NG (WebAssembly build, npm package @echogarden/espeak-ng-emscripten ${version})`, fallback, library };
}

const hosts = new Map<string, EspeakHost>();

function host(): EspeakHost {
  const engine = espeakEngine();
  const key = `${engine.kind}\0${engine.library}`;
  let h = hosts.get(key);
  if (!h) hosts.set(key, (h = new EspeakHost(engine.kind, engine.library)));
  return h;
}

/** The engine version, for cache keys. */
export function espeakVersion(): string {
  return espeakEngine().version;
}

/** Speaks SSML (or plain text) and returns all the audio with every event the engine raised. */
export function espeakSynthesize(input: string, settings: EspeakSettings, signal?: AbortSignal): Promise<EspeakOutput> {
  return host().run({ kind: 'speak', input, settings }, signal);
}

/** The IPA phonemes eSpeak NG speaks for the input (SSML or text), words separated by spaces. */
export function espeakPhonemes(input: string, settings: EspeakSettings): Promise<string> {
  return host().run({ kind: 'phonemes', input, settings });
}

/** The voices the engine offers; the first call also starts the engine. */
export function espeakVoices(): Promise<EspeakVoice[]> {
  return host().run({ kind: 'voices' });
}

/** For a process about to call process.exit: see EspeakHost.haltNow. */
export function haltEspeakNow(): void {
  for (const h of hosts.values()) h.haltNow();
}

/** Stops the engine's thread (its memory goes with it); the next call starts it again. */
export async function closeEspeak(): Promise<void> {
  await Promise.all([...hosts.values()].map((h) => h.close()));
}
