// The whole run, stage after stage: script → document → spoken text → segments (all in
// src/prepare.ts) → speech → audio → manifest/chapters/captions. Each stage gets only the
// previous stage's typed output.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { VoiceCast, VoiceProfile } from './config/voices.js';
import type { SkippedPart } from './document/html.js';
import type { CleanupReport } from './cleanup/index.js';
import type { SourceBook } from './readers/index.js';
import { cacheFolder, prepareBook, type PrepareOptions } from './prepare.js';
import type { CostEstimate, TtsProvider } from './providers/provider.js';
import { SegmentCache } from './speech/cache.js';
import { cacheKey } from './speech/cache.js';
import { segmentCacheKey, synthesizeSegments } from './speech/index.js';
import { OrderedStream } from './speech/ordered-stream.js';
import { AUDIO_FILE_NAMES, planChapters, startFfmpegCheck, writeAudioBook, type AudioBook, type AudioFormat, type AudioPlan } from './audio/index.js';
import { buildCaptionFiles, writeCaptionFiles } from './captions/index.js';
import { audioFingerprint, audioUpToDate } from './audio/reuse.js';
import { buildJsonChapters, buildManifest } from './manifest/index.js';
import { parseBaseUrl } from './feed/base-url.js';
import type { EpisodeMode } from './feed/episodes.js';
import { writeFileAtomic } from './util/atomic-file.js';
import { interruptedError } from './util/interruption.js';
import { OutputSet } from './output/output-set.js';
import { silentReporter, type Reporter } from './reporter.js';
import type { BookDocument, Manifest, Segment, SegmentSpeech, Timeline } from './types.js';
import { NarrateError } from './errors.js';
import { checkBeforeSpending } from './preflight.js';

export interface NarrateOptions extends PrepareOptions {
  formats: AudioFormat[];
  dryRun?: boolean;
  bitrate?: number;
  /** Refuse to start a run whose estimated cost (USD) is above this. */
  maxCost?: number;
  /** Caption formats beyond WebVTT: 'srt' also writes captions.srt. */
  captions?: 'vtt' | 'srt';
  /** Also publish a podcast feed (src/feed/): feed.xml and, for chapter episodes, episodes/. */
  feed?: { baseUrl: string; episodes: EpisodeMode };
  signal?: AbortSignal;
}

export interface DryRunSummary {
  book: BookDocument;
  segments: Segment[];
  characters: number;
  estimatedDurationMs: number;
  /** Segments already in the cache: they cost nothing. */
  cachedSegments: number;
  cost?: CostEstimate;
  /** What cleanup of pasted text removed (absent with keepAll). */
  cleanup?: CleanupReport;
  /** What a book or page reader did not read (front matter, notes, code…). */
  skipped?: SkippedPart[];
  /** Where the chapters came from (EPUB: which table of contents and level). */
  chaptersFrom?: string;
  /** Which engine would speak, when the provider has more than one (local: eSpeak NG's library or WebAssembly build). */
  engine?: string;
}

export interface NarrateResult {
  outDir: string;
  /** The final audio, for stages that cut excerpts from it (feed episodes). */
  audio: AudioBook;
  manifest: Manifest;
  timeline: Timeline;
  /**
   * The text that was spoken: chapters, paragraphs and sentences as written. How each word
   * was said (the spoken book's tokens) is not kept past the segments stage: for a long
   * book it was the largest data in memory, and nothing after the segments reads it.
   */
  book: BookDocument;
  /** The feed's address, when a feed was published. */
  feedUrl?: string;
  synthesized: number;
  cached: number;
  /** Wall time of each stage, ms, for the benchmark. */
  timings: Record<string, number>;
}

/** Speaking rate the dry run assumes: about 165 words a minute. */
const ESTIMATED_CHARS_PER_SECOND = 15;

export function summarize(book: BookDocument, segments: Segment[], cachedSegments: number, cost?: CostEstimate, source?: SourceBook): DryRunSummary {
  const characters = segments.reduce((n, s) => n + s.billedChars, 0);
  const pausesMs = segments.reduce((n, s) => n + s.pauseAfterMs, 0);
  return {
    book,
    segments,
    characters,
    estimatedDurationMs: (characters / ESTIMATED_CHARS_PER_SECOND) * 1000 + pausesMs,
    cachedSegments,
    cost,
    cleanup: source?.cleanup,
    skipped: source?.skipped,
    chaptersFrom: source?.chaptersFrom,
  };
}

/** The cost of what is not cached yet (segments of chapters already encoded need no speech): what this run would actually spend. */
async function estimateCost(segments: Segment[], needsSpeech: boolean[], speechKeys: string[], provider: TtsProvider, cast: VoiceCast, cache: SegmentCache) {
  const cached = await Promise.all(segments.map((_, i) => !needsSpeech[i] || cache.has(speechKeys[i]!)));
  const pending = segments.filter((_, i) => !cached[i]);
  const cost = provider.estimateCost?.(pending.map((s) => ({ voice: cast.voices.get(s.voice)!, billedChars: s.billedChars })));
  return { cachedSegments: segments.length - pending.length, cost };
}

