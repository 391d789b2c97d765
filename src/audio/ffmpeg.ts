// The one module that drives ffmpeg (through fluent-ffmpeg). PCM goes in on stdin,
// so each output is encoded exactly once from the original samples.
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import ffmpeg from 'fluent-ffmpeg';
import { NarrateError } from '../errors.js';

export type AudioFormat = 'm4b' | 'mp3';

export interface EncodeJob {
  /** Mono s16le PCM. */
  pcm: Readable;
  sampleRate: number;
  format: AudioFormat;
  outPath: string;
  /** Bit rate in kb/s. */
  bitrate: number;
}

export interface TagJob {
  /** An encoded file from encodeAudio. */
  inPath: string;
  format: AudioFormat;
  /** FFMETADATA file with tags and [CHAPTER] sections. */
  metadataPath: string;
  coverPath?: string;
  outPath: string;
}

const CODEC: Record<AudioFormat, string[]> = {
  // The fast coder is ~5x quicker than the default and transparent for speech at 64 kb/s.
  m4b: ['-c:a', 'aac', '-aac_coder', 'fast'],
  // LAME's quality 7 halves encode time; at speech bit rates the difference is inaudible.
  mp3: ['-c:a', 'libmp3lame', '-compression_level', '7'],
};
const TAGGING: Record<AudioFormat, string[]> = {
  m4b: ['-movflags', '+faststart'],
  // ID3v2.3: players lose CHAP/CTOC frames written as v2.4 (standards.md §6).
  mp3: ['-id3v2_version', '3', '-write_xing', '1'],
};
const MUXER: Record<AudioFormat, string> = { m4b: 'ipod', mp3: 'mp3' };

const REQUIRED_ENCODERS: Record<AudioFormat, string> = { m4b: 'aac', mp3: 'libmp3lame' };

let checked = false;
export function assertFfmpegInstalled(): void {
  if (checked) return;
  const bin = process.env.FFMPEG_PATH ?? 'ffmpeg';
  const r = spawnSync(bin, ['-version'], { stdio: 'ignore' });
  if (r.error || r.status !== 0) {
    throw new NarrateError(`ffmpeg not found (tried "${bin}"). Install it with "npm run setup" or "apt-get install ffmpeg", or set FFMPEG_PATH`);
  }
  ffmpeg.setFfmpegPath(bin);
  checked = true;
}

/**
 * Checks ffmpeg's encoders (call assertFfmpegInstalled first). fluent-ffmpeg caches what it learns, so
 * calling this while speech is synthesized takes its probing off the critical path.
 */
export async function checkFfmpeg(formats: AudioFormat[]): Promise<void> {
  const encoders = await new Promise<Record<string, unknown>>((resolve, reject) =>
    ffmpeg.getAvailableEncoders((err, found) => (err ? reject(err) : resolve(found))),
  );
  await new Promise<void>((resolve, reject) => ffmpeg.getAvailableFormats((err) => (err ? reject(err) : resolve())));
  for (const f of formats) {
    const encoder = REQUIRED_ENCODERS[f];
    if (!(encoder in encoders)) throw new NarrateError(`this ffmpeg has no ${encoder} encoder, needed for ${f}. Install Debian's ffmpeg ("npm run setup")`);
  }
}

/** Encodes PCM once. Tags and chapters are added afterwards by tagAudio, without re-encoding. */
export function encodeAudio(job: EncodeJob): Promise<void> {
  assertFfmpegInstalled();
  const command = ffmpeg()
    .input(job.pcm)
    .inputOptions(['-f', 's16le', '-ar', String(job.sampleRate), '-ac', '1'])
    .outputOptions(['-map', '0:a', ...CODEC[job.format], '-b:a', `${job.bitrate}k`, '-ac', '1', '-f', MUXER[job.format]]);
  // AAC is the slowest encoder and finishes last; MP3 yields the CPU to it.
  if (job.format === 'mp3') command.renice(10);
  return run(command, job.outPath, `encode ${job.format}`);
}

/** Copies the encoded audio into its final container with tags, chapters and cover. */
export function tagAudio(job: TagJob): Promise<void> {
  assertFfmpegInstalled();
  const command = ffmpeg().input(job.inPath).input(job.metadataPath).inputOptions(['-f', 'ffmetadata']);
  const maps = ['-map', '0:a', '-map_metadata', '1', '-map_chapters', '1'];
  if (job.coverPath) {
    command.input(job.coverPath);
    maps.push('-map', '2:v', '-c:v', 'copy', '-disposition:v:0', 'attached_pic');
  }
  command.outputOptions([...maps, '-c:a', 'copy', ...TAGGING[job.format], '-f', MUXER[job.format]]);
  return run(command, job.outPath, `write ${job.format}`);
}

function run(command: ffmpeg.FfmpegCommand, outPath: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    command
      .on('error', (err: Error, _out: string | null, stderr: string | null) =>
        reject(new NarrateError(`ffmpeg could not ${what}: ${lastLine(stderr ?? undefined) || err.message}`)),
      )
      .on('end', () => resolve())
      .save(outPath);
  });
}

function lastLine(stderr: string | undefined): string {
  return (stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? '';
}

/** Escapes a value for an FFMETADATA file (=;#\ and newlines, doc/metadata.texi). */
export function escapeMetadata(value: string): string {
  return value.replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}
