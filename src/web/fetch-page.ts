// Fetching a web page for narrate: one GET with a time limit, a size limit, at most a
// few redirects (followed by hand, so a loop is named as one), and only HTML accepted.
// Every failure is one NarrateError line saying what happened and what to do.
import { extname } from 'node:path';
import { NarrateError } from '../errors.js';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** A saved page or an article's address: read as a web page, not as a script. */
export function isWebInput(input: string): boolean {
  return isUrl(input) || HTML_EXTENSIONS.has(extname(input).toLowerCase());
}

export interface FetchedPage {
  /** The address the page finally came from, after redirects. */
  url: string;
  bytes: Buffer;
  /** The charset the server named in Content-Type, if any. */
  charset?: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

/** Overridable by NARRATE_FETCH_TIMEOUT_MS and NARRATE_FETCH_MAX_BYTES (README "Narrating a web article"). */
export function defaultLimits(env: NodeJS.ProcessEnv = process.env): FetchLimits {
  return {
    timeoutMs: positiveNumber(env.NARRATE_FETCH_TIMEOUT_MS, 'NARRATE_FETCH_TIMEOUT_MS') ?? 20_000,
    maxBytes: positiveNumber(env.NARRATE_FETCH_MAX_BYTES, 'NARRATE_FETCH_MAX_BYTES') ?? 10 * 1024 * 1024,
    maxRedirects: 5,
  };
}

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new NarrateError(`${name}="${value}" is not a positive number. Set it to a number such as 20000, or unset it`);
  return n;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/i;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export async function fetchPage(address: string, limits: FetchLimits = defaultLimits()): Promise<FetchedPage> {
  let url = parseUrl(address);
  const seen = new Set<string>([url.href]);
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  for (let hop = 0; ; hop++) {
    const response = await get(url, deadline, limits, address);
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel();
      const next = new URL(response.headers.get('location')!, url);
      if (seen.has(next.href)) throw new NarrateError(`${address}: the server redirects in a loop (${url.href} → ${next.href}). Open the address in a browser, save the page (.html) and narrate the file`);
      if (hop + 1 > limits.maxRedirects) throw new NarrateError(`${address}: more than ${limits.maxRedirects} redirects. Give the final address of the article`);
      seen.add(next.href);
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new NarrateError(`${address}: the server answered ${response.status} ${response.statusText || ''}`.trimEnd() + '. Check the address, or save the page from a browser (.html) and narrate the file');
    }
    const type = response.headers.get('content-type') ?? '';
    const mime = type.split(';')[0]!.trim();
    if (!HTML_TYPES.test(mime)) {
      await response.body?.cancel();
      throw new NarrateError(`${address}: is ${mime || 'of no stated type'}, not a web page (text/html). Give the address of an article page`);
    }
    const bytes = await readBody(response, limits, address, deadline);
    return { url: url.href, bytes, charset: /charset\s*=\s*"?([\w-]+)/i.exec(type)?.[1] };
  }
}

function parseUrl(address: string): URL {
  try {
    return new URL(address);
  } catch {
    throw new NarrateError(`${address}: not a valid web address. Write it in full, e.g. https://example.org/story`);
  }
}

async function get(url: URL, deadline: AbortSignal, limits: FetchLimits, address: string): Promise<Response> {
  try {
    return await fetch(url, { redirect: 'manual', signal: deadline, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'narrate (article narration)' } });
  } catch (e) {
    throw fetchFailure(e, address, limits);
  }
}

async function readBody(response: Response, limits: FetchLimits, address: string, deadline: AbortSignal): Promise<Buffer> {
  const tooLarge = () => new NarrateError(`${address}: the page is larger than ${Math.round(limits.maxBytes / 1024)} KiB, too large for an article. Save the article from a browser and narrate the file, or raise NARRATE_FETCH_MAX_BYTES`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > limits.maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (e) {
    await response.body?.cancel().catch(() => {});
    if (e instanceof NarrateError) throw e;
    throw fetchFailure(deadline.aborted ? deadline.reason : e, address, limits);
  }
  return Buffer.concat(chunks);
}

function fetchFailure(e: unknown, address: string, limits: FetchLimits): NarrateError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new NarrateError(`${address}: no complete answer within ${limits.timeoutMs / 1000} s. Try again later, or save the page from a browser (.html) and narrate the file`);
  }
  const detail = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new NarrateError(`${address}: could not fetch the page (${detail}). Check the address and the network, or save the page (.html) and narrate the file`);
}
