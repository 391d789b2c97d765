// Script stage: reads a story file and refuses what is not a readable text story.
import { readInputFile } from '../util/input-file.js';
import { extname } from 'node:path';
import { NarrateError } from '../errors.js';

export type ScriptFormat = 'markdown' | 'text';

export interface ScriptSource {
  path: string;
  text: string;
  format: ScriptFormat;
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);

export async function readScript(path: string): Promise<ScriptSource> {
  const format = formatOf(path);
  const bytes = await readBytes(path);
  const text = decodeUtf8(path, bytes);
  if (text.trim() === '') throw new NarrateError(`${path}: the script is empty. Write a story in it (see README "Script syntax")`);
  return { path, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), format };
}

function formatOf(path: string): ScriptFormat {
  const ext = extname(path).toLowerCase();
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  throw new NarrateError(`${path}: unsupported script type "${ext}". Use a Markdown (.md), plain text (.txt), EPUB (.epub) or saved web page (.html) file, or an article URL`);
}

function readBytes(path: string): Promise<Buffer> {
  return readInputFile(path, {
    inFolder: (p) => `Name a script file inside it, e.g. ${p}/story.md`,
    missing: 'no such script file. Check the path, e.g. "npx narrate script/the-keeper-of-tern-rock.md"',
    what: 'the script',
  });
}

function decodeUtf8(path: string, bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new NarrateError(`${path}: looks like a binary file (NUL byte at offset ${nul}). Give a UTF-8 text or Markdown story`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new NarrateError(`${path}:${line}: not valid UTF-8 text. Re-save the file as UTF-8 (e.g. "iconv -f latin1 -t utf-8")`);
  }
}

function firstInvalidUtf8Line(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
