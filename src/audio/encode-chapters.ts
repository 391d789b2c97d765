// Encoding side of the audio stage: each chapter's speech, as it arrives in order, is
// resampled if need be and streamed to one ffmpeg encoder per format; the chapter ends
// with the silence that fills its slot (frames.ts) and is committed to the chapter store.
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { PassThrough } from 'node:stream';
import type { Segment, SegmentSpeech } from '../types.js';
import { produceFileAtomic } from '../util/atomic-file.js';
import type { ChapterStore, ChapterRecord, PlacedSpeech } from './chapter-store.js';
import { resamplePcm } from './decode.js';
import { encodeChapter, type AudioFormat } from './ffmpeg.js';
import { chapterSlot, FED_SHORTFALL } from './frames.js';
import { AacPartsEncoder, PartSlots } from './aac-parts.js';
import type { AudioPlan } from './index.js';

const SILENCE = new Int16Array(8192);

/**
 * Told once every chapter's speech is fed to its encoders (so every record is known), while
 * they may still be encoding; `encoded(format)` settles when every chapter is in the store in
 * that format. The book's files are joined here, each format as soon as it is ready.
 */
export type AfterFed = (records: ChapterRecord[], encoded: (format: AudioFormat) => Promise<void>) => Promise<void>;

/** Every chapter's record, in order: read from the store, or encoded now from the speech as it arrives. */
export async function encodeChapters(
  segments: Segment[],
  plan: AudioPlan,
  store: ChapterStore,
  speeches: AsyncIterable<SegmentSpeech>,
  bitrate: number,
  signal?: AbortSignal,
  afterFed?: AfterFed,
): Promise<ChapterRecord[]> {
  // Stops every encoder of this run when the run is interrupted or any chapter fails.
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const iterator = speeches[Symbol.asyncIterator]();
  let sampleRate = plan.chapters.find((c) => c.cached)?.cached!.sampleRate ?? 0;
  const finishing: Promise<void>[] = [];
  /** Every encoder started, so a failed run waits for all of them (ffmpeg exited, temporary files gone). */
  const started: ChapterEncoder[] = [];
  const records: ChapterRecord[] = [];
  const encodedIn = new Map(plan.formats.map((f) => [f, [] as Promise<void>[]]));
  // AAC parts encode side by side, one per core, across chapters.
  const slots = new PartSlots(Math.max(1, availableParallelism()));
  try {
    for (const chapter of plan.chapters) {
      if (chapter.cached) {
        records.push(chapter.cached);
        chapter.cached = undefined; // handed over: the plan does not keep a book's marks alive
        continue;
      }
      const placed: PlacedSpeech[] = [];
      let encoder: ChapterEncoder | undefined;
      let position = 0;
      for (const [n, index] of chapter.segmentIndexes.entries()) {
        const next = await iterator.next();
        if (next.done) throw new Error(`speech ended before segment ${segments[index]!.id}`);
        const speech = next.value;
        // The book's first segment fixes its sample rate; any other rate is resampled to it by ffmpeg.
        sampleRate ||= speech.sampleRate;
        if (!encoder) {
          encoder = new ChapterEncoder(plan.formats, store, chapter.key, sampleRate, bitrate, stop.signal, slots);
          started.push(encoder);
        }
        const pcm = await resamplePcm(speech.pcm, speech.sampleRate, sampleRate, stop.signal);
        await encoder.write(pcm);
        position += pcm.length;
        let pauseSamples = Math.round((segments[index]!.pauseAfterMs * sampleRate) / 1000);
        if (n === chapter.segmentIndexes.length - 1) {
          pauseSamples = chapterSlot(position, pauseSamples) - position;
          encoder.finish(pauseSamples);
        } else {
          await encoder.silence(pauseSamples);
        }
        position += pauseSamples;
        placed.push({ samples: pcm.length, pauseSamples, marks: speech.marks });
      }
      const record = { sampleRate, segments: placed };
      records.push(record);
      // The next chapter starts while this one's encoders flush.
      finishing.push(encoder!.done.then(() => store.commit(chapter.key, record)));
      finishing.at(-1)!.catch(() => stop.abort());
      plan.formats.forEach((f, i) => encodedIn.get(f)!.push(encoder!.encoded[i]!));
    }
    if (afterFed) {
      finishing.push(afterFed(records, (f) => Promise.all(encodedIn.get(f) ?? []).then(() => {})));
      finishing.at(-1)!.catch(() => stop.abort());
    }
    await Promise.all(finishing);
    return records;
  } catch (e) {
    stop.abort();
    // Each format on its own: a chapter's `done` fails with its first format, before the others have cleaned up.
    await Promise.allSettled([...finishing, ...started.flatMap((s) => s.encoded)]);
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** How one format of a chapter is fed: speech, pauses, then the tail that fills its slot. */
interface FormatFeed {
  write(pcm: Int16Array): Promise<void>;
  pause(samples: number): Promise<void>;
  finish(tailSamples: number): void;
  /** Settles when the format is encoded and in the store; rejects as soon as its encoder fails. */
  readonly done: Promise<void>;
}

/** One ffmpeg for the whole chapter, fed on stdin. */
class StreamFeed implements FormatFeed {
  // Room for the speech to run ahead of LAME while the AAC parts encode side by side.
  private readonly sink = new PassThrough({ highWaterMark: 4 << 20 });
  readonly done: Promise<void>;

  constructor(
    private readonly format: AudioFormat,
    outPath: string,
    sampleRate: number,
    bitrate: number,
    signal: AbortSignal,
  ) {
    this.done = produceFileAtomic(outPath, (tmp) => encodeChapter({ pcm: this.sink, sampleRate, format, outPath: tmp, bitrate, signal }));
    this.done.catch(() => {}); // awaited by the caller
  }

  write(pcm: Int16Array): Promise<void> {
    return feed(this.sink, pcm);
  }

  async pause(samples: number): Promise<void> {
    for (const chunk of silence(samples)) await feed(this.sink, chunk);
  }

  finish(tailSamples: number): void {
    void (async () => {
      for (const chunk of silence(tailSamples - FED_SHORTFALL[this.format])) await feed(this.sink, chunk);
      this.sink.end();
    })().catch(() => this.sink.destroy());
  }
}

/** One chapter's encoders, one per format (AAC in parts, aac-parts.ts), fed the same PCM. */
class ChapterEncoder {
  private readonly feeds: FormatFeed[];
  /** Settles when every format is encoded and in the store. */
  readonly done: Promise<void>;
  /** Per format, in the order given: settles when that format is in the store. */
  readonly encoded: Promise<void>[];
  /** Rejects as soon as any encoder fails, so writing never waits on a dead ffmpeg. */
  private readonly failed: Promise<never>;

  constructor(formats: AudioFormat[], store: ChapterStore, key: string, sampleRate: number, bitrate: number, signal: AbortSignal, slots: PartSlots) {
    this.feeds = formats.map((format) =>
      format === 'm4b'
        ? new AacPartsEncoder({ outPath: store.audioPath(key, format), sampleRate, bitrate, slots, signal })
        : new StreamFeed(format, store.audioPath(key, format), sampleRate, bitrate, signal),
    );
    this.encoded = this.feeds.map((f) => f.done);
    this.failed = new Promise<never>((_, reject) => this.encoded.forEach((e) => e.catch(reject)));
    this.failed.catch(() => {}); // raced in write(); never unhandled meanwhile
    this.done = Promise.all(this.encoded).then(() => {});
    this.done.catch(() => {}); // awaited by the caller
  }

  async write(pcm: Int16Array): Promise<void> {
    if (pcm.length === 0) return;
    await Promise.race([Promise.all(this.feeds.map((f) => f.write(pcm))), this.failed]);
  }

  async silence(samples: number): Promise<void> {
    await Promise.race([Promise.all(this.feeds.map((f) => f.pause(samples))), this.failed]);
  }

  /** Ends the chapter: `tailSamples` of silence fill its slot, less what each encoder adds itself. */
  finish(tailSamples: number): void {
    for (const f of this.feeds) f.finish(tailSamples);
  }
}

async function feed(sink: PassThrough, pcm: Int16Array): Promise<void> {
  if (pcm.length === 0) return;
  if (!sink.write(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength))) await once(sink, 'drain');
}

/** That many samples of silence, in chunks of one shared zero buffer. */
function* silence(samples: number): Generator<Int16Array> {
  for (let left = samples; left > 0; left -= SILENCE.length) yield left >= SILENCE.length ? SILENCE : SILENCE.subarray(0, left);
}
