// The address the book's output folder is uploaded to. Every URL in the feed is
// built from it, so a wrong one would publish a feed whose files cannot be found.
import { NarrateError } from '../errors.js';

const EXAMPLE = 'e.g. --base-url https://example.org/pod/';

export function parseBaseUrl(raw: string | undefined): URL {
  if (raw === undefined || raw.trim() === '') {
    throw new NarrateError(`--feed needs --base-url: give the absolute address you will upload the book's output folder to, ${EXAMPLE}`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NarrateError(`--base-url "${raw}" is not an absolute URL: start it with https:// and the host, ${EXAMPLE}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new NarrateError(`--base-url "${raw}" must be an http(s) address podcast apps can download from, ${EXAMPLE}`);
  }
  if (url.search || url.hash) {
    throw new NarrateError(`--base-url "${raw}" must not have a query or #fragment: give the folder address only, ${EXAMPLE}`);
  }
  if (!raw.endsWith('/')) {
    throw new NarrateError(`--base-url "${raw}" must end with "/" (it names the folder the files are uploaded to): use --base-url ${url.href}/`);
  }
  return url;
}

/** The absolute URL of a file given relative to the output folder. */
export function urlFor(base: URL, relativePath: string): string {
  return new URL(relativePath.split('/').map(encodeURIComponent).join('/'), base).href;
}

/** podcast:guid's input: the feed URL without its scheme and trailing slashes. */
export function feedUrlForGuid(feedUrl: string): string {
  return feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
}
