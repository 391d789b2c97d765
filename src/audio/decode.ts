// Audio → mono s16 PCM through the ffmpeg binary: compressed audio (e.g. Polly's MP3),
// or PCM at another sample rate, resampled by ffmpeg's own resampler (swresample).
// The bytes go in on stdin and PCM comes back on stdout: no temporary files.
import { spawn } from 'node:child_process';
import { NarrateError } from '../errors.js';
import { ensureFfmpeg, ffmpegBinary } from './ffmpeg.js';
import { trackChild } from '../util/interruption.js';

export async function decodeToPcm(audio: Uint8Array, sampleRate: number, signal?: AbortSignal): Promise<Int16Array> {
  return toPcm(audio, [], sampleRate, 'decode audio', signal);
}

/** `pcm` at `to` Hz, through ffmpeg's resampler (low-pass filtered, unlike interpolation by hand). */
export async function resamplePcm(pcm: Int16Array, from: number, to: number, signal?: AbortSignal): Promise<Int16Array> {
  if (from === to || pcm.length === 0) return pcm;
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  return toPcm(bytes, ['-f', 's16le', '-ar', String(from), '-ac', '1'], to, `resample audio from ${from} Hz to ${to} Hz`, signal);
}

async function toPcm(input: Uint8Array, inputArgs: string[], sampleRate: number, what: string, signal?: AbortSignal): Promise<Int16Array> {
  await ensureFfmpeg();
  const bin = ffmpegBinary();
  const args = ['-hide_banner', '-loglevel', 'error', ...inputArgs, '-i', 'pipe:0', '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1'];
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' });
  trackChild(child);
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => errors.push(c));
  // ffmpeg may stop reading early on bad input; the exit code reports that, not EPIPE.
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  // 'close' follows 'error' too (spawn failure, abort): settling on it means ffmpeg has exited.
  let failure: Error | undefined;
  child.on('error', (e) => (failure ??= e));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (signal?.aborted) throw signal.reason;
  if (failure) throw failure;
  if (code !== 0) {
    const reason = Buffer.concat(errors).toString('utf8').trim().split('\n').pop() || `exit code ${code}`;
    throw new NarrateError(`could not ${what} with ffmpeg: ${reason}`);
  }
  const bytes = Buffer.concat(chunks);
  // Copy into a fresh, aligned buffer: Buffer.concat may return a view at an odd offset.
  const pcm = new Int16Array(bytes.length >> 1);
  new Uint8Array(pcm.buffer).set(bytes.subarray(0, pcm.length * 2));
  return pcm;
}
