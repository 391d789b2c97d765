// End to end: the mock provider through the real narrate() and ffmpeg, then the feed,
// read back with a real podcast feed parser (podcast-partytime) and ffprobe.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from 'podcast-partytime';
import { v5 as uuidv5 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseVtt, visibleCueText } from '../../src/captions/vtt-check.js';
import { publishFeed } from '../../src/feed/index.js';
import type { NarrateResult } from '../../src/pipeline.js';
import { tempDir } from '../support/book.js';
import { ffprobe } from '../support/ffprobe.js';
import { BASE_URL, makeImage, narrateMock, recordingCaptions, type CaptionCall } from './support.js';

const TITLE = `Tides & <Tales>: "Quoted" 'Single' — 潮の物語`;
const AUTHOR = 'Zoë Ångström & 李白';
const DESCRIPTION = `Stories of the sea & the <lamp>, told "twice"; Ελληνικά, русский, العربية.`;
const CHAPTERS = [`The Ferry & the "Fog" < Dawn`, '灯台の夜', `Home 'again'`];

function story(chapters: Array<[string, string]>): string {
  const front = [
    '---',
    `title: ${JSON.stringify(TITLE)}`,
    `author: ${JSON.stringify(AUTHOR)}`,
    'language: en-GB',
    `description: ${JSON.stringify(DESCRIPTION)}`,
    'category: Arts > Books',
    'explicit: true',
    'owner_email: keeper@example.org',
    'slug: tides',
    'cover: cover.png',
    '---',
  ];
  return [...front, '', ...chapters.flatMap(([title, text]) => [`## ${title}`, '', text, ''])].join('\n');
}

const FIRST: Array<[string, string]> = [
  [CHAPTERS[0]!, 'The ferry left at seven. It was late, as always.\n\nNobody minded; the tide was kind that day.'],
  [CHAPTERS[1]!, 'The lamp went out at 2:15. She climbed the tower [500ms] and lit every lamp in the house.'],
  [CHAPTERS[2]!, 'The lamp was lit again. Ships passed. Nothing was owed.'],
];
const INSERTED: [string, string] = [`The Keeper's Letter`, 'A letter came in April. It thanked her and docked her wage.'];

const NOW = new Date('2026-03-01T10:00:00Z');
const LATER = new Date('2026-03-08T10:00:00Z');
const MUCH_LATER = new Date('2026-04-01T09:30:00Z');

type Parsed = NonNullable<ReturnType<typeof parseFeed>>;

function localPath(outDir: string, url: string): string {
  expect(url.startsWith(BASE_URL)).toBe(true);
  return join(outDir, decodeURIComponent(url.slice(BASE_URL.length)));
}

