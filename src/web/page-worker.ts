// A worker thread that reads a saved page while the CLI starts (early-read.ts): the file,
// its text, and the article extract.ts finds in it, posted back as plain data. Any failure
// is posted as such and nothing else: the main thread then reads the page itself, and its
// own reading reports the error as usual (a missing file, a folder, no article found).
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { decodePage, extractArticle, type ExtractedArticle } from './extract.js';

export interface PageWorkerData {
  path: string;
  keepAll: boolean;
  describeImages: boolean;
}

export type PageWorkerReply = { article: ExtractedArticle } | { failed: string };

const { path, keepAll, describeImages } = workerData as PageWorkerData;
let reply: PageWorkerReply;
try {
  reply = { article: extractArticle(decodePage(await readFile(path)), { file: path, keepAll, describeImages }) };
} catch (e) {
  reply = { failed: e instanceof Error ? e.message : String(e) };
}
parentPort!.postMessage(reply);
