// Reading the file a user named as input: one place that turns a folder, a missing
// file or an unreadable one into a one-line error saying what to name instead.
import { readFile, stat } from 'node:fs/promises';
import { NarrateError } from '../errors.js';

export interface InputFileWords {
  /** How a folder is answered: "Name a script file inside it, e.g. <path>/story.md". */
  inFolder: (path: string) => string;
  /** What follows the path when it does not exist: "no such script file. Check the path…". */
  missing: string;
  /** What the file is, for other read errors: "the script". */
  what: string;
}

export async function readInputFile(path: string, words: InputFileWords): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new NarrateError(`${path}: is a folder. ${words.inFolder(path)}`);
    return await readFile(path);
  } catch (e) {
    if (e instanceof NarrateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NarrateError(`${path}: ${words.missing}`);
    throw new NarrateError(`${path}: cannot read ${words.what} (${code})`);
  }
}
