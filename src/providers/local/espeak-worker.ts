// Runs in a worker thread: one eSpeak NG instance per thread, so the main thread stays
// free to feed ffmpeg while segments are spoken.
import { parentPort } from 'node:worker_threads';
import { espeakSynthesize, espeakVoices, type EspeakSettings } from './espeak.js';

export type EspeakJob = { id: number; kind: 'speak'; input: string; settings: EspeakSettings } | { id: number; kind: 'voices' };

parentPort!.on('message', async (job: EspeakJob) => {
  try {
    if (job.kind === 'voices') {
      parentPort!.postMessage({ id: job.id, out: await espeakVoices() });
      return;
    }
    const out = await espeakSynthesize(job.input, job.settings);
    parentPort!.postMessage({ id: job.id, out }, [out.pcm.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message });
  }
});
