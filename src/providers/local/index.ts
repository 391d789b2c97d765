// The local provider: eSpeak NG, offline and free. Word and sentence times are the
// engine's own events; a word stops where the engine's next pause (or word) begins.
import type { SpeechAudio, SpeechMark } from '../../types.js';
import type { ProviderCapabilities, SpeechRequest, TtsProvider } from '../provider.js';
import { closeEspeak, espeakEngine, espeakSynthesize, espeakVoices, type EspeakEvent, type EspeakVoice } from './espeak.js';
import type { VoiceProfile } from '../../config/voices.js';
import { NarrateError } from '../../errors.js';

export const LOCAL_CAPABILITIES: ProviderCapabilities = {
  // eSpeak NG has no request limit; a paragraph-sized request keeps the cache fine-grained.
  maxRequestChars: 6000,
  maxBilledChars: 3000,
  ssmlTags: new Set(['break', 'say-as', 'sub', 'emphasis', 'prosody', 's', 'p', 'mark']),
  wordMarks: true,
  sentenceMarks: true,
  // Requests in flight: the one engine thread (espeak-host.ts) speaks them one at a time;
  // a second one waits in its queue, so the engine never idles between segments.
  concurrency: 2,
  inlineEspeakPhonemes: true,
  letterSpelling: 'dotted',
  // eSpeak NG reads a lone "s" after spelled letters as the letter.
  readsPluralInitialisms: false,
};

export function createLocalProvider(options: { onNote?: (message: string) => void } = {}): TtsProvider {
  // Which engine speaks (the system library, or the WebAssembly build) is decided once, here.
  const engine = espeakEngine();
  if (engine.fallback) options.onNote?.(engine.fallback);
  // Start loading the engine now, in its worker, while the script is being parsed.
  const voicesReady = espeakVoices();
  voicesReady.catch(() => {}); // reported by prepare()
  return {
    name: 'local',
    capabilities: () => LOCAL_CAPABILITIES,
    engineVersion: () => engine.version,
    describeEngine: () => engine.description,
    prepare: async (voices) => checkEspeakVoices(voices, await voicesReady),
    synthesize: async (request: SpeechRequest, signal?: AbortSignal): Promise<SpeechAudio> => {
      const out = await espeakSynthesize(request.ssml, request.voice.local, signal);
      return { pcm: out.pcm, sampleRate: out.sampleRate, marks: marksFromEvents(request.ssml, out.events) };
    },
    close: closeEspeak,
  };
}

/**
 * eSpeak NG's set_voice reports success for a name it does not have and speaks with
 * its default voice, so names are checked against the engine's own list.
 */
export function checkEspeakVoices(voices: VoiceProfile[], available: EspeakVoice[]): void {
  const known = new Set(available.map((v) => v.identifier.split('/').pop()!.toLowerCase()));
  for (const v of voices) {
    if (!known.has(v.local.voice.toLowerCase())) {
      throw new NarrateError(`voice "${v.name}": eSpeak NG has no voice "${v.local.voice}". Pick one from "npx narrate voices --provider local"`);
    }
  }
}

export function marksFromEvents(ssml: string, events: EspeakEvent[]): SpeechMark[] {
  const toUtf16 = codePointOffsets(ssml);
  const at = (position: number) => toUtf16[Math.max(0, Math.min(position - 1, toUtf16.length - 1))]!;
  const marks: SpeechMark[] = [];
  events.forEach((e, i) => {
    if (e.type === 'sentence') marks.push({ type: 'sentence', timeMs: e.audio_position, start: at(e.text_position) });
    if (e.type === 'mark') marks.push({ type: 'mark', timeMs: e.audio_position, value: String(e.id) });
    if (e.type === 'word') {
      const start = at(e.text_position);
      marks.push({ type: 'word', timeMs: e.audio_position, endMs: wordEnd(events, i), start, end: start + Math.max(1, e.word_length) });
    }
  });
  return marks;
}

/** The first pause phoneme or next word after word event i: where the word stops sounding. */
function wordEnd(events: EspeakEvent[], i: number): number {
  const start = events[i]!.audio_position;
  let sawPhoneme = false;
  for (let j = i + 1; j < events.length; j++) {
    const e = events[j]!;
    if (e.type === 'word' || e.type === 'end' || e.type === 'sentence') return Math.max(start, e.audio_position);
    if (e.type !== 'phoneme') continue;
    const silent = String(e.id ?? '').trim() === '';
    if (silent && sawPhoneme) return Math.max(start, e.audio_position);
    if (!silent) sawPhoneme = true;
  }
  return start;
}

/** UTF-16 offset of each code point, because eSpeak counts positions in code points. */
function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    offsets.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  offsets.push(text.length);
  return offsets;
}
