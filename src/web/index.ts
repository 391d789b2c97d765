// Web input: a saved page (.html, .htm) or an article's address (http:// or https://).
// Both are read into the same BookDocument as every other input kind: extract.ts finds the
// article (loaded on demand: the DOM library and Readability are the largest code a page
// needs, and a saved page named on the command line was read in a worker while the CLI
// started, early-read.ts), article.ts makes the book.
import { readInputFile } from '../util/input-file.js';
import { articleBook, type WebArticle } from './article.js';
import { takeSavedPageRead } from './early-read.js';
import type { ExtractOptions } from './extract.js';
import { fetchPage, isUrl } from './fetch-page.js';

export { isWebInput } from './fetch-page.js';

export async function readWebInput(input: string, options: { keepAll?: boolean; describeImages?: boolean } = {}): Promise<WebArticle> {
  const read = { file: input, keepAll: options.keepAll, describeImages: options.describeImages };
  if (isUrl(input)) {
    const page = await fetchPage(input);
    return articleBook(await extract(page.bytes, page.charset, read), read);
  }
  const early = await takeSavedPageRead(input, { keepAll: options.keepAll === true, describeImages: options.describeImages === true });
  return articleBook(early ?? (await extract(await readSavedPage(input), undefined, read)), read);
}

async function extract(bytes: Buffer, charset: string | undefined, options: ExtractOptions) {
  const { decodePage, extractArticle } = await import('./extract.js');
  return extractArticle(decodePage(bytes, charset), options);
}

function readSavedPage(path: string): Promise<Buffer> {
  return readInputFile(path, {
    inFolder: (p) => `Name the saved page inside it, e.g. ${p}/index.html`,
    missing: 'no such file. Check the path of the saved page',
    what: 'the saved page',
  });
}
