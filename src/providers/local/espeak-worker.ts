// Runs in a worker thread: one eSpeak NG instance per thread, so segments are
// spoken on several cores at once.
import { parentPort } from 'node:worker_threads';
import { espeakSynthesize, type EspeakSettings } from './espeak.js';

interface Job {
  id: number;
  input: string;
  settings: EspeakSettings;
}

parentPort!.on('message', async (job: Job) => {
  try {
    const out = await espeakSynthesize(job.input, job.settings);
    parentPort!.postMessage({ id: job.id, out }, [out.pcm.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message });
  }
});
