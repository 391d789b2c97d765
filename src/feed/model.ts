// The feed as data, before it becomes XML: one channel and its episodes.
import type { ItunesCategory } from './config.js';

export interface FeedTranscript {
  url: string;
  type: 'text/vtt' | 'text/html';
  language: string;
  rel?: 'captions';
}

export interface FeedItem {
  title: string;
  description: string;
  /** Opaque and stable across rebuilds (isPermaLink="false"). */
  guid: string;
  pubDate: Date;
  enclosure: { url: string; length: number; type: 'audio/mpeg' | 'audio/x-m4a' };
  durationSeconds: number;
  episode: number;
  transcripts: FeedTranscript[];
  chaptersUrl?: string;
}

export interface FeedChannel {
  title: string;
  description: string;
  language: string;
  link: string;
  feedUrl: string;
  author?: string;
  imageUrl?: string;
  category?: ItunesCategory;
  explicit: boolean;
  type: 'episodic' | 'serial';
  podcastGuid: string;
  locked: boolean;
  ownerEmail?: string;
  ownerName?: string;
  copyright?: string;
  lastBuildDate: Date;
  items: FeedItem[];
}

/** What an earlier build published for one episode, kept on rebuild. */
export interface PublishedItem {
  guid: string;
  pubDate: Date;
  enclosureUrl: string;
}
