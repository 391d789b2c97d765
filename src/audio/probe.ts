// Reads media facts with the real ffprobe, the same tool podcast hosts and our
// tests use, so the durations in the feed agree with what players measure.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { NarrateError } from '../errors.js';

const run = promisify(execFile);

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
}

export interface ProbeResult {
  format: { format_name: string; duration?: string };
  streams: ProbedStream[];
}

function ffprobeBinary(): string {
  return process.env.FFPROBE_PATH ?? 'ffprobe';
}

/** Fails with a clear message unless ffprobe runs (the feed and the cover check need it). */
export async function checkFfprobe(): Promise<void> {
  const bin = ffprobeBinary();
  try {
    await run(bin, ['-version']);
  } catch {
    throw new NarrateError(`ffprobe not found (tried "${bin}"). It comes with ffmpeg: install it with "npm run setup" or "apt-get install ffmpeg", or set FFPROBE_PATH`);
  }
}

export async function probeMedia(path: string): Promise<ProbeResult> {
  const { stdout } = await run(ffprobeBinary(), ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path]);
  return JSON.parse(stdout) as ProbeResult;
}

/** Whole seconds, as itunes:duration wants them. */
export async function durationSeconds(path: string): Promise<number> {
  const probe = await probeMedia(path);
  const seconds = Number(probe.format.duration);
  if (!Number.isFinite(seconds)) throw new Error(`ffprobe reported no duration for ${path}`);
  return Math.round(seconds);
}
