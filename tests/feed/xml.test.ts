// The XML layer on its own: escaping, characters XML cannot carry, reading back an
// earlier feed, and podcast:guid against the namespace's own worked example.
import { parseFeed } from 'podcast-partytime';
import { v5 as uuidv5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { feedUrlForGuid } from '../../src/feed/base-url.js';
import { PODCAST_GUID_NAMESPACE } from '../../src/feed/episodes.js';
import type { FeedChannel, FeedItem } from '../../src/feed/model.js';
import { readPublishedItems, renderFeed } from '../../src/feed/xml.js';

function item(overrides: Partial<FeedItem>): FeedItem {
  return {
    title: 'One',
    description: 'First.',
    guid: 'guid-1',
    pubDate: new Date('2026-01-02T03:04:05Z'),
    enclosure: { url: 'https://example.org/pod/episodes/01-one.mp3', length: 1234, type: 'audio/mpeg' },
    durationSeconds: 61,
    episode: 1,
    transcripts: [],
    ...overrides,
  };
}

function channel(items: FeedItem[], overrides: Partial<FeedChannel> = {}): FeedChannel {
  return {
    title: 'Show',
    description: 'About.',
    language: 'en-US',
    link: 'https://example.org/pod/',
    feedUrl: 'https://example.org/pod/feed.xml',
    explicit: false,
    type: 'serial',
    podcastGuid: 'g',
    locked: false,
    lastBuildDate: new Date('2026-01-02T03:04:05Z'),
    items,
    ...overrides,
  };
}

describe('feed XML', () => {
  it('round-trips markup characters, CDATA terminators and any script unchanged', () => {
    const title = `Fish & <Chips> "quoted" 'single' ]]> — Ελληνικά 中文 עברית 🐟`;
    const xml = renderFeed(channel([item({ title, description: `a < b && c > "d"` })], { title, author: `O'Brien & Søn` }));
    const feed = parseFeed(xml)!;
    expect(feed.title).toBe(title);
    expect(feed.author).toBe(`O'Brien & Søn`);
    expect(feed.items[0]!.title).toBe(title);
    expect(feed.items[0]!.description).toBe(`a < b && c > "d"`);
  });

  it('drops control characters XML 1.0 cannot carry, keeping the rest', () => {
    const xml = renderFeed(channel([], { title: 'Bell\u0007 and\ttab' }));
    expect(xml).not.toContain('\u0007');
    expect(parseFeed(xml)!.title).toBe('Bell and\ttab');
  });

  it('reads back guid, pubDate and enclosure URL of every item of an earlier feed', () => {
    const items = [item({}), item({ guid: 'a&b', pubDate: new Date('2025-12-31T23:59:59Z'), enclosure: { url: 'https://example.org/pod/x.mp3?a=1&b=2', length: 1, type: 'audio/mpeg' } })];
    expect(readPublishedItems(renderFeed(channel(items)))).toEqual([
      { guid: 'guid-1', pubDate: new Date('2026-01-02T03:04:05Z'), enclosureUrl: 'https://example.org/pod/episodes/01-one.mp3' },
      { guid: 'a&b', pubDate: new Date('2025-12-31T23:59:59Z'), enclosureUrl: 'https://example.org/pod/x.mp3?a=1&b=2' },
    ]);
  });

  it('writes itunes:explicit as true/false and the category as text attributes', () => {
    const xml = renderFeed(channel([], { explicit: true, category: { text: 'Society & Culture', sub: 'Documentary' } }));
    expect(xml).toContain('<itunes:explicit>true</itunes:explicit>');
    expect(xml).toMatch(/<itunes:category text="Society &amp; Culture">\s*<itunes:category text="Documentary"\/>\s*<\/itunes:category>/);
  });

  it('derives podcast:guid as the namespace’s example does', () => {
    // podcast-namespace docs/tags/guid.md: this feed URL gives this guid.
    expect(uuidv5(feedUrlForGuid('https://mp3s.nashownotes.com/pc20rss.xml'), PODCAST_GUID_NAMESPACE)).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
    // python-feedgen's tests: every trailing slash goes.
    expect(uuidv5(feedUrlForGuid('https://podnews.net/rss////'), PODCAST_GUID_NAMESPACE)).toBe('9b024349-ccf0-5f69-a609-6b82873eab3c');
    expect(feedUrlForGuid('http://example.org/pod/')).toBe('example.org/pod');
  });
});
