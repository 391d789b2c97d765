// The project's sample story, published as a new user would, with the installed narrate: every episode's file
// exists, is as long as the feed says and lasts as long as ffprobe says.
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from 'podcast-partytime';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/book.js';
import { runCli } from '../support/cli.js';
import { ffprobe } from '../support/ffprobe.js';
import { BASE_URL } from './support.js';

const SAMPLE = fileURLToPath(new URL('../../script/the-keeper-of-tern-rock.md', import.meta.url));
type Parsed = NonNullable<ReturnType<typeof parseFeed>>;

describe('the sample story as a podcast', () => {
  let outDir: string;
  let chapterTitles: string[];
  let feed: Parsed;

  beforeAll(async () => {
    const dir = await tempDir('narrate-feed-sample-');
    await copyFile(SAMPLE, join(dir, 'the-keeper-of-tern-rock.md'));
    const run = await runCli(['the-keeper-of-tern-rock.md', '--provider', 'mock', '--format', 'mp3', '--no-cache', '--feed', '--base-url', BASE_URL], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    outDir = join(dir, 'output', 'the-keeper-of-tern-rock');
    chapterTitles = (JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as { chapters: Array<{ title: string }> }).chapters.map((c) => c.title);
    feed = parseFeed(await readFile(join(outDir, 'feed.xml'), 'utf8'))!;
  });

  it('carries the front matter into the channel', () => {
    expect(feed.title).toBe('The Keeper of Tern Rock');
    expect(feed.author).toBe('Ada Morrow');
    expect(feed.language).toBe('en-US');
    expect(feed.description).toBe('A lighthouse keeper, a ledger of small debts, and the night the lamp went out.');
    expect(feed.itunesCategory).toEqual(['Fiction']);
    expect(feed.explicit).toBe(false);
  });

  it('has an episode per chapter whose files exist with the sizes and durations the feed gives', async () => {
    expect(feed.items.map((i) => i.title)).toEqual(chapterTitles);
    for (const item of feed.items) {
      const file = (url: string) => join(outDir, url.slice(BASE_URL.length));
      expect(item.enclosure.length).toBe((await stat(file(item.enclosure.url))).size);
      expect(Math.abs(item.duration - Number((await ffprobe(file(item.enclosure.url))).format.duration))).toBeLessThan(1);
      for (const url of [...item.podcastTranscripts!.map((t) => t.url), item.podcastChapters!.url]) expect((await stat(file(url))).size).toBeGreaterThan(0);
    }
  });
});
