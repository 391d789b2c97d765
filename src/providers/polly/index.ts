// Amazon Polly behind TtsProvider: one SynthesizeSpeech for the audio (mp3, decoded to
// PCM) and, where the engine has them, a second for the speech marks.
import { createHash } from 'node:crypto';
import { SynthesizeSpeechCommand, type PollyClient, type SynthesizeSpeechCommandInput } from '@aws-sdk/client-polly';
import { NarrateError } from '../../errors.js';
import { billedLength } from '../../ssml/render.js';
import type { VoiceProfile } from '../../config/voices.js';
import type { SpeechAudio } from '../../types.js';
import type { ProviderCapabilities, SpeechRequest, TtsProvider } from '../provider.js';
import { createPollyClient, type PollyClientOptions } from './client.js';
import { decodeToPcm } from '../../audio/decode.js';
import { asEngine, engineCapabilities, engineHasMarks, engineSampleRate, MAX_BILLED_CHARS, MAX_REQUEST_CHARS, unsupportedTags, type PollyEngine } from './engines.js';
import { credentialsHint, describeAwsError, synthesisError } from './errors.js';
import { checkLexicons, syncLexicons, type PollyLexicon } from './lexicons.js';
import { parseMarkLines, toSpeechMarks } from './speech-marks.js';
import { estimatePollyCost, formatCostLines, totalUsd } from './pricing.js';
import { checkVoicesAgainstCatalogue, describeAllVoices } from './voices.js';

export interface PollyProviderOptions extends PollyClientOptions {
  /** PLS lexicons to upload (when changed) and name in every request; at most 5. */
  lexicons?: PollyLexicon[];
  /** Segments in flight at once; defaults per engine (see engines.ts). */
  concurrency?: number;
  /** A ready client (tests, or callers with their own configuration); not destroyed on close. */
  client?: PollyClient;
}

/** Bumped when anything here changes the audio or marks a request returns. */
const REQUEST_FORMAT_VERSION = 'mp3+marks-v1';

type PollyVoiceProfile = VoiceProfile & { polly: NonNullable<VoiceProfile['polly']> };

export function createPollyProvider(options: PollyProviderOptions = {}): TtsProvider {
  const lexicons = options.lexicons ?? [];
  const client = options.client ?? createPollyClient(options);
  let lexiconsReady: Promise<void> | undefined;
  const ensureLexicons = (signal?: AbortSignal) => {
    lexiconsReady ??= (async () => {
      checkLexicons(lexicons);
      await syncLexicons(client, lexicons, signal);
    })();
    return lexiconsReady;
  };

  return {
    name: 'polly',
    capabilities: (voice: VoiceProfile): ProviderCapabilities => engineCapabilities(engineOf(voice), options.concurrency),
    engineVersion: () => `polly:${REQUEST_FORMAT_VERSION}${lexiconFingerprint(lexicons)}`,
    estimateCost(requests) {
      const lines = estimatePollyCost(requests.map((r) => ({ engine: engineOf(r.voice), billedChars: r.billedChars })));
      return { lines: formatCostLines(lines), usd: totalUsd(lines) };
    },
    async prepare(voices: VoiceProfile[]) {
      voices.forEach(requirePollySettings);
      checkLexicons(lexicons);
      let catalogue;
      try {
        catalogue = await describeAllVoices(client);
      } catch (e) {
        throw new NarrateError(credentialsHint(e) ?? `could not list Polly voices to check voices.json: ${describeAwsError(e)}`);
      }
      checkVoicesAgainstCatalogue(voices, catalogue);
      await ensureLexicons();
    },
    async synthesize(request: SpeechRequest, signal?: AbortSignal): Promise<SpeechAudio> {
      const voice = requirePollySettings(request.voice);
      const engine = asEngine(voice.polly.Engine);
      guardRequest(request, engine);
      try {
        await ensureLexicons(signal);
        return await speak(client, requestInput(request.ssml, voice, lexicons), engine, signal);
      } catch (e) {
        throw synthesisError(e, request.segmentId, request.ssml, signal);
      }
    },
    async close() {
      if (!options.client) client.destroy();
    },
  };
}

