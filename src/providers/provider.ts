// The one interface every TTS engine sits behind. A provider takes one segment's
// SSML and returns PCM plus timing marks; it declares what it can do so the
// segments and SSML stages can fit the request to it before anything is sent.
import type { SpeechAudio } from '../types.js';
import type { VoiceProfile } from '../config/voices.js';

export type ProviderName = 'local' | 'mock' | 'polly';

/** SSML elements a provider may accept, besides <speak>. */
export type SsmlTag = 'break' | 'say-as' | 'sub' | 'emphasis' | 'phoneme' | 'prosody' | 's' | 'p' | 'mark' | 'lang' | 'w';

/** How an engine best says a word letter by letter ("FBI"): SSML say-as characters,
 * dotted capitals ("F.B.I", which eSpeak NG spells without the pauses and the spoken
 * "dot" its say-as brings), or spaced capitals ("F B I"). */
export type LetterSpelling = 'say-as' | 'dotted' | 'spaced';

/** What the speech-text stage needs to know about an engine to choose words for it. */
export interface SpeakingCapabilities {
  letterSpelling: LetterSpelling;
  /** The engine says a plural initialism ("CEOs") right as written; otherwise it gets letter-name phonemes. */
  readsPluralInitialisms: boolean;
  /** eSpeak NG reads IPA <phoneme> entries only as its own inline [[…]] phoneme codes. */
  inlineEspeakPhonemes?: boolean;
}

export interface ProviderCapabilities extends SpeakingCapabilities {
  /** Longest SSML document (tags included) one request may carry. */
  maxRequestChars: number;
  /** Most billed characters (text without tags) in one request. */
  maxBilledChars: number;
  ssmlTags: ReadonlySet<SsmlTag>;
  /** True when the engine reports where each word starts. */
  wordMarks: boolean;
  /** True when the engine reports sentence starts; without it segments hold one sentence each. */
  sentenceMarks: boolean;
  /** How many requests the speech stage may have in flight at once. */
  concurrency: number;
}

export interface SpeechRequest {
  segmentId: string;
  ssml: string;
  voice: VoiceProfile;
}

export interface CostEstimate {
  /** Human-readable lines for --dry-run. */
  lines: string[];
  usd: number;
}

export interface TtsProvider {
  readonly name: ProviderName;
  capabilities(voice: VoiceProfile): ProviderCapabilities;
  /** Identifies the engine build; part of every cache key so an upgrade re-synthesizes. */
  engineVersion(): string;
  /** Which engine speaks, for people (--dry-run, manifest.json), when a provider has more than one. */
  describeEngine?(): string;
  /** Checks every voice the book uses before anything is synthesized or billed. */
  prepare(voices: VoiceProfile[]): Promise<void>;
  synthesize(request: SpeechRequest, signal?: AbortSignal): Promise<SpeechAudio>;
  /** What speaking these requests would cost; absent for free engines. */
  estimateCost?(requests: Array<{ voice: VoiceProfile; billedChars: number }>): CostEstimate;
  close(): Promise<void>;
}
