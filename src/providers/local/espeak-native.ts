// The one place that touches the system's eSpeak NG library (libespeak-ng, the apt
// package espeak-ng), called in-process through the FFI library koffi. It speaks about
// five times faster than the WebAssembly build. The library keeps global state, so a
// process runs one engine, in one worker thread (espeak-host.ts): only `probeNativeEspeak`
// runs on the main thread, and it touches no engine state.
import { createRequire } from 'node:module';
import { NarrateError } from '../../errors.js';
import { concatInt16, type EspeakEngineCore, type EspeakEvent, type EspeakOutput, type EspeakSettings, type EspeakVoice } from './espeak-types.js';

type Koffi = typeof import('koffi');
type Pointer = bigint;

/** The library's file name on Debian and Ubuntu; NARRATE_ESPEAK_LIBRARY names another. */
export const DEFAULT_NATIVE_LIBRARY = 'libespeak-ng.so.1';

// speak_lib.h (API revision 12)
const AUDIO_OUTPUT_SYNCHRONOUS = 2;
const POS_CHARACTER = 1;
const espeakCHARS_UTF8 = 1;
const espeakSSML = 0x10;
const espeakPHONEMES = 0x100;
const INITIALIZE_PHONEME_EVENTS = 0x1;
const INITIALIZE_PHONEME_IPA = 0x2;
const INITIALIZE_DONT_EXIT = 0x8000;
const espeakRATE = 1;
const espeakPITCH = 3;
const PHONEMES_IPA = 0x2;
/** Milliseconds of audio per callback. */
const BUFFER_MS = 100;

// espeak_EVENT on LP64: type, unique_identifier, text_position, length, audio_position,
// sample (int each), user_data (pointer at 24), id (8-byte union at 32); 40 bytes.
const EVENT_SIZE = 40;
const EVENT_TYPES: EspeakEvent['type'][] = ['list_terminated', 'word', 'sentence', 'mark', 'play', 'end', 'msg_terminated', 'phoneme', 'samplerate'];
// espeak_VOICE: name, languages, identifier (pointers), gender, age, variant, xx1, score, spare.
const VOICE_LANGUAGES = 8;
const VOICE_IDENTIFIER = 16;

function loadKoffi(): Koffi {
  return createRequire(import.meta.url)('koffi') as Koffi;
}

export type NativeProbe = { ok: true; version: string; library: string } | { ok: false; reason: string };

/** Whether the library loads, and its version; starts no engine. */
export function probeNativeEspeak(library: string): NativeProbe {
  let koffi: Koffi;
  try {
    koffi = loadKoffi();
  } catch (e) {
    return { ok: false, reason: `the FFI package koffi did not load (${firstLine(e)})` };
  }
  try {
    const lib = koffi.load(library);
    const info = lib.func('const char *espeak_Info(void *path_data)');
    return { ok: true, version: String(info(null)), library };
  } catch (e) {
    return { ok: false, reason: `${library} did not load (${firstLine(e)})` };
  }
}

function firstLine(e: unknown): string {
  return String((e as Error).message ?? e).split('\n')[0]!;
}

