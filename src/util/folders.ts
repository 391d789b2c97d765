// Checks that a folder (or a file's folder) can be written, without creating anything,
// so a run can refuse a bad --out, --cache or TMPDIR before it spends anything.
import { access, constants, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { NarrateError } from '../errors.js';

async function kind(path: string): Promise<'folder' | 'file' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOTDIR: a file sits where a folder on the path should be; the caller's walk up finds it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw e;
  }
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK | constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * Fails unless `path` is a folder narrate can write into, or can be created: the nearest
 * part of it that exists must be a writable folder. `what` names it for the user, e.g.
 * `--out "output"`; `fix` says what to do instead.
 */
export async function checkWritableFolder(path: string, what: string, fix: string, forFile = false): Promise<void> {
  const absolute = resolve(path);
  let existing = absolute;
  let state = await kind(existing);
  while (state === 'missing' && dirname(existing) !== existing) {
    existing = dirname(existing);
    state = await kind(existing);
  }
  if (state === 'file') {
    const where = existing === absolute && !forFile ? `${what} is a file, not a folder` : `${what} cannot be written: ${existing} is a file, not a folder`;
    throw new NarrateError(`${where}. ${fix}`);
  }
  if (!(await writable(existing))) throw new NarrateError(`${what}: ${existing} is not writable. ${fix}`);
}

/** Fails unless `path` can be written as a file: not a folder, its folder writable or creatable. */
export async function checkWritableFile(path: string, what: string, fix: string): Promise<void> {
  if ((await kind(resolve(path))) === 'folder') throw new NarrateError(`${what} is a folder, not a file. ${fix}`);
  await checkWritableFolder(dirname(resolve(path)), what, fix, true);
}

/** Fails unless the system's temporary folder (TMPDIR) exists and takes a new folder. */
export async function checkTemporaryFolder(): Promise<void> {
  const folder = tmpdir();
  let made: string;
  try {
    made = await mkdtemp(join(folder, 'narrate-check-'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new NarrateError(`the temporary folder ${folder} cannot be used (${code}). Set TMPDIR to a writable folder, e.g. TMPDIR=/tmp`);
  }
  await rm(made, { recursive: true, force: true });
}
