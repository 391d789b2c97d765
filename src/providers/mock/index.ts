// The mock provider: no engine, instant and deterministic. Every word lasts
// msPerChar per character and every mark is exact, so tests can check timing
// against known truth.
import { NarrateError } from '../../errors.js';
import { scanSsml, decodeEntities } from '../../ssml/scan.js';
import type { SpeechAudio, SpeechMark } from '../../types.js';
import type { ProviderCapabilities, SpeechRequest, TtsProvider } from '../provider.js';

export const MOCK_SAMPLE_RATE = 16_000;
const WORD_GAP_MS = 40;
const STRENGTH_MS: Record<string, number> = { none: 0, 'x-weak': 100, weak: 200, medium: 400, strong: 700, 'x-strong': 1200 };

const CAPABILITIES: ProviderCapabilities = {
  maxRequestChars: 6000,
  maxBilledChars: 3000,
  ssmlTags: new Set(['break', 'say-as', 'sub', 'emphasis', 'phoneme', 'prosody', 's', 'p', 'mark']),
  wordMarks: true,
  sentenceMarks: true,
  concurrency: 4,
  letterSpelling: 'say-as',
  readsPluralInitialisms: true,
};

export function createMockProvider(): TtsProvider {
  return {
    name: 'mock',
    capabilities: () => CAPABILITIES,
    engineVersion: () => 'mock@1',
    prepare: async () => {},
    synthesize: async (request: SpeechRequest) => mockSpeech(request.ssml, request.voice.mock.msPerChar),
    close: async () => {},
  };
}

/** Walks the SSML, giving each word a tone of fixed length per character. */
export function mockSpeech(ssml: string, msPerChar: number): SpeechAudio {
  const marks: SpeechMark[] = [];
  let ms = 0;
  const tones: Array<[number, number]> = [];
  let subAlias: string | undefined;
  for (const piece of scanSsml(ssml)) {
    if (piece.kind === 'open') {
      if (piece.name === 'break') ms += breakMs(piece.attrs);
      if (piece.name === 's') marks.push({ type: 'sentence', timeMs: ms, start: piece.end });
      if (piece.name === 'sub') subAlias = piece.attrs.alias;
      if (piece.name === 'mark') marks.push({ type: 'mark', timeMs: ms, value: piece.attrs.name });
      continue;
    }
    if (piece.kind === 'close') continue;
    for (const word of piece.text.matchAll(/\S+/g)) {
      const spoken = subAlias ?? decodeEntities(word[0]);
      subAlias = undefined;
      const length = Math.max(1, [...spoken].length) * msPerChar;
      const start = piece.start + word.index;
      marks.push({ type: 'word', timeMs: ms, endMs: ms + length, start, end: start + word[0].length, value: word[0] });
      tones.push([ms, ms + length]);
      ms += length + WORD_GAP_MS;
    }
  }
  if (ms > 10 * 60 * 60 * 1000) throw new NarrateError('mock: a segment longer than 10 hours');
  return { pcm: toneTrack(tones, ms), sampleRate: MOCK_SAMPLE_RATE, marks };
}

function breakMs(attrs: Record<string, string>): number {
  const time = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(attrs.time ?? '');
  if (time) return Math.round(Number(time[1]) * (time[2] === 's' ? 1000 : 1));
  return STRENGTH_MS[attrs.strength ?? 'medium'] ?? 400;
}

/** A quiet 220 Hz tone wherever a word sounds, silence elsewhere. */
function toneTrack(tones: Array<[number, number]>, totalMs: number): Int16Array {
  const rate = MOCK_SAMPLE_RATE;
  const pcm = new Int16Array(Math.round((totalMs * rate) / 1000));
  for (const [from, to] of tones) {
    const a = Math.round((from * rate) / 1000);
    const b = Math.min(pcm.length, Math.round((to * rate) / 1000));
    for (let i = a; i < b; i++) pcm[i] = Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / rate));
  }
  return pcm;
}
