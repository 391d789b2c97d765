// One consistent output set. A run builds every file of the book (audio, captions,
// transcript, chapters, manifest, feed and episodes, cover) in a staging folder beside
// the book's folder, on the same filesystem, and only when all of it is written puts
// it in place with two renames: the old folder aside, the staging folder in its place.
// The old folder is then removed. So a run that fails or is stopped leaves the last
// complete set as it was, and files the new run no longer makes (a format not asked
// for, episodes of renamed chapters, captions.srt) are gone with the old folder.
//
// Interrupted at any point, the next run finds it out from the folder names, which
// carry the process id: `.staging-<book>-<pid>` is half-made and removed;
// `.previous-<book>-<pid>` is the last complete set, put back if the book's folder is
// missing (the one moment between the two renames) and removed otherwise.
import { existsSync, renameSync } from 'node:fs';
import { chmod, copyFile, link, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { NarrateError } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { forgetTemporary, trackTemporary } from '../util/interruption.js';

const MANIFEST = 'manifest.json';
/** writeFileAtomic's temporary names (src/util/atomic-file.ts). */
const TEMPORARY_NAME = /^\..+\.\d+-\d+\.tmp$/;
/** How many names a warning lists before "and N more". */
const LISTED = 5;

export interface OpenOptions {
  /** The segment cache folder: it must not live inside the book's folder, which is replaced as a whole. */
  cacheDir?: string;
}

export class OutputSet {
  private constructor(
    /** The book's folder as the user named it, e.g. output/my-book. */
    readonly dir: string,
    /** Where it really is (a symlinked folder is replaced at its target, keeping the link). */
    private readonly target: string,
    /** Every file of the new set is written here. */
    readonly stagingDir: string,
  ) {}

  /** Clears what an interrupted run left, then makes a fresh staging folder. */
  static async open(dir: string, options: OpenOptions = {}): Promise<OutputSet> {
    const target = await realpath(dir).catch(() => resolve(dir));
    const info = await lstat(target).catch(() => undefined);
    if (info && !info.isDirectory()) throw new NarrateError(`${dir} is not a folder, but the book's files go there. Move it away, or choose another --out`);
    if (options.cacheDir !== undefined && isInside(await realpath(options.cacheDir).catch(() => resolve(options.cacheDir!)), target)) {
      throw new NarrateError(`the cache folder ${options.cacheDir} is inside ${dir}, which every run replaces as a whole. Choose a --cache outside it`);
    }
    const parent = dirname(target);
    await mkdir(parent, { recursive: true });
    await recoverInterruptedRuns(parent, basename(target));
    const stagingDir = join(parent, `.staging-${basename(target)}-${process.pid}`);
    trackTemporary(stagingDir);
    await rm(stagingDir, { recursive: true, force: true });
    try {
      await mkdir(stagingDir);
    } catch (e) {
      forgetTemporary(stagingDir);
      throw new NarrateError(`cannot write in ${parent} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Make it writable, or choose another --out`);
    }
    return new OutputSet(dir, target, stagingDir);
  }

  /** A file of the set now in place (the last run's), e.g. to read the feed it published. */
  previousPath(name: string): string {
    return join(this.target, name);
  }

  /** Takes files unchanged from the last run's set into the new one, as hard links (a copy where links are not allowed). */
  async keep(names: string[]): Promise<void> {
    for (const name of names) await linkOrCopy(join(this.target, name), join(this.stagingDir, name));
  }

  /**
   * Puts the staging folder in place of the book's folder. `made` lists the new set's
   * files. Files in the old folder that no run of narrate made (listed in neither the
   * old nor the new manifest) are the user's: they are carried over, and named.
   */
  async commit(made: string[], options: { reporter?: Reporter; signal?: AbortSignal } = {}): Promise<void> {
    const carried = await this.carryOverForeignFiles(new Set(made));
    if (carried.length > 0) {
      const shown = carried.slice(0, LISTED).join(', ') + (carried.length > LISTED ? ` and ${carried.length - LISTED} more` : '');
      (options.reporter ?? silentReporter).warn(`kept ${carried.length} file(s) in ${this.dir}/ that narrate did not make: ${shown}`);
    }
    // The new folder gets the old one's permissions (a served folder may be group-writable, setgid).
    const old = await stat(this.target).catch(() => undefined);
    if (old) await chmod(this.stagingDir, old.mode & 0o7777);
    // From here to the second rename nothing awaits, so no signal handler can run in between.
    options.signal?.throwIfAborted();
    const parent = dirname(this.target);
    const aside = join(parent, `.previous-${basename(this.target)}-${process.pid}`);
    const hadPrevious = existsSync(this.target);
    if (hadPrevious) renameSync(this.target, aside);
    try {
      renameSync(this.stagingDir, this.target);
    } catch (e) {
      if (hadPrevious) renameSync(aside, this.target);
      throw new NarrateError(`could not put the new files in place of ${this.dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the last complete set is unchanged`);
    }
    forgetTemporary(this.stagingDir);
    if (!hadPrevious) return;
    trackTemporary(aside);
    await rm(aside, { recursive: true, force: true });
    forgetTemporary(aside);
  }

  /** Removes the staging folder: the last complete set stays as it was. */
  async discard(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
    forgetTemporary(this.stagingDir);
  }

  private async carryOverForeignFiles(made: ReadonlySet<string>): Promise<string[]> {
    if (!existsSync(this.target)) return [];
    const ownedBefore = await manifestFiles(join(this.target, MANIFEST));
    const carried: string[] = [];
    for (const path of await listFiles(this.target)) {
      const name = relative(this.target, path).split(sep).join('/');
      if (name === '' || made.has(name) || ownedBefore?.has(name) || existsSync(join(this.stagingDir, name))) continue;
      if (TEMPORARY_NAME.test(basename(path))) continue; // a half-written file of an older version, never the user's
      await linkOrCopy(path, join(this.stagingDir, name));
      if (!name.split('/').some((part) => part.startsWith('.'))) carried.push(name);
    }
    return carried;
  }
}

/** Clears folders left by runs of this book that were killed (their process is gone). */
async function recoverInterruptedRuns(parent: string, name: string): Promise<void> {
  const target = join(parent, name);
  for (const entry of await readdir(parent)) {
    const m = /^\.(staging|previous)-(.+)-(\d+)$/.exec(entry);
    if (!m || m[2] !== name || isRunning(Number(m[3]))) continue;
    const path = join(parent, entry);
    // Killed between the two renames: the book's folder is aside; put it back.
    if (m[1] === 'previous' && !existsSync(target)) await rename(path, target);
    else await rm(path, { recursive: true, force: true });
  }
}

/** Another live narrate may be writing its own staging folder; ours (a reused pid, as in containers) is stale. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function manifestFiles(path: string): Promise<Set<string> | undefined> {
  try {
    const files = (JSON.parse(await readFile(path, 'utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? new Set(files.filter((f): f is string => typeof f === 'string')) : undefined;
  } catch {
    return undefined;
  }
}

/** Every file, symlink and empty folder under dir. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.length === 0) return [dir + sep];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  if (from.endsWith(sep)) {
    await mkdir(to, { recursive: true });
    return;
  }
  await mkdir(dirname(to), { recursive: true });
  const info = await lstat(from);
  if (info.isSymbolicLink()) return symlink(await readlink(from), to);
  if (!info.isFile()) return;
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}
