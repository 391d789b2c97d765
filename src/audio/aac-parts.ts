// AAC is the slowest step of a run (ffmpeg's AAC encoder is single-threaded and about
// twice as slow as LAME), so one chapter's AAC is encoded in parts, side by side, each
// by its own ffmpeg, and the parts' ADTS frames are concatenated into the chapter file.
// A part ends inside a pause, on a whole AAC frame, by the rule that makes chapters join
// without a gap (frames.ts): the part is fed up to FED_SHORTFALL before its end, and
// its own padding plus the next part's priming fill exactly that silence. So the joined
// frames play every sample where one encoder would have put it.
import { once } from 'node:events';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { makeWorkDir, produceFileAtomic, removeWorkDir } from '../util/atomic-file.js';
import { encodeChapter } from './ffmpeg.js';
import { FED_SHORTFALL, MIN_TAIL } from './frames.js';

const AAC_FRAME = 1024;
/** A part ends at the first pause after this much audio: long enough that starting an ffmpeg costs little. */
export const AAC_PART_SECONDS = 90;
/** PCM a part may hold while its ffmpeg catches up: a part's worth, so the speech can run ahead to the next part. */
const PART_BUFFER_BYTES = 6 << 20;

/** Limits how many AAC parts encode at once (one per core), across the chapters of a run. */
export class PartSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

interface Part {
  sink: PassThrough;
  done: Promise<void>;
}

export interface AacPartsOptions {
  outPath: string;
  sampleRate: number;
  bitrate: number;
  slots: PartSlots;
  signal: AbortSignal;
  /** Default AAC_PART_SECONDS. */
  partSeconds?: number;
}

/** One chapter's AAC, fed like a single encoder: speech, pauses, then the tail that fills its slot. */
export class AacPartsEncoder {
  private readonly parts: Part[] = [];
  private current?: Part;
  /** Samples of the chapter placed so far (fed, or left to padding and priming at a cut). */
  private position = 0;
  /** Where the current part starts in the chapter. */
  private partStart = 0;
  private readonly work: Promise<string>;
  private readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private rejectFinished!: (e: unknown) => void;
  /** Settles when the chapter file is in place; rejects as soon as any part fails. */
  readonly done: Promise<void>;

  /** How many parts the chapter was cut into so far. */
  get partCount(): number {
    return this.parts.length;
  }

  constructor(private readonly options: AacPartsOptions) {
    this.work = makeWorkDir('narrate-aac-');
    this.work.catch(() => {});
    this.finished = new Promise((resolve, reject) => {
      this.resolveFinished = resolve;
      this.rejectFinished = reject;
    });
    // A stopped run may stop between parts, with no ffmpeg to fail: the chapter fails all the same.
    const onAbort = () => this.rejectFinished(options.signal.reason);
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort, { once: true });
    this.finished.then(
      () => options.signal.removeEventListener('abort', onAbort),
      () => options.signal.removeEventListener('abort', onAbort),
    );
    this.done = this.finished.then(
      () => this.join(),
      async (e) => {
        // Every part's ffmpeg has exited (killed through the signal) before its files go.
        await Promise.allSettled(this.parts.map((p) => p.done));
        await this.work.then(removeWorkDir, () => {});
        throw e;
      },
    );
    this.done.catch(() => {}); // awaited by the caller
  }

  /** Speech: always fed. */
  async write(pcm: Int16Array): Promise<void> {
    const part = await this.part();
    await feed(part.sink, pcm);
    this.position += pcm.length;
  }

  /**
   * A pause of `samples` silence. A long-enough part is cut inside it, on a whole AAC
   * frame of the chapter with at least MIN_TAIL of this silence before the cut.
   */
  async pause(samples: number): Promise<void> {
    const end = this.position + samples;
    const cut = Math.floor(end / AAC_FRAME) * AAC_FRAME;
    const longEnough = this.position - this.partStart >= (this.options.partSeconds ?? AAC_PART_SECONDS) * this.options.sampleRate;
    if (!longEnough || cut - this.position < MIN_TAIL) {
      await this.silence(samples);
      return;
    }
    await this.silence(cut - FED_SHORTFALL.m4b - this.position);
    this.current!.sink.end();
    this.current = undefined;
    this.position = cut;
    this.partStart = cut;
    await this.silence(end - cut);
  }

  /** Ends the chapter with `tailSamples` of silence, less what the encoder adds itself. */
  finish(tailSamples: number): void {
    void (async () => {
      await this.silence(tailSamples - FED_SHORTFALL.m4b);
      this.current?.sink.end();
      this.current = undefined;
      await Promise.all(this.parts.map((p) => p.done));
    })().then(this.resolveFinished, this.rejectFinished);
  }

  private async silence(samples: number): Promise<void> {
    if (samples <= 0) return;
    const part = await this.part();
    for (let left = samples; left > 0; left -= SILENCE.length) await feed(part.sink, left >= SILENCE.length ? SILENCE : SILENCE.subarray(0, left));
    this.position += samples;
  }

  /** The part being fed; a new one waits for a free slot, so at most one part per core encodes. */
  private async part(): Promise<Part> {
    if (this.current) return this.current;
    const release = await this.options.slots.acquire();
    const dir = await this.work;
    const sink = new PassThrough({ highWaterMark: PART_BUFFER_BYTES });
    const outPath = partPath(dir, this.parts.length);
    const { sampleRate, bitrate, signal } = this.options;
    const done = encodeChapter({ pcm: sink, sampleRate, format: 'm4b', outPath, bitrate, signal }).finally(release);
    done.catch((e) => this.rejectFinished(e));
    this.current = { sink, done };
    this.parts.push(this.current);
    return this.current;
  }

  /** ADTS frames stand alone: the chapter file is the parts, one after another. */
  private async join(): Promise<void> {
    const dir = await this.work;
    try {
      await produceFileAtomic(this.options.outPath, async (tmp) => {
        const out = await open(tmp, 'w');
        try {
          for (const [i] of this.parts.entries()) await out.write(await readFile(partPath(dir, i)));
        } finally {
          await out.close();
        }
      });
    } finally {
      await removeWorkDir(dir);
    }
  }
}

const SILENCE = new Int16Array(8192);

function partPath(dir: string, index: number): string {
  return join(dir, `part-${String(index).padStart(5, '0')}.aac`);
}

async function feed(sink: PassThrough, pcm: Int16Array): Promise<void> {
  if (pcm.length === 0) return;
  if (!sink.write(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength))) await once(sink, 'drain');
}
