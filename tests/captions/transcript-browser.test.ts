// Opens transcript.html in a real Chromium (Debian's package, driven by
// playwright-core) from a local server, as a listener would.
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCaptions } from '../../src/captions/index.js';
import { spokenBook, synthesizeTimeline } from './synthetic-book.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.mp3': 'audio/mpeg', '.vtt': 'text/vtt; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

const book = spokenBook(
  [
    { title: 'The Lamp', paragraphs: [{ sentences: ['The keeper lit the lamp.'] }, { sentences: ['Night fell.'] }] },
    { title: 'The Storm & the <Sea>', paragraphs: [{ sentences: ['Waves broke over the rock.'] }] },
    { title: 'Morning', paragraphs: [{ sentences: ['The boats came home.'] }] },
  ],
  { language: 'en-GB', title: 'The Keeper of Tern Rock' },
);
const timeline = synthesizeTimeline(book);

/** Serves a folder on 127.0.0.1 with byte ranges, which media seeking needs. */
function serveFolder(folder: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = join(folder, normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
    const size = await stat(path).then((s) => s.size, () => -1);
    if (size < 0) return void response.writeHead(404).end();
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    const start = range?.[1] ? Number(range[1]) : 0;
    const end = range?.[2] ? Number(range[2]) : size - 1;
    const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', 'content-length': String(end - start + 1) };
    if (range) response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}` });
    else response.writeHead(200, headers);
    createReadStream(path, { start, end }).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('transcript.html in a browser', () => {
  let folder: string;
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'narrate-transcript-'));
    const seconds = Math.ceil(timeline.durationMs / 1000) + 1;
    await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `sine=frequency=220:duration=${seconds}`, '-ac', '1', '-b:a', '32k', join(folder, 'book.mp3')]);
    await writeCaptions(folder, timeline, book, { voiceLabels: new Map(), srt: false, audioFileName: 'book.mp3' });
    server = await serveFolder(folder);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('declares its language and title and has one heading per chapter', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/transcript.html`);
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    expect(await page.title()).toBe('The Keeper of Tern Rock: transcript');
    expect(await page.locator('h1').allInnerTexts()).toEqual(['The Keeper of Tern Rock']);
    expect(await page.locator('h2').allInnerTexts()).toEqual(['The Lamp', 'The Storm & the <Sea>', 'Morning']);
    expect(await page.getByRole('link', { name: /^Listen from \d+:\d\d: The Storm & the <Sea>$/ }).count()).toBe(1);
    await page.close();
  });

  it('seeks the player to the start of the chapter whose link is clicked', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/transcript.html`);
    await page.waitForFunction(() => (document.getElementById('book-audio') as HTMLAudioElement).readyState >= 1);
    for (const chapter of [...timeline.chapters].reverse()) {
      const link = page.locator('section').nth(chapter.index).locator('a[data-start]');
      await link.click();
      const position = await page.evaluate(() => {
        const audio = document.getElementById('book-audio') as HTMLAudioElement;
        audio.pause();
        return audio.currentTime;
      });
      expect(Math.abs(position - chapter.startMs / 1000)).toBeLessThan(0.35);
      expect(page.url()).toBe(`${base}/transcript.html`);
    }
    await page.close();
  });

  it('still takes the listener to the chapter in the audio when script is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/transcript.html`);
    await page.locator('section').nth(2).locator('a[data-start]').click();
    await page.waitForURL(/book\.mp3#t=/);
    expect(page.url()).toBe(`${base}/book.mp3#t=${(Math.round(timeline.chapters[2]!.startMs) / 1000).toFixed(3)}`);
    await context.close();
  });
});
