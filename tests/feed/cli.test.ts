// The CLI as a new user runs it: --feed --base-url writes the feed and episodes;
// a bad --base-url stops before anything is spoken or written.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from 'podcast-partytime';
import { describe, expect, it } from 'vitest';
import { tempDir, writeScript } from '../support/book.js';
import { runCli } from '../support/cli.js';

const STORY = `# Two Bells\n\n## First\n\nThe first bell rang.\n\n## Second\n\nThe second bell rang.\n`;
const exists = (path: string) => access(path).then(() => true, () => false);

describe('narrate --feed', () => {
  it('writes feed.xml and one episode per chapter, and says where to upload them', async () => {
    const dir = await tempDir('narrate-cli-feed-');
    await writeScript(dir, 'bells.md', STORY);
    const run = await runCli(['bells.md', '--provider', 'mock', '--format', 'mp3', '--feed', '--base-url', 'https://example.org/bells/'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/warn|error/i);
    expect(run.stdout).toContain('podcast: upload output/two-bells/ to https://example.org/bells/, then subscribe to https://example.org/bells/feed.xml');
    const feed = parseFeed(await readFile(join(dir, 'output', 'two-bells', 'feed.xml'), 'utf8'))!;
    expect(feed.items.map((i) => i.enclosure.url)).toEqual(['https://example.org/bells/episodes/01-first.mp3', 'https://example.org/bells/episodes/02-second.mp3']);
    const manifest = JSON.parse(await readFile(join(dir, 'output', 'two-bells', 'manifest.json'), 'utf8'));
    expect(manifest.files).toEqual(expect.arrayContaining(['feed.xml', 'episodes/01-first.mp3', 'episodes/01-first.vtt']));
  });

  it.each([
    [['--feed'], /--feed needs --base-url/],
    [['--feed', '--base-url', 'bells/'], /"bells\/" is not an absolute URL/],
    [['--feed', '--base-url', 'https://example.org/bells'], /must end with "\/"/],
    [['--base-url', 'https://example.org/bells/'], /--base-url is only used with --feed/],
  ])('%j fails with one line and writes nothing', async (args, message) => {
    const dir = await tempDir('narrate-cli-feed-bad-');
    await writeScript(dir, 'bells.md', STORY);
    const run = await runCli(['bells.md', '--provider', 'mock', ...args], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await exists(join(dir, 'output'))).toBe(false);
  });
});
