// Encoding side of the audio stage: each chapter's speech, as it arrives in order, is
// resampled if need be and streamed to one ffmpeg encoder per format; the chapter ends
// with the silence that fills its slot (frames.ts) and is committed to the chapter store.
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Segment, SegmentSpeech } from '../types.js';
import { produceFileAtomic } from '../util/atomic-file.js';
import type { ChapterStore, ChapterRecord, PlacedSpeech } from './chapter-store.js';
import { resamplePcm } from './decode.js';
import { encodeChapter, type AudioFormat } from './ffmpeg.js';
import { chapterSlot, FED_SHORTFALL } from './frames.js';
import type { AudioPlan } from './index.js';

const SILENCE = new Int16Array(8192);

/** Every chapter's record, in order: read from the store, or encoded now from the speech as it arrives. */
export async function encodeChapters(
  segments: Segment[],
  plan: AudioPlan,
  store: ChapterStore,
  speeches: AsyncIterable<SegmentSpeech>,
  bitrate: number,
  signal?: AbortSignal,
): Promise<ChapterRecord[]> {
  // Stops every encoder of this run when the run is interrupted or any chapter fails.
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const iterator = speeches[Symbol.asyncIterator]();
  let sampleRate = plan.chapters.find((c) => c.cached)?.cached!.sampleRate ?? 0;
  const finishing: Promise<void>[] = [];
  const records: ChapterRecord[] = [];
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
        encoder ??= new ChapterEncoder(plan.formats, store, chapter.key, sampleRate, bitrate, stop.signal);
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
    }
    await Promise.all(finishing);
    return records;
  } catch (e) {
    stop.abort();
    await Promise.allSettled(finishing);
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** One chapter's encoders, one ffmpeg per format, fed the same PCM on stdin. */
class ChapterEncoder {
  private readonly sinks: PassThrough[];
  private readonly formats: AudioFormat[];
  /** Settles when every format is encoded and in the store. */
  readonly done: Promise<void>;
  /** Rejects as soon as any encoder fails, so writing never waits on a dead ffmpeg. */
  private readonly failed: Promise<never>;

  constructor(formats: AudioFormat[], store: ChapterStore, key: string, sampleRate: number, bitrate: number, signal: AbortSignal) {
    this.formats = formats;
    this.sinks = this.formats.map(() => new PassThrough({ highWaterMark: 1 << 20 }));
    const encodes = this.formats.map((format, i) =>
      produceFileAtomic(store.audioPath(key, format), (outPath) => encodeChapter({ pcm: this.sinks[i]!, sampleRate, format, outPath, bitrate, signal })),
    );
    this.failed = new Promise<never>((_, reject) => encodes.forEach((e) => e.catch(reject)));
    this.failed.catch(() => {}); // raced in write(); never unhandled meanwhile
    this.done = Promise.all(encodes).then(() => {});
    this.done.catch(() => {}); // awaited by the caller
  }

  async write(pcm: Int16Array): Promise<void> {
    await Promise.race([writeAll(this.sinks, pcm), this.failed]);
  }

  async silence(samples: number): Promise<void> {
    for (const chunk of silence(samples)) await this.write(chunk);
  }

  /** Ends the chapter: `tailSamples` of silence fill its slot, less what each encoder adds itself. */
  finish(tailSamples: number): void {
    this.formats.forEach((format, i) => {
      const sink = this.sinks[i]!;
      void (async () => {
        for (const chunk of silence(tailSamples - FED_SHORTFALL[format])) if (!sink.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) await once(sink, 'drain');
        sink.end();
      })().catch(() => sink.destroy());
    });
  }
}

async function writeAll(sinks: PassThrough[], pcm: Int16Array): Promise<void> {
  if (pcm.length === 0) return;
  const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  await Promise.all(sinks.map(async (sink) => (sink.write(bytes) ? undefined : await once(sink, 'drain'))));
}

/** That many samples of silence, in chunks of one shared zero buffer. */
function* silence(samples: number): Generator<Int16Array> {
  for (let left = samples; left > 0; left -= SILENCE.length) yield left >= SILENCE.length ? SILENCE : SILENCE.subarray(0, left);
}
