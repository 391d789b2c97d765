// A saved page named on the command line starts being read at once, in a worker thread
// (page-worker.ts), while the rest of the CLI loads on the main thread. Loading the DOM
// library and Readability and finding the article is most of what a page costs over the
// same text pasted; with two cores or more it now runs beside start-up instead of after
// it. The web reader takes the result when it reaches the page (takeSavedPageRead); when
// the guess below was wrong or the worker failed, it reads the page itself, as it would
// without this. NARRATE_PAGE_WORKER=0 turns it off.
//
// This module is the first thing dist/cli.js loads: it imports nothing heavy.
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorkerBeside } from '../util/worker.js';
import type { ExtractedArticle } from './extract.js';
import type { PageWorkerData, PageWorkerReply } from './page-worker.js';

interface EarlyRead extends PageWorkerData {
  worker: Worker;
  article: Promise<ExtractedArticle | undefined>;
}

let started: EarlyRead | undefined;

/**
 * The saved page a command line names, guessed without the CLI's parser (which has not
 * loaded yet): the first argument ending in .html or .htm that is not an option. A wrong
 * guess costs only the worker's time: the reader uses the result only for the same path.
 */
export function savedPageIn(args: readonly string[]): PageWorkerData | undefined {
  const path = args.find((a) => !a.startsWith('-') && ['.html', '.htm'].includes(extname(a).toLowerCase()));
  return path === undefined ? undefined : { path, keepAll: args.includes('--keep-all'), describeImages: args.includes('--describe-images') };
}

/**
 * Starts reading the saved page the arguments name, if any, when a second core can take it
 * (on one core the worker would only add its own start-up). Says whether it started.
 */
export function startSavedPageRead(args: readonly string[], cores = availableParallelism()): boolean {
  const page = savedPageIn(args);
  if (!page || started || process.env.NARRATE_PAGE_WORKER === '0' || cores < 2) return false;
  const worker = startWorkerBeside(import.meta.url, 'page-worker', page);
  // Until the reader takes the result, the worker does not keep the process alive (--help, a refused option).
  worker.unref();
  const article = new Promise<ExtractedArticle | undefined>((resolve) => {
    worker.once('message', (reply: PageWorkerReply) => resolve('article' in reply ? reply.article : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  started = { ...page, worker, article };
  return true;
}

/**
 * The article the worker found in this page, read with these options; undefined when no
 * worker read it (or it failed), and the caller reads the page itself.
 */
export async function takeSavedPageRead(path: string, options: Omit<PageWorkerData, 'path'>): Promise<ExtractedArticle | undefined> {
  const read = started;
  if (!read || read.path !== path || read.keepAll !== options.keepAll || read.describeImages !== options.describeImages) return undefined;
  started = undefined;
  read.worker.ref();
  try {
    return await read.article;
  } finally {
    read.worker.unref();
  }
}
