// The feed stage: turns a finished narration into a podcast (feed.xml plus, for
// chapter episodes, one MP3 per chapter with its captions and JSON chapters).
// Every check that can fail runs before anything is written.
import { access, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { NarrateError } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { feedUrlForGuid, parseBaseUrl, urlFor } from './base-url.js';
import { itunesCategory, loadFeedConfig, type FeedConfig } from './config.js';
import { checkCover, type CoverCheck } from './cover.js';
import { captionsStageBuilder } from './episode-captions.js';
import { writeChapterEpisode, type EpisodeCaptionBuilder, type EpisodeFiles, type FeedSource } from './episode-files.js';
import { PODCAST_GUID_NAMESPACE, planBookEpisode, planChapterEpisodes, type EpisodeMode, type EpisodePlan } from './episodes.js';
import type { FeedChannel, FeedItem, PublishedItem } from './model.js';
import { durationSeconds } from '../audio/probe.js';
import { readPublishedItems, renderFeed } from './xml.js';

export type { EpisodeCaptionBuilder, FeedSource } from './episode-files.js';
export type { EpisodeMode } from './episodes.js';
export { parseBaseUrl } from './base-url.js';

export interface PublishFeedOptions {
  /** Where the output folder will be uploaded; absolute, ending in "/". */
  baseUrl: string | undefined;
  episodes: EpisodeMode;
  /** The build time (lastBuildDate, pubDate of new episodes). */
  now?: Date;
  /** feed.json with feed-only settings; default: feed.json next to the script, if any. */
  configPath?: string;
  reporter?: Reporter;
  /** Voice name → label for <v> spans in per-episode captions (as the book's captions use). */
  voiceLabels?: ReadonlyMap<string, string>;
  /** Builds per-episode captions and transcript; default: the captions stage. */
  episodeCaptions?: EpisodeCaptionBuilder;
  /** The feed.xml published last time, whose episodes keep their guid, date and file; default: feed.xml in outDir. */
  previousFeedPath?: string;
  /** Aborting stops the episode encodes (every ffmpeg and ffprobe is killed and awaited). */
  signal?: AbortSignal;
}

export interface PublishedFeed {
  feedUrl: string;
  /** Files written, relative to the output folder. */
  files: string[];
  warnings: string[];
}

export const FEED_FILE = 'feed.xml';
const BOOK_CAPTIONS = 'captions.vtt';
const BOOK_TRANSCRIPT = 'transcript.html';
const BOOK_CHAPTERS = 'chapters.json';
/** Apple's limit for a show's description (standards.md §4). */
const MAX_DESCRIPTION_BYTES = 4000;
/** Episodes are stream copies of encoded chapters: a few at once is plenty. */
const ENCODERS = Math.max(1, Math.min(4, availableParallelism()));

export async function publishFeed(result: FeedSource, options: PublishFeedOptions): Promise<PublishedFeed> {
  const { base, config, cover, warnings } = await checkInputs(result, options);
  const published = await readPreviousFeed(options.previousFeedPath ?? join(result.outDir, FEED_FILE), warnings);
  const now = wholeSecond(options.now ?? new Date());

  const plans = options.episodes === 'book' ? [planBookEpisode(result.book, bookAudioFile(result))] : planChapterEpisodes(result.book, published, base);
  const writeOptions = episodeOptions(options, cover);
  const episodes = await mapConcurrently(plans, ENCODERS, async (plan) => ({
    plan,
    files: plan.chapterIndex === undefined ? await bookEpisodeFiles(result, plan) : await writeChapterEpisode(result, plan, writeOptions),
  }));
  const files = episodes.filter((e) => e.plan.chapterIndex !== undefined).flatMap((e) => Object.values(e.files).filter((f): f is string => f !== undefined));
  if (episodes.some((e) => !e.files.vtt)) warnings.push(`${BOOK_CAPTIONS} is missing: the episode has no captions or transcript. Narrate the book again before publishing`);

  const pubDates = newPubDates(plans, published, now);
  const items = await mapConcurrently(episodes, ENCODERS, (e) => feedItem(result, base, e.plan, e.files, pubDates.get(e.plan.guid)!, options.signal));
  const coverFile = cover ? await publishCover(result.outDir, cover) : undefined;
  if (coverFile) files.push(coverFile);
  const channel = feedChannel(result, base, config, coverFile, items, now);
  const descriptionBytes = Buffer.byteLength(channel.description);
  if (descriptionBytes > MAX_DESCRIPTION_BYTES) {
    warnings.push(`the description is ${descriptionBytes} bytes, but Apple Podcasts shows at most ${MAX_DESCRIPTION_BYTES}: shorten "description:" in the front matter`);
  }
  await writeFileAtomic(join(result.outDir, FEED_FILE), renderFeed(channel));
  files.push(FEED_FILE);
  for (const w of warnings) (options.reporter ?? silentReporter).warn(w);
  return { feedUrl: channel.feedUrl, files, warnings };
}

/** Everything that can stop the feed, checked before anything is written. */
async function checkInputs(result: FeedSource, options: PublishFeedOptions) {
  const base = parseBaseUrl(options.baseUrl);
  const scriptDir = dirname(result.book.sourceFile);
  const config = await loadFeedConfig(options.configPath ?? join(scriptDir, 'feed.json'), options.configPath !== undefined);
  const coverPath = result.book.meta.cover;
  const cover = coverPath ? await checkCover(resolve(scriptDir, coverPath), result.book.sourceFile) : undefined;
  return { base, config, cover, warnings: [...(cover?.warnings ?? [])] };
}

function episodeOptions(options: PublishFeedOptions, cover: CoverCheck | undefined) {
  return {
    coverPath: cover?.isJpegOrPng ? cover.path : undefined,
    captions: options.episodeCaptions ?? captionsStageBuilder(options.voiceLabels),
    signal: options.signal,
  };
}

function feedChannel(result: FeedSource, base: URL, config: FeedConfig, coverFile: string | undefined, items: FeedItem[], now: Date): FeedChannel {
  const meta = result.book.meta;
  const feedUrl = urlFor(base, FEED_FILE);
  return {
    title: meta.title,
    description: meta.description?.trim() || (meta.author ? `${meta.title}, by ${meta.author}` : meta.title),
    language: meta.language,
    link: config.link ?? base.href,
    feedUrl,
    author: meta.author,
    imageUrl: coverFile ? urlFor(base, coverFile) : undefined,
    category: itunesCategory(meta) ?? { text: 'Arts', sub: 'Books' },
    explicit: meta.explicit ?? false,
    type: config.type ?? (items.length > 1 ? 'serial' : 'episodic'),
    podcastGuid: uuidv5(feedUrlForGuid(feedUrl), PODCAST_GUID_NAMESPACE),
    locked: config.locked ?? meta.ownerEmail !== undefined,
    ownerEmail: meta.ownerEmail,
    ownerName: config.owner_name ?? meta.author,
    copyright: config.copyright,
    lastBuildDate: now,
    items,
  };
}

async function feedItem(result: FeedSource, base: URL, plan: EpisodePlan, files: EpisodeFiles, pubDate: Date, signal?: AbortSignal): Promise<FeedItem> {
  const audioPath = join(result.outDir, files.audio);
  const language = result.book.meta.language;
  const transcripts: FeedItem['transcripts'] = [];
  if (files.vtt) transcripts.push({ url: urlFor(base, files.vtt), type: 'text/vtt', language, rel: 'captions' });
  if (files.html) transcripts.push({ url: urlFor(base, files.html), type: 'text/html', language });
  return {
    title: plan.title,
    description: plan.description,
    guid: plan.guid,
    pubDate,
    enclosure: { url: urlFor(base, files.audio), length: (await stat(audioPath)).size, type: files.audio.endsWith('.mp3') ? 'audio/mpeg' : 'audio/x-m4a' },
    durationSeconds: await durationSeconds(audioPath, signal),
    episode: plan.position,
    transcripts,
    chaptersUrl: urlFor(base, files.chapters),
  };
}

/** Earlier episodes keep their date; new ones are dated now, a second apart in book order. */
function newPubDates(plans: EpisodePlan[], published: ReadonlyMap<string, PublishedItem>, now: Date): Map<string, Date> {
  const fresh = plans.filter((p) => !published.has(p.guid));
  const dates = new Map<string, Date>();
  for (const p of plans) {
    const earlier = published.get(p.guid)?.pubDate;
    dates.set(p.guid, earlier ?? new Date(now.getTime() - (fresh.length - 1 - fresh.indexOf(p)) * 1000));
  }
  return dates;
}

function bookAudioFile(result: FeedSource): string {
  const audio = result.audio.files.find((f) => f.endsWith('.mp3')) ?? result.audio.files.find((f) => /\.m4[ab]$/.test(f));
  if (!audio) throw new NarrateError('--episodes book needs book audio: add mp3 or m4b to the formats');
  return audio;
}

async function bookEpisodeFiles(result: FeedSource, plan: EpisodePlan): Promise<EpisodeFiles> {
  const exists = (name: string) => access(join(result.outDir, name)).then(() => name, () => undefined);
  const chapters = await exists(BOOK_CHAPTERS);
  if (!chapters) throw new NarrateError(`${join(result.outDir, BOOK_CHAPTERS)} is missing: narrate the book again before publishing the feed`);
  return { audio: plan.audioFile, chapters, vtt: await exists(BOOK_CAPTIONS), html: await exists(BOOK_TRANSCRIPT) };
}

async function readPreviousFeed(path: string, warnings: string[]): Promise<Map<string, PublishedItem>> {
  let xml: string;
  try {
    xml = await readFile(path, 'utf8');
  } catch {
    return new Map();
  }
  try {
    return new Map(readPublishedItems(xml).map((item) => [item.guid, item]));
  } catch (e) {
    warnings.push(`${path} could not be read (${(e as Error).message.split('\n')[0]}); every episode is published as new`);
    return new Map();
  }
}

async function publishCover(outDir: string, cover: CoverCheck): Promise<string> {
  const name = `cover.${cover.extension}`;
  await writeFileAtomic(join(outDir, name), await readFile(cover.path));
  return name;
}

/** RFC 2822 dates carry whole seconds; rounding keeps a rebuilt feed identical. */
function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * Runs fn over items, at most `limit` at a time, keeping the results in order. After a
 * failure no new item starts, and it waits for those running (and their ffmpeg) to end.
 */
async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}
