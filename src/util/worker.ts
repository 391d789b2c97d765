// Starting one of our worker threads (the eSpeak NG engine's, the saved page's): compiled
// builds run the worker's .js file, which the build puts beside the chunk that starts it;
// the tests run the TypeScript sources, so there the worker's .ts file is loaded through tsx.
import { Worker } from 'node:worker_threads';

/** Starts the worker module `name` that sits beside the module at `besideUrl` (the caller's import.meta.url). */
export function startWorkerBeside(besideUrl: string, name: string, workerData: unknown): Worker {
  if (!besideUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, besideUrl), { workerData });
  const source = new URL(`./${name}.ts`, besideUrl).href;
  // Resolved here, not in the worker: eval'd code resolves packages from the working folder.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
