// Runs eSpeak NG in its own worker thread, one job at a time, for the whole process:
// the main thread only posts jobs. One host per engine; the system library's global
// state allows no second instance. The worker does not keep the process alive when idle.
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { NarrateError } from '../../errors.js';
import { startWorkerBeside } from '../../util/worker.js';
import { SHARED } from './espeak-types.js';
import type { EspeakJob, EspeakWorkerData } from './espeak-worker.js';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type EspeakRequest = DistributiveOmit<EspeakJob, 'id'>;

interface Job {
  id: number;
  request: EspeakRequest;
  resolve: (out: never) => void;
  reject: (e: unknown) => void;
  /** Given up on (aborted): its answer, when it comes, is dropped. */
  settled: boolean;
}


export class EspeakHost {
  private worker?: Worker;
  private readonly queue: Job[] = [];
  private current?: Job;
  /** A closed worker that has not exited yet: no new one starts until it has (one engine at a time). */
  private closing?: Promise<void>;
  private nextId = 1;
  private readonly shared = new Int32Array(new SharedArrayBuffer(4 * SHARED.length));

  constructor(
    readonly engine: 'native' | 'wasm',
    readonly library: string,
  ) {}

  /** Aborting rejects at once; a synthesis in progress stops at its next audio buffer. */
  run<T>(request: EspeakRequest, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.nextId++, request, resolve: resolve as (out: never) => void, reject, settled: false };
      const abort = () => {
        if (job.settled) return;
        job.settled = true;
        const queued = this.queue.indexOf(job);
        if (queued >= 0) this.queue.splice(queued, 1);
        else Atomics.store(this.shared, SHARED.cancel, job.id);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      const settle = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => {
        signal?.removeEventListener('abort', abort);
        if (job.settled) return;
        job.settled = true;
        f(...a);
      };
      job.resolve = settle(job.resolve);
      job.reject = settle(job.reject);
      this.queue.push(job);
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.closing) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.current = job;
    const worker = this.spawned();
    worker.ref();
    worker.postMessage({ id: job.id, ...job.request });
  }

  private spawned(): Worker {
    if (this.worker) return this.worker;
    const data: EspeakWorkerData = { engine: this.engine, library: this.library, shared: this.shared.buffer as SharedArrayBuffer };
    const worker = startWorkerBeside(import.meta.url, 'espeak-worker', data);
    worker.on('message', (m: { id: number; out?: never; error?: string; userError?: boolean }) => {
      if (this.worker !== worker) return;
      const job = this.current;
      if (!job || job.id !== m.id) return;
      this.current = undefined;
      if (m.error === undefined) job.resolve(m.out!);
      else job.reject(m.userError ? new NarrateError(m.error) : new Error(m.error));
      this.pump();
    });
    worker.on('error', (e) => this.worker === worker && this.fail(e));
    worker.on('exit', (code) => this.worker === worker && this.fail(new Error(`the eSpeak NG worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /**
   * Stops the engine's thread and frees its memory once speech is done; jobs still
   * waiting fail. A later job starts the engine again.
   */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    if (this.current) Atomics.store(this.shared, SHARED.cancel, this.current.id);
    this.fail(new Error('eSpeak NG was closed'));
    // The worker ends itself once its job in progress (cancelled just now) returns: see espeak-worker.ts.
    const exited = once(worker, 'exit').then(() => {
      this.closing = undefined;
      this.pump();
    });
    this.closing = exited;
    worker.ref();
    worker.postMessage({ id: 0, kind: 'close' });
    await exited;
  }

  /**
   * For a process about to exit at once (process.exit): stops any synthesis and blocks
   * until the engine's thread is out of the engine, which takes one audio buffer at most.
   */
  haltNow(): void {
    Atomics.store(this.shared, SHARED.halt, 1);
    Atomics.wait(this.shared, SHARED.busy, 1, 5000);
  }

  /** The worker died: every job waiting on it fails; the next job starts a new one. */
  private fail(e: Error): void {
    this.worker = undefined;
    const jobs = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = undefined;
    for (const job of jobs) job.reject(e);
  }
}
