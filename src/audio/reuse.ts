// An unchanged rerun need not encode again: the audio files are reused when everything
// that decides their bytes is the same as last time. The fingerprint of those inputs
// is kept in manifest.json, beside the files it describes.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BookMeta, Manifest, Segment } from '../types.js';
import { AUDIO_FILE_NAMES, type AudioFormat } from './index.js';

/** Bump when encoding settings change, so old files are not reused. */
const ENCODING_VERSION = 1;

export interface AudioInputs {
  /** Cache key of each segment's speech, in order. */
  speechKeys: string[];
  segments: Segment[];
  meta: BookMeta;
  chapterTitles: string[];
  formats: AudioFormat[];
  bitrate: number;
  coverPath?: string;
}

export async function audioFingerprint(inputs: AudioInputs): Promise<string> {
  const cover = inputs.coverPath ? await stat(inputs.coverPath) : undefined;
  const { title, author, description } = inputs.meta;
  return createHash('sha256')
    .update(
      JSON.stringify([
        ENCODING_VERSION,
        inputs.speechKeys,
        inputs.segments.map((s) => s.pauseAfterMs),
        [title, author, description],
        inputs.chapterTitles,
        [...inputs.formats].sort(),
        inputs.bitrate,
        cover ? [inputs.coverPath, cover.size, cover.mtimeMs] : null,
      ]),
    )
    .digest('hex');
}

/** True when the last run's manifest has this fingerprint and its audio files are all there. */
export async function audioUpToDate(outDir: string, fingerprint: string, formats: AudioFormat[]): Promise<boolean> {
  let previous: Manifest;
  try {
    previous = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (previous.audioFingerprint !== fingerprint) return false;
  const sizes = await Promise.all(formats.map((f) => stat(join(outDir, AUDIO_FILE_NAMES[f])).then((s) => s.size, () => 0)));
  return sizes.every((size) => size > 0);
}
