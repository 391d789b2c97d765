// Everything that can stop a run, checked before the first synthesis request, so a
// mistake costs no speech, no Polly money and no encoding: the tools (ffmpeg, ffprobe),
// the folders written (output, cache, TMPDIR), the cover image and, for a podcast, the
// base URL and feed.json. The script, voices.json and the lexicon are checked as they
// are read; each voice against its engine by the provider's prepare().
import { dirname, join, resolve } from 'node:path';
import { checkFfmpeg, type AudioFormat } from './audio/index.js';
import { checkFfprobe } from './audio/probe.js';
import { parseBaseUrl } from './feed/base-url.js';
import { loadFeedConfig } from './feed/config.js';
import { checkCover } from './feed/cover.js';
import type { EpisodeMode } from './feed/episodes.js';
import type { BookDocument } from './types.js';
import { checkTemporaryFolder, checkWritableFolder } from './util/folders.js';

export interface PreflightOptions {
  outRoot: string;
  /** Segment cache folder; false for none; default <outRoot>/.cache. */
  cacheDir?: string | false;
  formats: AudioFormat[];
  feed?: { baseUrl: string; episodes: EpisodeMode };
}

export interface Preflight {
  /** The cover image, absolute, when the script names one. */
  coverPath?: string;
}

export async function checkBeforeSpending(book: BookDocument, options: PreflightOptions): Promise<Preflight> {
  const scriptDir = dirname(book.sourceFile);
  const coverPath = book.meta.cover ? resolve(scriptDir, book.meta.cover) : undefined;
  // Chapter episodes are MP3 whatever the book's formats are.
  const formats = options.feed?.episodes === 'chapters' ? [...new Set([...options.formats, 'mp3' as const])] : options.formats;
  const needsFfprobe = options.feed !== undefined || coverPath !== undefined;
  if (options.feed) parseBaseUrl(options.feed.baseUrl);
  await Promise.all([
    checkFfmpeg(formats),
    needsFfprobe ? checkFfprobe() : undefined,
    checkOutputFolder(options.outRoot, book.meta.slug),
    options.cacheDir === false
      ? undefined
      : checkWritableFolder(options.cacheDir ?? join(options.outRoot, '.cache'), `--cache "${options.cacheDir ?? join(options.outRoot, '.cache')}"`, 'Choose another cache folder with --cache, or run with --no-cache'),
    checkTemporaryFolder(),
    options.feed ? loadFeedConfig(join(scriptDir, 'feed.json'), false) : undefined,
  ]);
  // After the ffprobe check, so a missing ffprobe is not reported as a bad image.
  if (coverPath) await checkCover(coverPath, book.sourceFile);
  return { coverPath };
}

async function checkOutputFolder(outRoot: string, slug: string): Promise<void> {
  const fix = 'Choose another output folder with --out';
  await checkWritableFolder(outRoot, `--out "${outRoot}"`, fix);
  await checkWritableFolder(join(outRoot, slug), `the book's folder "${join(outRoot, slug)}"`, `${fix}, or remove that file`);
}
