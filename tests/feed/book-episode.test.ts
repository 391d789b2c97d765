// --episodes book: the whole book as one episode, pointing at the book's own audio,
// chapters.json and the captions and transcript narrate() wrote; feed.json settings next to the script.
import { access, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from 'podcast-partytime';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishFeed } from '../../src/feed/index.js';
import type { NarrateResult } from '../../src/pipeline.js';
import { tempDir } from '../support/book.js';
import { ffprobe } from '../support/ffprobe.js';
import { BASE_URL, narrateMock } from './support.js';

const STORY = `---
title: The Short Crossing
author: Ada Morrow
language: fr-FR
owner_email: ada@example.org
---

## Départ

Le bateau partit à sept heures.

## Arrivée

Il arriva à l'heure, pour une fois.
`;

type Parsed = NonNullable<ReturnType<typeof parseFeed>>;
const exists = (path: string) => access(path).then(() => true, () => false);

describe('the whole book as one episode', () => {
  let dir: string;
  let result: NarrateResult;
  let feed: Parsed;

  beforeAll(async () => {
    dir = await tempDir('narrate-feed-book-');
    await writeFile(join(dir, 'feed.json'), JSON.stringify({ link: 'https://example.org/crossing', owner_name: 'A. Morrow', copyright: '© 2026 Ada Morrow' }));
    result = await narrateMock(dir, 'crossing.md', STORY);
    await publishFeed(result, { baseUrl: BASE_URL, episodes: 'book', now: new Date('2026-05-01T12:00:00Z') });
    feed = parseFeed(await readFile(join(result.outDir, 'feed.xml'), 'utf8'))!;
  });

  it('has one episode enclosing book.mp3 with its exact size and ffprobe duration', async () => {
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.title).toBe('The Short Crossing');
    expect(item!.itunesEpisode).toBe(1);
    expect(item!.enclosure).toEqual({ url: `${BASE_URL}book.mp3`, type: 'audio/mpeg', length: (await stat(join(result.outDir, 'book.mp3'))).size });
    const probed = Number((await ffprobe(join(result.outDir, 'book.mp3'))).format.duration);
    expect(Math.abs(item!.duration - probed)).toBeLessThan(1);
    expect(await exists(join(result.outDir, 'episodes'))).toBe(false);
  });

  it('links the book’s captions, transcript and chapters.json', () => {
    const [item] = feed.items;
    expect(item!.podcastTranscripts).toEqual([
      { url: `${BASE_URL}captions.vtt`, type: 'text/vtt', rel: 'captions', language: 'fr-FR' },
      { url: `${BASE_URL}transcript.html`, type: 'text/html', language: 'fr-FR' },
    ]);
    expect(item!.podcastChapters).toEqual({ url: `${BASE_URL}chapters.json`, type: 'application/json+chapters' });
  });

  it('takes link, owner and copyright from feed.json, and locks the feed to the owner email', () => {
    expect(feed.link).toBe('https://example.org/crossing');
    expect(feed.owner).toEqual({ name: 'A. Morrow', email: 'ada@example.org' });
    expect(feed.copyright).toBe('© 2026 Ada Morrow');
    expect(feed.locked).toBe(true);
    expect(feed.itunesType).toBe('episodic');
    expect(feed.itunesCategory).toEqual(['Arts > Books']);
    expect(feed.explicit).toBe(false);
  });

  it('encloses book.m4b as audio/x-m4a when only M4B was made', async () => {
    const m4bDir = await tempDir('narrate-feed-m4b-');
    const m4b = await narrateMock(m4bDir, 'crossing.md', STORY, ['m4b']);
    await publishFeed(m4b, { baseUrl: BASE_URL, episodes: 'book' });
    const [item] = parseFeed(await readFile(join(m4b.outDir, 'feed.xml'), 'utf8'))!.items;
    expect(item!.enclosure).toEqual({ url: `${BASE_URL}book.m4b`, type: 'audio/x-m4a', length: (await stat(join(m4b.outDir, 'book.m4b'))).size });
    expect(Math.abs(item!.duration - Number((await ffprobe(join(m4b.outDir, 'book.m4b'))).format.duration))).toBeLessThan(1);
  });
});
