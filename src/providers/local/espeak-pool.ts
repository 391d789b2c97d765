// A small pool of eSpeak NG worker threads (the engine is single-threaded WebAssembly).
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { EspeakOutput, EspeakSettings, EspeakVoice } from './espeak.js';
import type { EspeakJob } from './espeak-worker.js';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve: (out: never) => void;
  reject: (e: Error) => void;
}

/** Compiled builds run espeak-worker.js; the tests run the TypeScript source, loaded through tsx. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./espeak-worker.js', import.meta.url));
  const source = new URL('./espeak-worker.ts', import.meta.url).href;
  // Resolved here, not in the worker: eval'd code resolves packages from the working folder.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true });
}

export class EspeakPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<() => void> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism()))) {}

  private spawn(): Worker {
    const worker = startWorker();
    worker.on('message', (m: { id: number; out?: never; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      // An aborted job's result arrives after its promise was rejected: drop it.
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.out!);
      this.release(worker);
    });
    worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
    this.workers.push(worker);
    return worker;
  }

  private acquire(): Promise<Worker> {
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    if (this.workers.length < this.size) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.queue.push(() => resolve(this.idle.pop()!)));
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.queue.shift()?.();
  }

  /** Aborting rejects at once; the engine's thread stops when the pool is closed. */
  synthesize(input: string, settings: EspeakSettings, signal?: AbortSignal): Promise<EspeakOutput> {
    return this.run({ kind: 'speak', input, settings }, signal);
  }

  /** The voices eSpeak NG offers; the first call also loads the engine in a worker. */
  voices(): Promise<EspeakVoice[]> {
    return this.run({ kind: 'voices' });
  }

  private async run<T>(job: DistributiveOmit<EspeakJob, 'id'>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const worker = await this.acquire();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const abort = () => {
        if (this.pending.delete(id)) reject(signal!.reason);
      };
      const settle = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => {
        signal?.removeEventListener('abort', abort);
        f(...a);
      };
      this.pending.set(id, { resolve: settle(resolve as (out: never) => void), reject: settle(reject) });
      worker.postMessage({ id, ...job });
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }
}
