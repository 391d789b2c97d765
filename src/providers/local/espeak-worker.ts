// The eSpeak NG engine's thread: one per process, so the main thread stays free to feed
// ffmpeg while segments are spoken, and the system library's global state has one owner.
import { parentPort, workerData } from 'node:worker_threads';
import { NarrateError } from '../../errors.js';
import { SHARED, type EspeakEngineCore, type EspeakSettings } from './espeak-types.js';

export type EspeakJob =
  | { id: number; kind: 'speak'; input: string; settings: EspeakSettings }
  | { id: number; kind: 'phonemes'; input: string; settings: EspeakSettings }
  | { id: number; kind: 'voices' }
  | { id: number; kind: 'close' };

export interface EspeakWorkerData {
  engine: 'native' | 'wasm';
  library: string;
  shared: SharedArrayBuffer;
}

const data = workerData as EspeakWorkerData;
const shared = new Int32Array(data.shared);

/**
 * Runs a call into the engine flagged as busy. Ending a worker thread while the system
 * library runs (and calls back into JavaScript through koffi) aborts the whole process,
 * so the main thread waits for this flag to drop before it exits (haltEspeakNow).
 */
function inEngine<T>(call: () => T): T {
  if (Atomics.load(shared, SHARED.halt) === 1) throw new Error('eSpeak NG was stopped');
  Atomics.store(shared, SHARED.busy, 1);
  try {
    return call();
  } finally {
    Atomics.store(shared, SHARED.busy, 0);
    Atomics.notify(shared, SHARED.busy);
  }
}

async function start(): Promise<EspeakEngineCore> {
  if (data.engine === 'wasm') return (await import('./espeak-wasm.js')).startWasmEspeak();
  const { startNativeEspeak } = await import('./espeak-native.js');
  try {
    return inEngine(() => startNativeEspeak(data.library));
  } catch (e) {
    if (e instanceof NarrateError) throw e;
    throw new NarrateError(`eSpeak NG (${data.library}) did not start: ${(e as Error).message.split('\n')[0]}. Set NARRATE_ESPEAK=wasm to use its WebAssembly build`);
  }
}
const engine = start();
engine.catch(() => {}); // reported with the first job

parentPort!.on('message', async (job: EspeakJob) => {
  // Ends the thread between jobs, never inside a call into the engine: terminating a worker
  // while the system library runs (and calls back into JavaScript) aborts the process.
  if (job.kind === 'close') process.exit(0);
  try {
    const core = await engine;
    if (job.kind === 'voices') {
      parentPort!.postMessage({ id: job.id, out: inEngine(() => core.voices()) });
    } else if (job.kind === 'phonemes') {
      parentPort!.postMessage({ id: job.id, out: inEngine(() => core.phonemes(job.input, job.settings)) });
    } else {
      const stop = () => Atomics.load(shared, SHARED.cancel) === job.id || Atomics.load(shared, SHARED.halt) === 1;
      const out = inEngine(() => core.synthesize(job.input, job.settings, stop));
      parentPort!.postMessage({ id: job.id, out }, [out.pcm.buffer as ArrayBuffer]);
    }
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message, userError: e instanceof NarrateError });
  }
});
