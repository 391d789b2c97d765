// Bad input: base URLs, covers and feed.json. Each error must stop the feed before
// anything is written; each cover rule broken must be named in a warning.
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NarrateError } from '../../src/errors.js';
import { checkCover } from '../../src/feed/cover.js';
import { parseBaseUrl, publishFeed } from '../../src/feed/index.js';
import type { NarrateResult } from '../../src/pipeline.js';
import type { Reporter } from '../../src/reporter.js';
import { tempDir } from '../support/book.js';
import { BASE_URL, makeImage, narrateMock } from './support.js';

const STORY = `# Small Hours\n\n## One\n\nThe clock struck one.\n\n## Two\n\nThe clock struck two.\n`;

const exists = (path: string) => access(path).then(() => true, () => false);

describe('base URL', () => {
  it.each([
    [undefined, /--feed needs --base-url.*https:\/\/example\.org\/pod\//],
    ['', /--feed needs --base-url/],
    ['pod/', /"pod\/" is not an absolute URL/],
    ['/pod/', /"\/pod\/" is not an absolute URL/],
    ['example.org/pod/', /is not an absolute URL/],
    ['ftp://example.org/pod/', /must be an http\(s\) address/],
    ['https://example.org/pod/?season=1', /must not have a query/],
    ['https://example.org/pod', /must end with "\/".*use --base-url https:\/\/example\.org\/pod\/$/],
  ])('rejects %j with a message saying how to fix it', (raw, message) => {
    expect(() => parseBaseUrl(raw)).toThrow(NarrateError);
    expect(() => parseBaseUrl(raw)).toThrow(message);
  });

  it('accepts an absolute http(s) folder address', () => {
    expect(parseBaseUrl('https://example.org/pod/').href).toBe('https://example.org/pod/');
    expect(parseBaseUrl('http://127.0.0.1:8080/').href).toBe('http://127.0.0.1:8080/');
  });
});

describe('cover rules', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('narrate-cover-');
  });

  it('passes a square 1400 px PNG and a square 3000 px JPEG without warnings', async () => {
    expect((await checkCover(await makeImage(join(dir, 'ok.png'), 1400, 1400), 'story.md')).warnings).toEqual([]);
    expect((await checkCover(await makeImage(join(dir, 'ok.jpg'), 3000, 3000), 'story.md')).warnings).toEqual([]);
  });

  it('warns about a cover that is not square and too small, naming both rules', async () => {
    const { warnings } = await checkCover(await makeImage(join(dir, 'wide.jpg'), 1000, 800), 'story.md');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/1000x800, but podcast artwork must be square/);
    expect(warnings[1]).toMatch(/must be 1400 to 3000 px on each side/);
  });

  it('warns about a square cover larger than 3000 px', async () => {
    const { warnings } = await checkCover(await makeImage(join(dir, 'huge.png'), 3200, 3200), 'story.md');
    expect(warnings).toEqual([expect.stringMatching(/3200x3200, but podcast artwork must be 1400 to 3000 px/)]);
  });

  it('warns about a cover that is neither JPEG nor PNG', async () => {
    const check = await checkCover(await makeImage(join(dir, 'cover.bmp'), 1400, 1400), 'story.md');
    expect(check.warnings).toEqual([expect.stringMatching(/is bmp, but podcast artwork must be JPEG or PNG/)]);
    expect(check).toMatchObject({ isJpegOrPng: false, extension: 'bmp' });
  });

  it('rejects a missing cover and a file that is not an image', async () => {
    await expect(checkCover(join(dir, 'nope.png'), 'story.md')).rejects.toThrow(/story\.md: cover image .*nope\.png cannot be read/);
    await writeFile(join(dir, 'notes.png'), 'not an image');
    await expect(checkCover(join(dir, 'notes.png'), 'story.md')).rejects.toThrow(/notes\.png is not an image ffprobe can read/);
  });
});

describe('publishing with bad input', () => {
  let dir: string;
  let result: NarrateResult;

  beforeAll(async () => {
    dir = await tempDir('narrate-feed-input-');
    result = await narrateMock(dir, 'small.md', STORY);
  });

  beforeEach(() => {
    result.book.meta.cover = undefined;
  });

  const nothingWritten = async () => {
    expect(await exists(join(result.outDir, 'feed.xml'))).toBe(false);
    expect(await exists(join(result.outDir, 'episodes'))).toBe(false);
  };

  it.each([undefined, 'pod/', 'https://example.org/pod'])('writes no feed for base URL %j', async (baseUrl) => {
    await expect(publishFeed(result, { baseUrl, episodes: 'chapters' })).rejects.toThrow(NarrateError);
    await nothingWritten();
  });

  it('writes no feed when the cover cannot be read', async () => {
    result.book.meta.cover = 'missing-cover.jpg';
    await expect(publishFeed(result, { baseUrl: BASE_URL, episodes: 'chapters' })).rejects.toThrow(/small\.md: cover image .*missing-cover\.jpg cannot be read/);
    await nothingWritten();
  });

  it('writes no feed when feed.json is invalid, and names the key', async () => {
    const config = join(dir, 'bad-feed.json');
    await writeFile(config, JSON.stringify({ type: 'weekly' }));
    await expect(publishFeed(result, { baseUrl: BASE_URL, episodes: 'chapters', configPath: config })).rejects.toThrow(/bad-feed\.json: at \$\.type: .*Fix feed\.json/);
    await writeFile(config, JSON.stringify({ lnk: 'https://example.org/' }));
    await expect(publishFeed(result, { baseUrl: BASE_URL, episodes: 'chapters', configPath: config })).rejects.toThrow(/bad-feed\.json: .*lnk/);
    await nothingWritten();
  });

  it('publishes with a cover that breaks a rule, and reports the warning', async () => {
    await mkdir(join(dir, 'art'), { recursive: true });
    await makeImage(join(dir, 'art', 'small.jpg'), 600, 600);
    result.book.meta.cover = 'art/small.jpg';
    const warned: string[] = [];
    const reporter: Reporter = { info: () => {}, warn: (m) => warned.push(m), progress: () => ({ update: () => {}, stop: () => {} }) };
    const published = await publishFeed(result, { baseUrl: BASE_URL, episodes: 'chapters', reporter });
    expect(warned).toEqual(published.warnings);
    expect(warned).toEqual(expect.arrayContaining([expect.stringMatching(/600x600, but podcast artwork must be 1400 to 3000 px/)]));
    expect(published.files).toEqual(expect.arrayContaining(['feed.xml', 'cover.jpg', 'episodes/01-one.mp3']));
  });

  it('publishes every episode as new when the earlier feed.xml cannot be read, and says so', async () => {
    await writeFile(join(result.outDir, 'feed.xml'), '<rss><channel><item>');
    const published = await publishFeed(result, { baseUrl: BASE_URL, episodes: 'chapters' });
    expect(published.warnings).toEqual([expect.stringMatching(/feed\.xml could not be read .*every episode is published as new/)]);
  });

  it('warns when the description is longer than Apple shows', async () => {
    result.book.meta.description = 'é'.repeat(2001);
    try {
      const published = await publishFeed(result, { baseUrl: BASE_URL, episodes: 'book' });
      expect(published.warnings).toEqual([expect.stringMatching(/description is 4002 bytes, but Apple Podcasts shows at most 4000/)]);
    } finally {
      result.book.meta.description = undefined;
    }
  });
});
