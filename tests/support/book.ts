// Helpers that build small scripts and books for tests.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScript } from '../../src/document/index.js';
import type { ScriptSource } from '../../src/script/read-script.js';
import type { BookDocument } from '../../src/types.js';

export function parseMarkdown(text: string, path = 'story.md'): BookDocument {
  return parseScript({ path, text, format: 'markdown' } satisfies ScriptSource);
}

export function parseText(text: string, path = 'story.txt'): BookDocument {
  return parseScript({ path, text, format: 'text' } satisfies ScriptSource);
}

export async function tempDir(prefix = 'narrate-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeScript(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