/** Loads and initializes the engine: call once per process, in the engine's worker thread. */
export function startNativeEspeak(library: string): EspeakEngineCore {
  const koffi = loadKoffi();
  const lib = koffi.load(library);
  const callbackType = koffi.proto('int narrate_espeak_synth_cb(void *wav, int numsamples, void *events)');
  const initialize = lib.func('int espeak_Initialize(int output, int buflength, const char *path, int options)');
  const setSynthCallback = lib.func('void espeak_SetSynthCallback(narrate_espeak_synth_cb *cb)');
  const synth = lib.func('int espeak_Synth(const char *text, size_t size, unsigned int position, int position_type, unsigned int end_position, unsigned int flags, void *unique_identifier, void *user_data)');
  const setVoiceByName = lib.func('int espeak_SetVoiceByName(const char *name)');
  const setParameter = lib.func('int espeak_SetParameter(int parameter, int value, int relative)');
  const listVoices = lib.func('void *espeak_ListVoices(void *voice_spec)');
  const setPhonemeTrace = lib.func('void espeak_SetPhonemeTrace(int phonememode, void *stream)');
  const libc = koffi.load('libc.so.6');
  const openMemstream = libc.func('void *open_memstream(void *ptr, void *sizeloc)');
  const fclose = libc.func('int fclose(void *stream)');
  const free = libc.func('void free(void *ptr)');

  const sampleRate = initialize(AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS, null, INITIALIZE_PHONEME_EVENTS | INITIALIZE_PHONEME_IPA | INITIALIZE_DONT_EXIT) as number;
  if (sampleRate <= 0) throw new NarrateError(`eSpeak NG (${library}) did not start: its data folder (espeak-ng-data) is missing. Reinstall the apt package espeak-ng, or set NARRATE_ESPEAK=wasm`);

  // The callback of the call in progress; espeak_Synth calls it synchronously, on this thread.
  let onAudio: (wav: Pointer | null, samples: number, events: Pointer) => number = () => 0;
  const callback = koffi.register((wav: Pointer | null, samples: number, events: Pointer) => onAudio(wav, samples, events), koffi.pointer(callbackType));
  setSynthCallback(callback);

  const configure = (settings: EspeakSettings) => {
    if (setVoiceByName(settings.voice) !== 0) throw new NarrateError(`eSpeak NG has no voice "${settings.voice}". List them with "npx narrate voices --provider local"`);
    setParameter(espeakRATE, settings.rate, 0);
    setParameter(espeakPITCH, settings.pitch, 0);
  };
  const speak = (input: string) => {
    const text = Buffer.from(`${input}\0`, 'utf8');
    synth(text, text.length, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakSSML | espeakPHONEMES, null, null);
  };

  const engine: EspeakEngineCore = {
    synthesize(input: string, settings: EspeakSettings, cancelled: () => boolean): EspeakOutput {
      configure(settings);
      const chunks: Int16Array[] = [];
      const events: EspeakEvent[] = [];
      onAudio = (wav, samples, list) => {
        if (wav !== null && samples > 0) chunks.push(new Int16Array(koffi.view(wav, samples * 2).slice(0)));
        readEvents(koffi, list, events);
        return cancelled() ? 1 : 0;
      };
      try {
        speak(input);
      } finally {
        onAudio = () => 0;
      }
      return { pcm: concatInt16(chunks), sampleRate, events };
    },

    phonemes(input: string, settings: EspeakSettings): string {
      configure(settings);
      // The phoneme trace (IPA, words separated by spaces) goes to a FILE* in memory.
      const bufferCell = koffi.alloc('void *', 1);
      const sizeCell = koffi.alloc('size_t', 1);
      const stream = openMemstream(bufferCell, sizeCell);
      if (stream === null) throw new Error('eSpeak NG: no memory for the phoneme trace');
      try {
        setPhonemeTrace(PHONEMES_IPA, stream);
        speak(input);
      } finally {
        setPhonemeTrace(0, null);
        fclose(stream);
      }
      const buffer = koffi.decode(bufferCell, 'void *') as Pointer;
      const size = Number(koffi.decode(sizeCell, 'size_t'));
      const trace = size > 0 ? (koffi.decode(buffer, 'char', size) as string) : '';
      free(buffer);
      koffi.free(bufferCell);
      koffi.free(sizeCell);
      return trace.split(/\s+/).filter(Boolean).join(' ');
    },

    voices(): EspeakVoice[] {
      const list = listVoices(null) as Pointer;
      const voices: EspeakVoice[] = [];
      for (let i = 0; ; i++) {
        const voice = koffi.decode(list, i * 8, 'void *') as Pointer | null;
        if (voice === null) break;
        const name = koffi.decode(voice, 0, 'const char *') as string;
        const identifier = koffi.decode(voice, VOICE_IDENTIFIER, 'const char *') as string;
        voices.push({ name, identifier, languages: readLanguages(koffi, koffi.decode(voice, VOICE_LANGUAGES, 'void *') as Pointer) });
      }
      return voices;
    },
  };
  // A fresh engine may pad its first utterance; speaking once makes every segment alike.
  engine.synthesize('.', { voice: 'en-us', rate: 175, pitch: 50 }, () => false);
  return engine;
}

function readEvents(koffi: Koffi, list: Pointer, into: EspeakEvent[]): void {
  for (let i = 0; ; i++) {
    const fields = new Int32Array(koffi.view(list + BigInt(i * EVENT_SIZE), EVENT_SIZE).slice(0));
    const code = fields[0]!;
    if (code === 0) return;
    const type = EVENT_TYPES[code] ?? 'end';
    const event: EspeakEvent = { type, text_position: fields[2]!, word_length: fields[3]!, audio_position: fields[4]! };
    if (type === 'word' || type === 'sentence') event.id = fields[8]!;
    else if (type === 'phoneme') event.id = decodeName(new Uint8Array(fields.buffer, 32, 8));
    else if (type === 'mark' || type === 'play') event.id = koffi.decode(list, i * EVENT_SIZE + 32, 'const char *') as string;
    into.push(event);
  }
}

/** A phoneme name: up to 8 bytes of UTF-8, ended by a zero byte unless it fills all 8. */
function decodeName(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString('utf8');
}

/** espeak_VOICE.languages: (priority byte, NUL-terminated name) pairs, ended by a zero byte. */
function readLanguages(koffi: Koffi, at: Pointer): string[] {
  const languages: string[] = [];
  let offset = 0;
  while (koffi.decode.uint8(at + BigInt(offset)) !== 0) {
    const name = koffi.decode.string(at + BigInt(offset + 1));
    languages.push(name);
    offset += 2 + Buffer.byteLength(name, 'utf8');
  }
  return languages;
}