/** Decides the book's sample rate: the provider, engine and settings of the voice of its first segment. */
function sampleRateKey(segments: Segment[], provider: TtsProvider, cast: VoiceCast): string {
  const voice = cast.voices.get(segments[0]!.voice)!;
  return cacheKey({ provider: provider.name, engineVersion: provider.engineVersion(), voiceSettings: voice[provider.name as keyof VoiceProfile], ssml: '' });
}

export async function narrate(options: NarrateOptions): Promise<NarrateResult | DryRunSummary> {
  let outDir: string | undefined;
  try {
    return await run(options, (dir) => (outDir = dir));
  } catch (e) {
    // Whichever stage noticed the abort first (and however it failed), the run ends as one interruption.
    if (!options.signal?.aborted) throw e;
    const output = outDir === undefined ? 'nothing was written' : existsSync(join(outDir, 'manifest.json')) ? `${outDir}/ is unchanged` : `nothing was written to ${outDir}/`;
    const cache = options.cacheDir === false ? '' : '; finished segments are cached and a rerun resumes from them';
    throw interruptedError(options.signal, output + cache);
  }
}

async function run(options: NarrateOptions, onOutDir: (dir: string) => void): Promise<NarrateResult | DryRunSummary> {
  const reporter = options.reporter ?? silentReporter;
  const signal = options.signal;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = now - mark;
    mark = now;
  };
  if (options.feed) parseBaseUrl(options.feed.baseUrl); // a bad --base-url fails before anything is spoken
  // ffmpeg answers what it can encode while the script is read; the checks before spending report it.
  startFfmpegCheck();
  const { book, voices, cast, provider, segments, source, savePrepared } = await prepareBook(options);
  lap('prepare');
  let providerClosed: Promise<void> | undefined;
  const closeProvider = () => (providerClosed ??= provider.close());
  try {
    // Tools, folders, cover and feed settings: a dry run reports what a run would stop on.
    const { coverPath } = await checkBeforeSpending(book, options);
    signal?.throwIfAborted();
    const cache = new SegmentCache(cacheFolder(options));
    const speechKeys = segments.map((s) => segmentCacheKey(s, { provider, cast }));
    // Chapter episodes are MP3 whatever the book's formats are: their chapters are encoded as MP3 too.
    const chapterFormats: AudioFormat[] = options.feed?.episodes === 'chapters' ? [...new Set([...options.formats, 'mp3' as const])] : options.formats;
    const plan = await planChapters(segments, {
      chapterDir: cache.dir === undefined ? undefined : join(cache.dir, 'chapters'),
      formats: chapterFormats,
      bitrate: options.bitrate ?? 64,
      speechKeys,
      rateKey: sampleRateKey(segments, provider, cast),
    });
    const { cachedSegments, cost } = await estimateCost(segments, plan.needsSpeech, speechKeys, provider, cast, cache);
    if (options.dryRun) return { ...summarize(book, segments, cachedSegments, cost, source), engine: provider.describeEngine?.() };
    if (cost && options.maxCost !== undefined && cost.usd > options.maxCost) {
      throw new NarrateError(`estimated cost $${cost.usd.toFixed(2)} exceeds --max-cost $${options.maxCost.toFixed(2)}. Raise --max-cost, pick a cheaper engine in voices.json, or see --dry-run`);
    }
    const outDir = join(options.outRoot, book.meta.slug);
    onOutDir(outDir);
    await provider.prepare(voices);
    signal?.throwIfAborted();
    // Every file is written to a staging folder and put in place only when all are done (src/output/).
    const output = await OutputSet.open(outDir, { cacheDir: cache.dir });
    try {
      const fingerprint = await audioFingerprint({
        speechKeys,
        segments,
        meta: book.meta,
        chapterTitles: book.chapters.map((c) => c.title),
        formats: options.formats,
        bitrate: options.bitrate ?? 64,
        coverPath,
      });
      // Reuse only files joined from exactly the chapters in the store: a re-synthesized segment may differ by a few samples.
      const reuse = plan.needsSpeech.every((n) => !n) && (await audioUpToDate(outDir, fingerprint, options.formats));
      if (reuse) reporter.info('audio unchanged since the last run: keeping the audio files');
      const ctx = { options, reporter, cast, book, outDir: output.stagingDir };
      const { audio, synthesized } = await speakAndEncode({ ...ctx, provider, cache, segments, plan, coverPath, reuse, lap });
      // The joins start as each format's chapters are encoded; this is what is left after the last encode.
      timings['audio: of which joins after the last encode'] = audio.joinMs;
      // Speech is done: the engine (eSpeak NG's worker and its memory) goes before captions and manifest are built.
      await closeProvider();
      if (reuse) await output.keep(audio.files);
      signal?.throwIfAborted();
      const { files, feedUrl } = await writeTextOutputs({ ...ctx, book, audio, previousFeed: output.previousPath('feed.xml') });
      const manifest = buildManifest(book.meta, book.sourceFile, provider.name, segments, audio.timeline, [...files, 'manifest.json'], fingerprint, provider.describeEngine?.());
      await writeFileAtomic(join(output.stagingDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
      await output.commit(manifest.files, { reporter, signal });
      await savePrepared();
      lap('files');
      return { outDir, audio, manifest, timeline: audio.timeline, book, feedUrl, synthesized, cached: segments.length - synthesized, timings };
    } catch (e) {
      await output.discard();
      throw e;
    }
  } finally {
    await closeProvider();
  }
}

interface RunContext {
  options: NarrateOptions;
  reporter: Reporter;
  cast: VoiceCast;
  book: BookDocument;
  outDir: string;
}

/**
 * Speech and audio run together: each segment is encoded as soon as it and those before it
 * are spoken. Only segments of chapters that must be encoded are spoken (or read from the cache).
 */
async function speakAndEncode(
  ctx: RunContext & { provider: TtsProvider; cache: SegmentCache; segments: Segment[]; plan: AudioPlan; coverPath?: string; reuse: boolean; lap: (stage: string) => void },
): Promise<{ audio: AudioBook; synthesized: number }> {
  const { options, reporter, segments, plan } = ctx;
  const needed = segments.filter((_, i) => plan.needsSpeech[i]);
  const bar = reporter.progress('Speaking', needed.length);
  const concurrency = Math.max(1, ...needed.map((s) => ctx.provider.capabilities(ctx.cast.voices.get(s.voice)!).concurrency));
  // A few segments ahead of the encoders at most: the book's audio never piles up in memory.
  const ready = new OrderedStream<SegmentSpeech>(needed.length, Math.max(8, 2 * concurrency));
  // Stops speech when the audio stage fails (or the user interrupts).
  const stopSpeech = new AbortController();
  const onAbort = () => stopSpeech.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let filesWritten = 0;
  let encodeBar: ReturnType<Reporter['progress']> | undefined;
  const audioDone = writeAudioBook(ctx.book, segments, plan, ready, options.bitrate ?? 64, {
    outDir: ctx.outDir,
    formats: options.formats,
    coverPath: ctx.coverPath,
    reuse: ctx.reuse,
    signal: options.signal,
    onFileWritten: () => encodeBar?.update(++filesWritten),
  });
  let audioFailure: unknown;
  audioDone.catch((e: unknown) => {
    audioFailure = e;
    ready.fail(e); // releases speech workers waiting for room
    stopSpeech.abort();
  });
  try {
    const speeches = await synthesizeSegments(needed, {
      provider: ctx.provider,
      cast: ctx.cast,
      cache: ctx.cache,
      signal: stopSpeech.signal,
      keepAudio: false,
      onProgress: (p) => bar.update(p.done, `${p.synthesized} new, ${p.cached} cached`),
      onSegment: (index, speech) => ready.push(index, speech),
    }).catch(async (e: unknown) => {
      bar.stop();
      ready.fail(e);
      await audioDone.catch(() => {});
      throw audioFailure ?? e;
    });
    bar.stop();
    ctx.lap('speech');
    const synthesized = speeches.filter((s) => !s.fromCache).length;
    reporter.info(`${synthesized} segments synthesized, ${speeches.length - synthesized} from cache`);
    // Encoding ran alongside speech; this bar covers what is left of it.
    if (!ctx.reuse) {
      encodeBar = reporter.progress('Encoding', options.formats.length);
      encodeBar.update(filesWritten);
    }
    const audio = await audioDone.finally(() => encodeBar?.stop());
    ctx.lap('audio');
    return { audio, synthesized };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Captions, transcripts, JSON chapters and, when asked, the podcast feed. */
async function writeTextOutputs(ctx: RunContext & { audio: AudioBook; previousFeed: string }): Promise<{ files: string[]; feedUrl?: string }> {
  const { options, audio, outDir } = ctx;
  const voiceLabels = new Map([...ctx.cast.voices].map(([name, v]) => [name, v.label]));
  const captionFiles = buildCaptionFiles(audio.timeline, ctx.book, {
    voiceLabels,
    srt: options.captions === 'srt',
    audioFileName: options.formats.includes('mp3') ? AUDIO_FILE_NAMES.mp3 : AUDIO_FILE_NAMES.m4b,
  });
  const captionNames = await writeCaptionFiles(outDir, captionFiles);
  await writeFileAtomic(join(outDir, 'chapters.json'), JSON.stringify(buildJsonChapters(ctx.book.meta, audio.timeline), null, 2) + '\n');
  options.signal?.throwIfAborted();
  // Loaded on demand: the feed's XML libraries cost start-up time on every other run.
  const feed = options.feed
    ? await (await import('./feed/index.js')).publishFeed(
        { outDir, audio, timeline: audio.timeline, book: ctx.book },
        { ...options.feed, voiceLabels, reporter: ctx.reporter, previousFeedPath: ctx.previousFeed, signal: options.signal },
      )
    : undefined;
  return { files: [...audio.files, ...captionNames, 'chapters.json', ...(feed?.files ?? [])], feedUrl: feed?.feedUrl };
}
