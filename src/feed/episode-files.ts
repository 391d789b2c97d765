// Writes one chapter episode: its MP3, encoded once from the chapter's own PCM (never
// cut from book.mp3, which would re-encode), its JSON chapters and, when a caption
// builder is given, its captions and transcript on the episode's clock.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { encodeAudio, escapeMetadata, tagAudio } from '../audio/ffmpeg.js';
import type { NarrateResult } from '../pipeline.js';

/** What the feed needs from a narration; narrate() may publish before its manifest is written. */
export type FeedSource = Pick<NarrateResult, 'outDir' | 'audio' | 'timeline' | 'spoken'>;
import type { SpokenBook, Timeline } from '../types.js';
import { makeWorkDir, produceFileAtomic, removeWorkDir, writeFileAtomic } from '../util/atomic-file.js';
import { chapterBook, chapterTimeline, stemOf, type EpisodePlan } from './episodes.js';

/** Builds an episode's WebVTT captions and HTML transcript (src/captions/ does this). */
export type EpisodeCaptionBuilder = (
  timeline: Timeline,
  book: SpokenBook,
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
  bitrate: number;
  captions?: EpisodeCaptionBuilder;
  signal?: AbortSignal;
}

export async function writeChapterEpisode(result: FeedSource, plan: EpisodePlan, options: EpisodeWriteOptions): Promise<EpisodeFiles> {
  const index = plan.chapterIndex!;
  const stem = stemOf(plan.audioFile);
  await encodeEpisodeAudio(result, plan, options);
  const timeline = chapterTimeline(result.timeline, index);
  const files: EpisodeFiles = { audio: plan.audioFile, chapters: `${stem}.chapters.json` };
  await writeFileAtomic(join(result.outDir, files.chapters), JSON.stringify(episodeChapters(result, plan, timeline), null, 2) + '\n');
  if (options.captions) {
    const built = await options.captions(timeline, chapterBook(result.spoken, index), basename(plan.audioFile));
    files.vtt = `${stem}.vtt`;
    files.html = `${stem}.html`;
    await writeFileAtomic(join(result.outDir, files.vtt), built.vtt);
    await writeFileAtomic(join(result.outDir, files.html), built.html);
  }
  return files;
}

async function encodeEpisodeAudio(result: FeedSource, plan: EpisodePlan, options: EpisodeWriteOptions): Promise<void> {
  const work = await makeWorkDir('narrate-episode-');
  try {
    const metadataPath = join(work, 'metadata.txt');
    const encodedPath = join(work, 'encoded.mp3');
    await writeFile(metadataPath, episodeMetadata(result, plan));
    const pcm = Readable.from(bytesOf(result.audio.chapterPcm(plan.chapterIndex!)));
    await encodeAudio({ pcm, sampleRate: result.timeline.sampleRate, format: 'mp3', outPath: encodedPath, bitrate: options.bitrate, signal: options.signal });
    await produceFileAtomic(join(result.outDir, plan.audioFile), (outPath) =>
      tagAudio({ inPath: encodedPath, format: 'mp3', metadataPath, coverPath: options.coverPath, outPath, signal: options.signal }),
    );
  } finally {
    await removeWorkDir(work);
  }
}

function* bytesOf(chunks: Iterable<Int16Array>): Generator<Buffer> {
  for (const c of chunks) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

function episodeMetadata(result: FeedSource, plan: EpisodePlan): string {
  const meta = result.spoken.meta;
  const lines = [';FFMETADATA1', `title=${escapeMetadata(plan.title)}`, `album=${escapeMetadata(meta.title)}`, `track=${plan.position}`, 'genre=Podcast'];
  if (meta.author) lines.push(`artist=${escapeMetadata(meta.author)}`, `album_artist=${escapeMetadata(meta.author)}`);
  return lines.join('\n') + '\n';
}

/** Podcasting 2.0 JSON chapters (jsonChapters.md v1.2) for one episode. */
function episodeChapters(result: FeedSource, plan: EpisodePlan, timeline: Timeline): object {
  const meta = result.spoken.meta;
  return {
    version: '1.2.0',
    title: plan.title,
    podcastName: meta.title,
    ...(meta.author ? { author: meta.author } : {}),
    fileName: basename(plan.audioFile),
    chapters: timeline.chapters.map((c) => ({ startTime: c.startMs / 1000, title: c.title })),
  };
}
