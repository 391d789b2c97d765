// Web input: a saved page (.html, .htm) or an article's address (http:// or https://).
// Both are read into the same BookDocument as every other input kind.
import { readInputFile } from '../util/input-file.js';
import { decodePage, readArticle, type WebArticle } from './article.js';
import { fetchPage, isUrl } from './fetch-page.js';

export { isWebInput } from './fetch-page.js';

export async function readWebInput(input: string, options: { keepAll?: boolean } = {}): Promise<WebArticle> {
  if (isUrl(input)) {
    const page = await fetchPage(input);
    return readArticle(decodePage(page.bytes, page.charset), { file: input, keepAll: options.keepAll });
  }
  return readArticle(decodePage(await readSavedPage(input)), { file: input, keepAll: options.keepAll });
}

function readSavedPage(path: string): Promise<Buffer> {
  return readInputFile(path, {
    inFolder: (p) => `Name the saved page inside it, e.g. ${p}/index.html`,
    missing: 'no such file. Check the path of the saved page',
    what: 'the saved page',
  });
}
