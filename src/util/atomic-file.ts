// Outputs are written under a temporary name and renamed when complete, so an
// interrupted run never leaves a truncated file under the real name. Every
// temporary name is registered (src/util/interruption.ts) until it is renamed or
// removed, so even a second Ctrl-C leaves none behind.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, basename, join } from 'node:path';
import { forgetTemporary, trackTemporary } from './interruption.js';

let counter = 0;

/** Unique per call, so two writers of the same file in one process never collide. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${++counter}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await produceFileAtomic(path, (tmp) => writeFile(tmp, data));
}

/** Runs `produce(tmpPath)` and renames the result into place only if it succeeds. */
export async function produceFileAtomic(path: string, produce: (tmpPath: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryPathFor(path);
  const untrack = trackTemporary(tmp);
  try {
    await produce(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    untrack();
  }
}

/** A fresh folder under the system's temporary folder (TMPDIR), e.g. for ffmpeg's intermediate files. */
export async function makeWorkDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  trackTemporary(dir);
  return dir;
}

export async function removeWorkDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  forgetTemporary(dir);
}
