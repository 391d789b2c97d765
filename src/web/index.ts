// Web input: a saved page (.html, .htm) or an article's address (http:// or https://).
// Both are read into the same BookDocument as every other input kind.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { NarrateError } from '../errors.js';
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

async function readSavedPage(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new NarrateError(`${path}: is a folder. Name the saved page inside it, e.g. ${path}/index.html`);
    return await readFile(path);
  } catch (e) {
    if (e instanceof NarrateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NarrateError(`${path}: no such file. Check the path of the saved page`);
    throw new NarrateError(`${path}: cannot read the saved page (${code})`);
  }
}
