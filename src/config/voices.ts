// voices.json: named voices cast onto each provider, and the pacing of the book.
// Every default pause length lives here (documented in README "voices.json").
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { NarrateError } from '../errors.js';
import { zodFileError } from './zod-errors.js';

export const DEFAULT_PAUSES = {
  sentenceMs: 400,
  paragraphMs: 900,
  chapterMs: 2000,
  afterTitleMs: 1000,
} as const;

const LocalVoiceSchema = z.strictObject({
  voice: z.string().min(1).default('en-us'),
  /** Words per minute, eSpeak NG's scale (80–450). */
  rate: z.number().int().min(80).max(450).default(165),
  /** 0–99, eSpeak NG's scale. */
  pitch: z.number().int().min(0).max(99).default(50),
});

const PollyVoiceSchema = z.strictObject({
  VoiceId: z.string().min(1),
  Engine: z.enum(['standard', 'neural', 'long-form', 'generative']).default('neural'),
  LanguageCode: z.string().optional(),
});

const MockVoiceSchema = z.strictObject({
  /** Milliseconds of mock speech per character; the mock's whole notion of a voice. */
  msPerChar: z.number().positive().max(1000).default(60),
});

const VoiceSchema = z.strictObject({
  local: LocalVoiceSchema.optional(),
  polly: PollyVoiceSchema.optional(),
  mock: MockVoiceSchema.optional(),
  /** Name shown for this voice in captions (<v Name>); defaults to the key. */
  label: z.string().optional(),
});

const PausesSchema = z.strictObject({
  sentenceMs: z.number().int().min(0).max(10000).default(DEFAULT_PAUSES.sentenceMs),
  paragraphMs: z.number().int().min(0).max(10000).default(DEFAULT_PAUSES.paragraphMs),
  chapterMs: z.number().int().min(0).max(10000).default(DEFAULT_PAUSES.chapterMs),
  afterTitleMs: z.number().int().min(0).max(10000).default(DEFAULT_PAUSES.afterTitleMs),
});

export const VoicesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  pauses: PausesSchema.default(DEFAULT_PAUSES),
  voices: z
    .record(z.string().regex(/^[A-Za-z][\w-]*$/, 'voice names are letters, digits, - and _'), VoiceSchema)
    .refine((v) => 'narrator' in v, { message: 'a voice named "narrator" is required' }),
});

export type VoicesFile = z.infer<typeof VoicesFileSchema>;
export type Pauses = z.infer<typeof PausesSchema>;
export type LocalVoice = z.infer<typeof LocalVoiceSchema>;
export type PollyVoice = z.infer<typeof PollyVoiceSchema>;
export type MockVoice = z.infer<typeof MockVoiceSchema>;

/** One named voice with its settings for every provider filled in. */
export interface VoiceProfile {
  name: string;
  label: string;
  local: LocalVoice;
  polly?: PollyVoice;
  mock: MockVoice;
}

export interface VoiceCast {
  file: string;
  pauses: Pauses;
  voices: Map<string, VoiceProfile>;
}

export const BUILT_IN_VOICES: VoicesFile = VoicesFileSchema.parse({ voices: { narrator: {} } });

export function castFromConfig(file: string, config: VoicesFile): VoiceCast {
  const voices = new Map<string, VoiceProfile>();
  for (const [name, v] of Object.entries(config.voices)) {
    voices.set(name, {
      name,
      label: v.label ?? name,
      local: v.local ?? LocalVoiceSchema.parse({}),
      polly: v.polly,
      mock: v.mock ?? MockVoiceSchema.parse({}),
    });
  }
  return { file, pauses: config.pauses, voices };
}

export function parseVoicesJson(file: string, text: string): VoiceCast {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new NarrateError(`${file}: not valid JSON (${(e as Error).message}). Fix the syntax, e.g. a missing comma or quote`);
  }
  const parsed = VoicesFileSchema.safeParse(raw);
  if (!parsed.success) throw zodFileError(file, parsed.error, 'See README "voices.json" for the expected shape');
  return castFromConfig(file, parsed.data);
}

/** Reads voices.json; a missing default file falls back to the built-in narrator. */
export async function loadVoices(file: string, required: boolean): Promise<VoiceCast> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !required) return castFromConfig('(built-in)', BUILT_IN_VOICES);
    throw new NarrateError(`${file}: cannot read voices file (${(e as NodeJS.ErrnoException).code}). Check the --voices path`);
  }
  return parseVoicesJson(file, text);
}

export function voiceByName(cast: VoiceCast, name: string, where: string): VoiceProfile {
  const voice = cast.voices.get(name);
  if (!voice) {
    throw new NarrateError(
      `${where}: unknown voice "${name}". Add it to ${cast.file} or use one of: ${[...cast.voices.keys()].join(', ')}`,
    );
  }
  return voice;
}
