// Decodes a finished audio file back to PCM with the real ffmpeg, to check what is heard when.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function decodeToPcm(path: string, sampleRate: number): Promise<Int16Array> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', path, '-f', 's16le', '-ac', '1', '-ar', String(sampleRate), 'pipe:1'], {
    encoding: 'buffer',
    maxBuffer: 1 << 30,
  });
  return new Int16Array(stdout.buffer, stdout.byteOffset, stdout.length / 2);
}

/** Root-mean-square level of [fromMs, toMs). */
export function rms(pcm: Int16Array, sampleRate: number, fromMs: number, toMs: number): number {
  const a = Math.max(0, Math.floor((fromMs * sampleRate) / 1000));
  const b = Math.min(pcm.length, Math.floor((toMs * sampleRate) / 1000));
  if (b <= a) return 0;
  let sum = 0;
  for (let i = a; i < b; i++) sum += pcm[i]! * pcm[i]!;
  return Math.sqrt(sum / (b - a));
}
