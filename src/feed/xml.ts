// The feed's one door to XML: xmlbuilder2 writes the feed and reads back what an
// earlier build published (after fast-xml-parser's validator has checked it is
// well-formed, which xmlbuilder2's forgiving parser does not). The builder escapes
// text and attributes, so titles with &, <, quotes or any script round-trip unchanged.
import { xmlProblem } from '../util/xml.js';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { FeedChannel, FeedItem, PublishedItem } from './model.js';

const NAMESPACES = {
  'xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
};

export function renderFeed(channel: FeedChannel): string {
  const rss = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', { version: '2.0', ...NAMESPACES });
  const c = rss.ele('channel');
  text(c, 'title', channel.title);
  text(c, 'link', channel.link);
  text(c, 'description', channel.description);
  text(c, 'language', channel.language);
  if (channel.copyright) text(c, 'copyright', channel.copyright);
  text(c, 'lastBuildDate', channel.lastBuildDate.toUTCString());
  c.ele('atom:link', { href: channel.feedUrl, rel: 'self', type: 'application/rss+xml' });
  if (channel.author) text(c, 'itunes:author', channel.author);
  if (channel.imageUrl) c.ele('itunes:image', { href: channel.imageUrl });
  if (channel.category) {
    const category = c.ele('itunes:category', { text: clean(channel.category.text) });
    if (channel.category.sub) category.ele('itunes:category', { text: clean(channel.category.sub) });
  }
  text(c, 'itunes:explicit', String(channel.explicit));
  text(c, 'itunes:type', channel.type);
  if (channel.ownerEmail) {
    const owner = c.ele('itunes:owner');
    if (channel.ownerName) text(owner, 'itunes:name', channel.ownerName);
    text(owner, 'itunes:email', channel.ownerEmail);
  }
  text(c, 'podcast:guid', channel.podcastGuid);
  text(c, 'podcast:locked', channel.locked ? 'yes' : 'no', channel.ownerEmail ? { owner: channel.ownerEmail } : {});
  for (const item of channel.items) renderItem(c.ele('item'), item);
  return rss.end({ prettyPrint: true }) + '\n';
}

function renderItem(node: XMLBuilder, item: FeedItem): void {
  text(node, 'title', item.title);
  text(node, 'description', item.description);
  text(node, 'guid', item.guid, { isPermaLink: 'false' });
  text(node, 'pubDate', item.pubDate.toUTCString());
  node.ele('enclosure', { url: item.enclosure.url, length: String(item.enclosure.length), type: item.enclosure.type });
  text(node, 'itunes:duration', String(item.durationSeconds));
  text(node, 'itunes:episode', String(item.episode));
  text(node, 'itunes:episodeType', 'full');
  for (const t of item.transcripts) node.ele('podcast:transcript', { url: t.url, type: t.type, language: t.language, ...(t.rel ? { rel: t.rel } : {}) });
  if (item.chaptersUrl) node.ele('podcast:chapters', { url: item.chaptersUrl, type: 'application/json+chapters' });
}

function text(parent: XMLBuilder, name: string, value: string, attributes: Record<string, string> = {}): XMLBuilder {
  return parent.ele(name, attributes).txt(clean(value));
}

/** XML 1.0 cannot carry most control characters, even escaped; they are dropped. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** The guid, pubDate and enclosure URL of every item in an earlier feed.xml. */
export function readPublishedItems(xml: string): PublishedItem[] {
  const problem = xmlProblem(xml);
  if (problem) throw new Error(`line ${problem.line}: ${problem.message}`);
  const document = create(xml).node as unknown as Document;
  const items: PublishedItem[] = [];
  for (const item of Array.from(document.getElementsByTagName('item'))) {
    const guid = childText(item, 'guid');
    const pubDate = new Date(childText(item, 'pubDate') ?? '');
    const enclosureUrl = item.getElementsByTagName('enclosure')[0]?.getAttribute('url');
    if (guid && enclosureUrl && !Number.isNaN(pubDate.getTime())) items.push({ guid, pubDate, enclosureUrl });
  }
  return items;
}

function childText(element: Element, name: string): string | undefined {
  return element.getElementsByTagName(name)[0]?.textContent ?? undefined;
}
