// Each kind of web input through the installed CLI: a saved page and a URL served from
// 127.0.0.1, with every fetch failure ending as one line and a non-zero exit.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, writeScript } from '../support/book.js';
import { BOXED_STORY, BOXED_TITLE, FURNITURE, PAGE_TITLE, REVIEW_FURNITURE, REVIEW_STORY, REVIEW_TITLE, STORY_SENTENCES, boxedStoryPage, newsPage, reviewPage } from './fixtures-page.js';

const MOCK = ['--provider', 'mock', '--format', 'mp3', '--no-cache', '-q'];

async function transcript(dir: string): Promise<string> {
  return readFile(join(dir, 'output', 'ferry-timetable-changes-for-the-winter', 'transcript.txt'), 'utf8');
}

function expectStoryOnly(text: string): void {
  for (const sentence of STORY_SENTENCES) expect(text).toContain(sentence);
  for (const furniture of FURNITURE) expect(text).not.toContain(furniture);
}

describe('a saved web page (.html)', () => {
  it('narrates the article and nothing else, titled by its headline, with its subheading as a chapter', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'ferry.html', newsPage());
    const run = await runCli(['ferry.html', ...MOCK], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const text = await transcript(dir);
    expectStoryOnly(text);
    expect(text.split('\n')[0]).toBe(PAGE_TITLE);
    expect(text.split(PAGE_TITLE).length - 1).toBe(1); // the headline once
    expect(text).toMatch(/^What the refit means$/m);
    const manifest = JSON.parse(await readFile(join(dir, 'output', 'ferry-timetable-changes-for-the-winter', 'manifest.json'), 'utf8'));
    expect(manifest.author).toBe("Tomasz Reilly");
    // The byline is not said, so the text of what is heard leaves it out; the HTML transcript's header shows it.
    expect(text).not.toContain('Tomasz Reilly');
    const html = await readFile(join(dir, 'output', 'ferry-timetable-changes-for-the-winter', 'transcript.html'), 'utf8');
    expect(html).toContain('<p>by Tomasz Reilly</p>');
  });

  it('--dry-run lists what was left out and why; --keep-all keeps what Readability found', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'ferry.html', newsPage());
    const dry = await runCli(['ferry.html', '--dry-run', '--provider', 'mock'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/\[ui-phrase\]\s+Advertisement$/m);
    expect(dry.stdout).toMatch(/\[ui-phrase\]\s+Sign up for our newsletter$/m);
    const all = await runCli(['ferry.html', '--dry-run', '--provider', 'mock', '--keep-all'], { cwd: dir });
    expect(all.stdout).not.toMatch(/\[ui-phrase\]/);
    expect(Number(/characters: (\d+)/.exec(all.stdout)![1])).toBeGreaterThan(Number(/characters: (\d+)/.exec(dry.stdout)![1]));
  });
});

describe('a saved page with --describe-images', () => {
  it("reads the article's image descriptions, which are left out by default", async () => {
    const dir = await tempDir();
    await writeScript(dir, 'ferry.html', newsPage());
    const plain = await runCli(['ferry.html', ...MOCK], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(0);
    expect(await transcript(dir)).not.toContain('The ferry at the quay');
    const described = await runCli(['ferry.html', ...MOCK, '--describe-images'], { cwd: dir });
    expect(described.code, described.stderr).toBe(0);
    const text = await transcript(dir);
    expect(text).toContain('The ferry at the quay');
    expectStoryOnly(text);
  });
});

describe('a saved page laid out as a blog platform lays it out', () => {
  const dirName = 'two-pocket-torches-tried-on-a-winter-walk';

  it('narrates the story with its lists whole, without the page code, teaser rail, topic links or other posts', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'torches.html', reviewPage());
    const run = await runCli(['torches.html', ...MOCK], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(join(dir, 'output', dirName, 'transcript.txt'), 'utf8');
    for (const sentence of REVIEW_STORY) expect(text).toContain(sentence);
    for (const furniture of REVIEW_FURNITURE) expect(text).not.toContain(furniture);
    // A line both product lists share is each list's own item, not a repeated template line.
    expect(text.split('Fits in a coat pocket').length - 1).toBe(2);
    expect(text.split('\n')[0]).toBe(REVIEW_TITLE);
    // The author comes from the page's JSON-LD, which is kept when scripts are cut.
    const manifest = JSON.parse(await readFile(join(dir, 'output', dirName, 'manifest.json'), 'utf8'));
    expect(manifest.author).toBe('Ines Okafor');
  });

  it('--dry-run names the teaser cards, the other posts and the line of links; --keep-all narrates them', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'torches.html', reviewPage());
    const dry = await runCli(['torches.html', '--dry-run', '--provider', 'mock'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/\[teaser cards\]\s+ON THE WATER Canal boats return/);
    expect(dry.stdout.match(/\[other posts\]/g)).toHaveLength(3);
    expect(dry.stdout).toMatch(/\[mostly links\]\s+Filed under: pocket torches/);
    const all = await runCli(['torches.html', ...MOCK, '--keep-all'], { cwd: dir });
    expect(all.code, all.stderr).toBe(0);
    const text = await readFile(join(dir, 'output', dirName, 'transcript.txt'), 'utf8');
    for (const teaser of ['Canal boats return', 'bicycle puncture']) expect(text).toContain(teaser);
  });
});

