// What each Polly engine accepts and reports (standards.md §1). The SSML stage renders
// for exactly these tag sets; the provider re-checks before spending money.
import { NarrateError } from '../../errors.js';
import { scanSsml } from '../../ssml/scan.js';
import type { LetterSpelling, ProviderCapabilities, SsmlTag } from '../provider.js';

export type PollyEngine = 'standard' | 'neural' | 'long-form' | 'generative';
export const POLLY_ENGINES: readonly PollyEngine[] = ['standard', 'neural', 'long-form', 'generative'];

/** SynthesizeSpeech limits: tags count toward the total, only text is billed. */
export const MAX_REQUEST_CHARS = 6000;
export const MAX_BILLED_CHARS = 3000;

const ALL_TAGS: SsmlTag[] = ['break', 'say-as', 'sub', 'emphasis', 'phoneme', 'prosody', 's', 'p', 'mark', 'lang', 'w'];
const COMMON: SsmlTag[] = ['break', 'lang', 'p', 's', 'sub', 'w'];

const ENGINE_TAGS: Record<PollyEngine, ReadonlySet<SsmlTag>> = {
  standard: new Set(ALL_TAGS),
  // emphasis is standard-only; prosody is "partial" (no pitch), which the renderer never emits.
  neural: new Set([...COMMON, 'mark', 'phoneme', 'prosody', 'say-as']),
  'long-form': new Set([...COMMON, 'mark', 'phoneme', 'prosody', 'say-as']),
  // Generative reports no speech marks, so <mark> would be silently useless.
  generative: new Set([...COMMON, 'phoneme', 'prosody', 'say-as']),
};

/**
 * Segments in flight per engine. Polly allows 18 (neural) to 80 (standard) concurrent
 * sync requests, but neural, long-form and generative are also held to 8 requests/s
 * (standard: 80). Each segment sends its audio request, then its marks request, each
 * taking around a second, so 8 segments in flight stay near 8 requests/s; standard is
 * kept at 16 so ffmpeg decoding on a small machine keeps up. Throttling is retried.
 */
const DEFAULT_CONCURRENCY: Record<PollyEngine, number> = { standard: 16, neural: 8, 'long-form': 8, generative: 8 };

/** mp3 at the highest rate the engine offers (22050 is the standard voices' own rate). */
const SAMPLE_RATE: Record<PollyEngine, number> = { standard: 22050, neural: 24000, 'long-form': 24000, generative: 24000 };

export function engineSampleRate(engine: PollyEngine): number {
  return SAMPLE_RATE[engine];
}

export function engineHasMarks(engine: PollyEngine): boolean {
  return engine !== 'generative';
}

/**
 * Standard voices spell say-as characters well; neural ones hand say-as characters to a
 * standard voice (say-as-tag.html), so they get spaced capitals, which every Polly voice
 * reads as letters. Long-form and generative support say-as fully.
 */
const LETTER_SPELLING: Record<PollyEngine, LetterSpelling> = { standard: 'say-as', neural: 'spaced', 'long-form': 'say-as', generative: 'say-as' };

export function engineCapabilities(engine: PollyEngine, concurrency?: number): ProviderCapabilities {
  const marks = engineHasMarks(engine);
  return {
    maxRequestChars: MAX_REQUEST_CHARS,
    maxBilledChars: MAX_BILLED_CHARS,
    ssmlTags: ENGINE_TAGS[engine],
    wordMarks: marks,
    sentenceMarks: marks,
    concurrency: concurrency ?? DEFAULT_CONCURRENCY[engine],
    letterSpelling: LETTER_SPELLING[engine],
    readsPluralInitialisms: true,
  };
}

/** SSML elements in `ssml` that `engine` does not accept (<speak> is always fine). */
export function unsupportedTags(ssml: string, engine: PollyEngine): string[] {
  const allowed = ENGINE_TAGS[engine] as ReadonlySet<string>;
  const found = new Set<string>();
  for (const piece of scanSsml(ssml)) {
    if (piece.kind === 'open' && piece.name !== 'speak' && !allowed.has(piece.name)) found.add(piece.name);
  }
  return [...found];
}

export function asEngine(value: string): PollyEngine {
  if ((POLLY_ENGINES as readonly string[]).includes(value)) return value as PollyEngine;
  throw new NarrateError(`unknown Polly engine "${value}". Use one of: ${POLLY_ENGINES.join(', ')}`);
}
