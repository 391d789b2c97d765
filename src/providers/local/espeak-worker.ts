// The eSpeak NG engine's thread: one per process, so the main thread stays free to feed
// ffmpeg while segments are spoken, and the system library's global state has one owner.
import { parentPort, workerData } from 'node:worker_threads';
import { NarrateError } from '../../errors.js';
import type { EspeakEngineCore, EspeakSettings } from './espeak-types.js';

export type EspeakJob =
  | { id: number; kind: 'speak'; input: string; settings: EspeakSettings }
  | { id: number; kind: 'phonemes'; input: string; settings: EspeakSettings }
  | { id: number; kind: 'voices' };

export interface EspeakWorkerData {
  engine: 'native' | 'wasm';
  library: string;
  /** Int32 holding the id of the job the main thread gave up on: its synthesis stops early. */
  cancel: SharedArrayBuffer;
}

const data = workerData as EspeakWorkerData;
const cancel = new Int32Array(data.cancel);

async function start(): Promise<EspeakEngineCore> {
  if (data.engine === 'wasm') return (await import('./espeak-wasm.js')).startWasmEspeak();
  const { startNativeEspeak } = await import('./espeak-native.js');
  try {
    return startNativeEspeak(data.library);
  } catch (e) {
    if (e instanceof NarrateError) throw e;
    throw new NarrateError(`eSpeak NG (${data.library}) did not start: ${(e as Error).message.split('\n')[0]}. Set NARRATE_ESPEAK=wasm to use its WebAssembly build`);
  }
}
const engine = start();
engine.catch(() => {}); // reported with the first job

parentPort!.on('message', async (job: EspeakJob) => {
  try {
    const core = await engine;
    if (job.kind === 'voices') {
      parentPort!.postMessage({ id: job.id, out: core.voices() });
    } else if (job.kind === 'phonemes') {
      parentPort!.postMessage({ id: job.id, out: core.phonemes(job.input, job.settings) });
    } else {
      const out = core.synthesize(job.input, job.settings, () => Atomics.load(cancel, 0) === job.id);
      parentPort!.postMessage({ id: job.id, out }, [out.pcm.buffer as ArrayBuffer]);
    }
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message, userError: e instanceof NarrateError });
  }
});
