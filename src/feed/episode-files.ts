// Writes one chapter episode: its MP3, the chapter the audio stage already encoded,
// copied with the episode's tags (never encoded again, never cut from book.mp3), its
// JSON chapters and, when a caption builder is given, its captions and transcript on
// the episode's clock.
import { basename, join } from 'node:path';
import type { NarrateResult } from '../pipeline.js';

/** What the feed needs from a narration; narrate() may publish before its manifest is written. */
export type FeedSource = Pick<NarrateResult, 'outDir' | 'audio' | 'timeline' | 'book'>;
import type { BookDocument, Timeline } from '../types.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { chapterBook, chapterTimeline, stemOf, type EpisodePlan } from './episodes.js';

/** Builds an episode's WebVTT captions and HTML transcript (src/captions/ does this). */
export type EpisodeCaptionBuilder = (
  timeline: Timeline,
  book: BookDocument,
  audioFileName: string,
) => { vtt: string; html: string } | Promise<{ vtt: string; html: string }>;

/** Files of one episode, relative to the output folder. */
export interface EpisodeFiles {
  audio: string;
  chapters: string;
  vtt?: string;
  html?: string;
}

export interface EpisodeWriteOptions {
  coverPath?: string;
  captions?: EpisodeCaptionBuilder;
  signal?: AbortSignal;
}

export async function writeChapterEpisode(result: FeedSource, plan: EpisodePlan, options: EpisodeWriteOptions): Promise<EpisodeFiles> {
  const index = plan.chapterIndex!;
  const stem = stemOf(plan.audioFile);
  await writeEpisodeAudio(result, plan, options);
  const timeline = chapterTimeline(result.timeline, index);
  const files: EpisodeFiles = { audio: plan.audioFile, chapters: `${stem}.chapters.json` };
  await writeFileAtomic(join(result.outDir, files.chapters), JSON.stringify(episodeChapters(result, plan, timeline), null, 2) + '\n');
  if (options.captions) {
    const built = await options.captions(timeline, chapterBook(result.book, index), basename(plan.audioFile));
    files.vtt = `${stem}.vtt`;
    files.html = `${stem}.html`;
    await writeFileAtomic(join(result.outDir, files.vtt), built.vtt);
    await writeFileAtomic(join(result.outDir, files.html), built.html);
  }
  return files;
}

async function writeEpisodeAudio(result: FeedSource, plan: EpisodePlan, options: EpisodeWriteOptions): Promise<void> {
  await result.audio.writeChapterFile({
    chapterIndex: plan.chapterIndex!,
    format: 'mp3',
    outPath: join(result.outDir, plan.audioFile),
    tags: episodeTags(result, plan),
    coverPath: options.coverPath,
    signal: options.signal,
  });
}

function episodeTags(result: FeedSource, plan: EpisodePlan): Record<string, string> {
  const meta = result.book.meta;
  const tags: Record<string, string> = { title: plan.title, album: meta.title, track: String(plan.position), genre: 'Podcast' };
  if (meta.author) Object.assign(tags, { artist: meta.author, album_artist: meta.author });
  return tags;
}

/** Podcasting 2.0 JSON chapters (jsonChapters.md v1.2) for one episode. */
function episodeChapters(result: FeedSource, plan: EpisodePlan, timeline: Timeline): object {
  const meta = result.book.meta;
  return {
    version: '1.2.0',
    title: plan.title,
    podcastName: meta.title,
    ...(meta.author ? { author: meta.author } : {}),
    fileName: basename(plan.audioFile),
    chapters: timeline.chapters.map((c) => ({ startTime: c.startMs / 1000, title: c.title })),
  };
}
