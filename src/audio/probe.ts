// Reads media facts with the real ffprobe, the same tool podcast hosts and our
// tests use, so the durations in the feed agree with what players measure.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { NarrateError } from '../errors.js';
import { trackChild } from '../util/interruption.js';

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

/** Aborting kills ffprobe; the promise settles only once it has exited. */
export async function probeMedia(path: string, signal?: AbortSignal): Promise<ProbeResult> {
  const args = ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path];
  const child = spawn(ffprobeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' });
  trackChild(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // 'close' follows 'error' too (spawn failure, abort): settling on it means ffprobe has exited.
  let failure: Error | undefined;
  child.on('error', (e) => (failure ??= e));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (signal?.aborted) throw signal.reason;
  if (failure) throw failure;
  if (code !== 0) throw new Error(`ffprobe failed on ${path}: ${stderr.trim().split('\n').pop() || `exit code ${code}`}`);
  return JSON.parse(stdout) as ProbeResult;
}

/** Whole seconds, as itunes:duration wants them. */
export async function durationSeconds(path: string, signal?: AbortSignal): Promise<number> {
  const probe = await probeMedia(path, signal);
  const seconds = Number(probe.format.duration);
  if (!Number.isFinite(seconds)) throw new Error(`ffprobe reported no duration for ${path}`);
  return Math.round(seconds);
}