describe('publishing chapters as episodes', () => {
  let dir: string;
  let result: NarrateResult;
  let xml: string;
  let feed: Parsed;
  const calls: CaptionCall[] = [];

  beforeAll(async () => {
    dir = await tempDir('narrate-feed-');
    await makeImage(join(dir, 'cover.png'), 1400, 1400);
    result = await narrateMock(dir, 'tides.md', story(FIRST));
    const published = await publishFeed(result, { baseUrl: BASE_URL, episodes: 'chapters', now: NOW, episodeCaptions: recordingCaptions(calls) });
    expect(published.warnings).toEqual([]);
    xml = await readFile(join(result.outDir, 'feed.xml'), 'utf8');
    feed = parseFeed(xml)!;
  });

  it('reads back every channel field with the right value', () => {
    expect(feed.title).toBe(TITLE);
    expect(feed.description).toBe(DESCRIPTION);
    expect(feed.language).toBe('en-GB');
    expect(feed.author).toBe(AUTHOR);
    expect(feed.link).toBe(BASE_URL);
    expect(feed.itunesImage).toBe(`${BASE_URL}cover.png`);
    expect(feed.itunesCategory).toEqual(['Arts > Books']);
    expect(feed.explicit).toBe(true);
    expect(feed.itunesType).toBe('serial');
    expect(feed.locked).toBe(true);
    expect(feed.podcastOwner).toBe('keeper@example.org');
    expect(new Date(feed.lastBuildDate!).toISOString()).toBe(NOW.toISOString());
  });

  it('gives podcast:guid as the UUIDv5 of the feed URL without scheme, in the Podcasting 2.0 namespace', () => {
    expect(feed.guid).toBe(uuidv5('example.org/pod/feed.xml', 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6'));
  });

  it('has one item per chapter with title, description, guid, date and episode number', () => {
    expect(feed.items.map((i) => i.title)).toEqual(CHAPTERS);
    expect(feed.items.map((i) => i.itunesEpisode)).toEqual([1, 2, 3]);
    expect(feed.items[0]!.description).toBe('The ferry left at seven. It was late, as always. Nobody minded; the tide was kind that day.');
    expect(new Set(feed.items.map((i) => i.guid)).size).toBe(3);
    expect(xml.match(/<guid isPermaLink="false">/g)).toHaveLength(3);
    const dates = feed.items.map((i) => new Date(i.pubDate!).getTime());
    expect(dates[2]).toBe(NOW.getTime());
    expect([...dates].sort()).toEqual(dates);
  });

  it('encloses each chapter MP3 by absolute URL, with its exact size and MIME type', async () => {
    for (const [i, item] of feed.items.entries()) {
      expect(item.enclosure.url).toMatch(new RegExp(`^${BASE_URL}episodes/0${i + 1}-[a-z0-9-]+\\.mp3$`));
      expect(item.enclosure.type).toBe('audio/mpeg');
      expect(item.enclosure.length).toBe((await stat(localPath(result.outDir, item.enclosure.url))).size);
    }
    expect(feed.items[0]!.enclosure.url).toBe(`${BASE_URL}episodes/01-the-ferry-the-fog-dawn.mp3`);
  });

  it('gives durations that match ffprobe to the second, each the length of its chapter', async () => {
    for (const [i, item] of feed.items.entries()) {
      const probed = Number((await ffprobe(localPath(result.outDir, item.enclosure.url))).format.duration);
      expect(Math.abs(item.duration - probed)).toBeLessThan(1);
      const chapter = result.timeline.chapters[i]!;
      expect(Math.abs(probed - (chapter.endMs - chapter.startMs) / 1000)).toBeLessThan(0.15);
    }
  });

  it('links valid WebVTT captions and an HTML transcript per episode, on the episode’s clock', async () => {
    for (const [i, item] of feed.items.entries()) {
      const [vtt, html] = item.podcastTranscripts!;
      expect(vtt).toMatchObject({ type: 'text/vtt', rel: 'captions', language: 'en-GB' });
      expect(html).toMatchObject({ type: 'text/html', language: 'en-GB' });
      const parsed = parseVtt(await readFile(localPath(result.outDir, vtt!.url), 'utf8'), 'captions');
      expect(parsed.errors).toEqual([]);
      const chapter = result.timeline.chapters[i]!;
      expect(parsed.cues[0]!.startTime).toBeLessThan(1);
      expect(parsed.cues.at(-1)!.endTime).toBeLessThanOrEqual((chapter.endMs - chapter.startMs) / 1000 + 0.001);
      expect(parsed.cues.map((c) => visibleCueText(c.tree.children)).join(' ')).toContain(CHAPTERS[i]!.split(' ')[0]!);
      const page = await readFile(localPath(result.outDir, html!.url), 'utf8');
      expect(page).toContain(`src="${encodeURI(item.enclosure.url.split('/').pop()!)}"`);
    }
  });

  it('builds each episode’s captions on the episode’s own clock', () => {
    // Episodes are encoded concurrently, so the builder is called in no fixed order.
    const ordered = [...calls].sort((a, b) => a.book.chapters[0]!.index - b.book.chapters[0]!.index);
    expect(ordered.map((c) => c.book.chapters.map((ch) => ch.title))).toEqual(CHAPTERS.map((t) => [t]));
    for (const [i, call] of ordered.entries()) {
      const chapter = result.timeline.chapters[i]!;
      const own = result.timeline.tokens.filter((t) => t.chapterIndex === chapter.index);
      expect(call.timeline.tokens.map((t) => t.written)).toEqual(own.map((t) => t.written));
      expect(call.timeline.tokens[0]!.startMs).toBeCloseTo(own[0]!.startMs - chapter.startMs, 6);
      expect(call.timeline.durationMs).toBeCloseTo(chapter.endMs - chapter.startMs, 6);
      expect(call.audioFileName).toBe(feed.items[i]!.enclosure.url.split('/').pop());
    }
  });

  it('links JSON chapters that exist and follow jsonChapters 1.2', async () => {
    for (const item of feed.items) {
      expect(item.podcastChapters!.type).toBe('application/json+chapters');
      const chapters = JSON.parse(await readFile(localPath(result.outDir, item.podcastChapters!.url), 'utf8'));
      expect(chapters.version).toBe('1.2.0');
      expect(chapters.chapters).toEqual([{ startTime: 0, title: item.title }]);
    }
  });

  it('publishes the cover it points at', async () => {
    expect(await readFile(localPath(result.outDir, feed.itunesImage!))).toEqual(await readFile(join(dir, 'cover.png')));
  });

  it('rebuilds an identical feed, except lastBuildDate, when nothing changed', async () => {
    await publishFeed(result, { baseUrl: BASE_URL, episodes: 'chapters', now: LATER, episodeCaptions: recordingCaptions([]) });
    const again = await readFile(join(result.outDir, 'feed.xml'), 'utf8');
    expect(again).not.toBe(xml);
    const withoutBuildDate = (text: string) => text.replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, '');
    expect(withoutBuildDate(again)).toBe(withoutBuildDate(xml));
  });

  it('adds one item for a new chapter; existing items keep guid, pubDate and enclosure URL', async () => {
    const grown = await narrateMock(dir, 'tides.md', story([FIRST[0]!, INSERTED, FIRST[1]!, FIRST[2]!]));
    await publishFeed(grown, { baseUrl: BASE_URL, episodes: 'chapters', now: MUCH_LATER, episodeCaptions: recordingCaptions([]) });
    const next = parseFeed(await readFile(join(grown.outDir, 'feed.xml'), 'utf8'))!;
    expect(next.items.map((i) => i.title)).toEqual([CHAPTERS[0], INSERTED[0], CHAPTERS[1], CHAPTERS[2]]);
    const kept = next.items.filter((i) => i.title !== INSERTED[0]);
    expect(kept.map((i) => [i.guid, i.pubDate, i.enclosure.url])).toEqual(feed.items.map((i) => [i.guid, i.pubDate, i.enclosure.url]));
    const added = next.items[1]!;
    expect(new Date(added.pubDate!).getTime()).toBe(MUCH_LATER.getTime());
    expect(added.enclosure.url).toBe(`${BASE_URL}episodes/02-the-keeper-s-letter.mp3`);
    expect(next.items.map((i) => i.itunesEpisode)).toEqual([1, 2, 3, 4]);
    for (const item of next.items) expect(item.enclosure.length).toBe((await stat(localPath(grown.outDir, item.enclosure.url))).size);
  });
});