function engineOf(voice: VoiceProfile): PollyEngine {
  return asEngine(requirePollySettings(voice).polly.Engine);
}

function requirePollySettings(voice: VoiceProfile): PollyVoiceProfile {
  if (voice.polly) return voice as PollyVoiceProfile;
  throw new NarrateError(
    `voices.json voices.${voice.name}: no "polly" settings, but --provider polly was chosen. Add e.g. "polly": { "VoiceId": "Joanna", "Engine": "neural" }`,
  );
}

/** Refuses, before any money is spent, what Polly would reject. */
function guardRequest(request: SpeechRequest, engine: PollyEngine): void {
  const bad = unsupportedTags(request.ssml, engine);
  if (bad.length > 0) {
    throw new NarrateError(`${request.segmentId}: the ${engine} engine does not accept <${bad.join('>, <')}>; this is a narrate bug in SSML rendering, please report it. SSML: ${request.ssml}`);
  }
  const billed = billedLength(request.ssml);
  if (request.ssml.length > MAX_REQUEST_CHARS || billed > MAX_BILLED_CHARS) {
    throw new NarrateError(
      `${request.segmentId}: ${request.ssml.length} characters (${billed} billed) exceed Polly's ${MAX_REQUEST_CHARS} (${MAX_BILLED_CHARS} billed) per request; this is a narrate bug in segmenting, please report it`,
    );
  }
}

function requestInput(ssml: string, voice: PollyVoiceProfile, lexicons: PollyLexicon[]): SynthesizeSpeechCommandInput {
  return {
    Engine: voice.polly.Engine,
    VoiceId: voice.polly.VoiceId as never,
    LanguageCode: voice.polly.LanguageCode as never,
    LexiconNames: lexicons.length > 0 ? lexicons.map((l) => l.name) : undefined,
    Text: ssml,
    TextType: 'ssml',
    OutputFormat: 'mp3',
  };
}

async function speak(client: PollyClient, base: SynthesizeSpeechCommandInput, engine: PollyEngine, signal?: AbortSignal): Promise<SpeechAudio> {
  const sampleRate = engineSampleRate(engine);
  // One after the other: a request that fails for good then never bills its twin, and
  // segment-level concurrency already keeps Polly's request rate busy.
  const audioOut = await client.send(new SynthesizeSpeechCommand({ ...base, SampleRate: String(sampleRate) }), { abortSignal: signal });
  const mp3 = await audioOut.AudioStream!.transformToByteArray();
  let markLines: string | undefined;
  if (engineHasMarks(engine)) {
    const marksOut = await client.send(new SynthesizeSpeechCommand({ ...base, OutputFormat: 'json', SpeechMarkTypes: markTypes(base.Text!) }), { abortSignal: signal });
    markLines = await marksOut.AudioStream!.transformToString('utf-8');
  }
  const pcm = await decodeToPcm(mp3, sampleRate, signal);
  const audioMs = (pcm.length * 1000) / sampleRate;
  return { pcm, sampleRate, marks: markLines === undefined ? [] : toSpeechMarks(parseMarkLines(markLines), base.Text!, audioMs) };
}

/** Visemes are asked for only to learn where each word's sound stops ("sil"). */
function markTypes(ssml: string): Array<'sentence' | 'word' | 'viseme' | 'ssml'> {
  return /<mark\b/.test(ssml) ? ['sentence', 'word', 'viseme', 'ssml'] : ['sentence', 'word', 'viseme'];
}

function lexiconFingerprint(lexicons: PollyLexicon[]): string {
  if (lexicons.length === 0) return '';
  const hash = createHash('sha256');
  for (const l of lexicons) hash.update(`${l.name}\0${l.content}\0`);
  return `+lex:${hash.digest('hex').slice(0, 12)}`;
}

export { estimatePollyCost, formatCostLines, assertWithinMaxCost, parseMaxCost, POLLY_USD_PER_MILLION_CHARS } from './pricing.js';
export { listPollyVoices, formatVoicesTable } from './voices.js';
export { loadLexiconFile, type PollyLexicon } from './lexicons.js';
export { unsupportedTags, engineCapabilities, type PollyEngine } from './engines.js';
