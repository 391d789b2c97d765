// Speech stage: every segment through the provider, or from the cache, with a bounded
// number of requests in flight. A failure stops the run; finished segments stay cached.
import { NarrateError } from '../errors.js';
import { formatLocation } from '../document/location.js';
import type { VoiceCast } from '../config/voices.js';
import { voiceByName } from '../config/voices.js';
import type { TtsProvider } from '../providers/provider.js';
import type { Segment, SegmentSpeech, SpeechAudio } from '../types.js';
import { cacheKey, SegmentCache } from './cache.js';

export interface SpeechProgress {
  done: number;
  total: number;
  synthesized: number;
  cached: number;
}

export interface SpeechOptions {
  provider: TtsProvider;
  cast: VoiceCast;
  cache: SegmentCache;
  signal?: AbortSignal;
  onProgress?: (p: SpeechProgress) => void;
  /**
   * Called as each segment is ready, in completion order, so audio can start early.
   * A returned promise holds the worker back until the consumer has room (backpressure).
   */
  onSegment?: (index: number, speech: SegmentSpeech) => void | Promise<void>;
  /** Keep each segment's PCM and marks in the result (default). Off, the result only counts: `onSegment` had them. */
  keepAudio?: boolean;
}

const NO_AUDIO = new Int16Array(0);

export function segmentCacheKey(segment: Segment, options: Pick<SpeechOptions, 'provider' | 'cast'>): string {
  const voice = voiceByName(options.cast, segment.voice, formatLocation(segment.location));
  const name = options.provider.name;
  return cacheKey({ provider: name, engineVersion: options.provider.engineVersion(), voiceSettings: voice[name], ssml: segment.ssml });
}

export async function synthesizeSegments(segments: Segment[], options: SpeechOptions): Promise<SegmentSpeech[]> {
  const results = new Array<SegmentSpeech>(segments.length);
  const progress: SpeechProgress = { done: 0, total: segments.length, synthesized: 0, cached: 0 };
  let next = 0;
  let failed = false;
  const speaking = new Map<string, Promise<SpeechAudio>>();
  const worker = async () => {
    while (next < segments.length && !failed) {
      if (options.signal?.aborted) throw new NarrateError('interrupted; finished segments are cached and a rerun resumes from them', 130);
      const index = next++;
      try {
        const speech = await speakOne(segments[index]!, options, speaking);
        results[index] = options.keepAudio === false ? { ...speech, pcm: NO_AUDIO, marks: [] } : speech;
        await options.onSegment?.(index, speech);
      } catch (e) {
        failed = true; // no new requests once one has failed: nothing more is spent
        throw e;
      }
      progress.done++;
      progress[results[index]!.fromCache ? 'cached' : 'synthesized']++;
      options.onProgress?.({ ...progress });
    }
  };
  const concurrency = Math.max(1, Math.min(...segments.map((s) => options.provider.capabilities(voiceOf(s, options)).concurrency), 64));
  const workers = Array.from({ length: Math.min(concurrency, segments.length) }, worker);
  // Let requests already in flight finish and reach the cache before reporting a failure.
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

function voiceOf(segment: Segment, options: SpeechOptions) {
  return voiceByName(options.cast, segment.voice, formatLocation(segment.location));
}

/**
 * One segment from the cache, or spoken and then cached. A segment whose request another
 * worker is making right now (a paragraph the book repeats) waits for that answer instead of
 * asking again: the provider is asked, and billed, once per request, and the cache entry is
 * written once (two writes of one entry could leave its audio and its record from two runs of
 * the engine side by side while the second write is under way).
 */
async function speakOne(segment: Segment, options: SpeechOptions, speaking: Map<string, Promise<SpeechAudio>>): Promise<SegmentSpeech> {
  const key = segmentCacheKey(segment, options);
  const cached = await options.cache.get(key);
  if (cached) return { ...cached, segmentId: segment.id, fromCache: true };
  const inFlight = speaking.get(key);
  if (inFlight) return { ...(await inFlight), segmentId: segment.id, fromCache: true };
  const request = speakAndStore(segment, key, options);
  speaking.set(key, request);
  try {
    return { ...(await request), segmentId: segment.id, fromCache: false };
  } finally {
    // Stored by now (or failed): later segments with this key read the cache.
    speaking.delete(key);
  }
}

async function speakAndStore(segment: Segment, key: string, options: SpeechOptions): Promise<SpeechAudio> {
  let audio;
  try {
    audio = await options.provider.synthesize({ segmentId: segment.id, ssml: segment.ssml, voice: voiceOf(segment, options) }, options.signal);
  } catch (e) {
    const where = formatLocation(segment.location);
    if (e instanceof NarrateError) throw new NarrateError(`${where}: ${e.message}`, e.exitCode);
    throw new NarrateError(`${where}: ${options.provider.name} could not speak segment ${segment.id}: ${(e as Error).message}`);
  }
  await options.cache.put(key, audio);
  return audio;
}