describe('a saved page whose story Readability finds only on a later attempt', () => {
  it('narrates the whole story: the page is restored between attempts as it was', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'lighthouse.html', boxedStoryPage());
    const run = await runCli(['lighthouse.html', ...MOCK], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(join(dir, 'output', 'lighthouse-keepers-return-to-the-northern-point', 'transcript.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe(BOXED_TITLE);
    for (const sentence of BOXED_STORY) expect(text).toContain(sentence);
  });
});

describe('a saved page read beside start-up (in a worker thread) or after it', () => {
  const inThread = { NARRATE_PAGE_WORKER: '0' };

  it('gives the same narration, listing and files either way', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'ferry.html', newsPage(3));
    await writeScript(dir, 'boxed.html', boxedStoryPage());
    for (const page of ['ferry.html', 'boxed.html']) {
      for (const extra of [[], ['--keep-all']]) {
        const worker = await runCli([page, '--dry-run', '--provider', 'mock', ...extra], { cwd: dir });
        const thread = await runCli([page, '--dry-run', '--provider', 'mock', ...extra], { cwd: dir, env: inThread });
        expect(worker.code, worker.stderr).toBe(0);
        expect(worker.stdout).toBe(thread.stdout);
      }
    }
    const worker = await runCli(['ferry.html', ...MOCK, '--out', 'a'], { cwd: dir });
    const thread = await runCli(['ferry.html', ...MOCK, '--out', 'b'], { cwd: dir, env: inThread });
    expect(worker.code, worker.stderr).toBe(0);
    expect(thread.code, thread.stderr).toBe(0);
    for (const file of ['transcript.txt', 'captions.vtt', 'chapters.json']) {
      const book = join('ferry-timetable-changes-for-the-winter', file);
      expect(await readFile(join(dir, 'a', book), 'utf8')).toBe(await readFile(join(dir, 'b', book), 'utf8'));
    }
  });

  it('stops with the same one line either way on a missing page, a folder and a page without an article', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'empty.html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
    await mkdir(join(dir, 'folder.html'));
    for (const page of ['missing.html', 'folder.html', 'empty.html']) {
      const worker = await runCli([page, '--provider', 'mock'], { cwd: dir });
      const thread = await runCli([page, '--provider', 'mock'], { cwd: dir, env: inThread });
      expect(worker.code).not.toBe(0);
      expect(worker.stderr.trim().split('\n')).toHaveLength(1);
      expect(worker.stderr).toContain(page);
      expect({ code: worker.code, stderr: worker.stderr }).toEqual({ code: thread.code, stderr: thread.stderr });
    }
  });
});

describe('an article URL', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/ferry') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage());
      if (path === '/moved') return res.writeHead(301, { location: '/ferry' }).end();
      if (path === '/loop-a') return res.writeHead(302, { location: '/loop-b' }).end();
      if (path === '/loop-b') return res.writeHead(302, { location: '/loop-a' }).end();
      if (path === '/report.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
      if (path === '/huge') return res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage(400));
      if (path === '/slow') return; // never answers
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches the page, following a redirect, and narrates the story only', async () => {
    const dir = await tempDir();
    const run = await runCli([`${base}/moved`, ...MOCK], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expectStoryOnly(await transcript(dir));
  });

  const failures: Array<[string, string, RegExp, Record<string, string>?]> = [
    ['a missing page', '/gone', /answered 404/],
    ['a redirect loop', '/loop-a', /redirects in a loop/],
    ['not a web page', '/report.pdf', /is application\/pdf, not a web page/],
    ['a page too large', '/huge', /larger than \d+ KiB/, { NARRATE_FETCH_MAX_BYTES: '20000' }],
    ['no answer in time', '/slow', /no complete answer within 0\.5 s/, { NARRATE_FETCH_TIMEOUT_MS: '500' }],
  ];
  for (const [what, path, message, env] of failures) {
    it(`stops on ${what} with one line and a non-zero exit`, async () => {
      const dir = await tempDir();
      const run = await runCli([`${base}${path}`, ...MOCK], { cwd: dir, env });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});
