// The project lexicon: found next to the script or at the project root, read once,
// applied by the speech-text stage for every provider.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { NarrateError } from '../errors.js';
import { parseLexicon, type Lexicon, type LexiconEntry } from './pls.js';

export { parseLexicon, lookupEntry, type Lexicon, type LexiconEntry, type PhoneticAlphabet } from './pls.js';
export { ipaToEspeak, espeakInlinePhonemes } from './ipa-to-espeak.js';

export const LEXICON_FILE_NAME = 'lexicon.pls';

/**
 * Where the lexicon is: an explicit --lexicon path, else lexicon.pls beside the script,
 * else lexicon.pls in the project root (the working directory). Undefined when there is none.
 */
export function findLexiconFile(scriptFile: string | undefined, projectRoot: string, explicit?: string): string | undefined {
  if (explicit) {
    const path = resolve(projectRoot, explicit);
    if (!existsSync(path)) throw new NarrateError(`--lexicon ${explicit}: no such file. Check the path`);
    return path;
  }
  const candidates = [scriptFile ? join(dirname(resolve(projectRoot, scriptFile)), LEXICON_FILE_NAME) : undefined, join(projectRoot, LEXICON_FILE_NAME)];
  return candidates.find((path): path is string => path !== undefined && existsSync(path));
}

export function loadLexicon(path: string): Lexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new NarrateError(`${path}: cannot read the lexicon (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the file`);
  }
  return parseLexicon(text, path);
}

/** findLexiconFile + loadLexicon in one call. */
export function projectLexicon(scriptFile: string | undefined, projectRoot: string, explicit?: string): Lexicon | undefined {
  const path = findLexiconFile(scriptFile, projectRoot, explicit);
  return path ? loadLexicon(path) : undefined;
}


/**
 * The project lexicon with a source's own lexicons (EPUB <link rel="pronunciation">)
 * behind it: an entry for a word the project lexicon already spells out is dropped,
 * so the project's entries win; so is one the provider cannot say (`canSay`).
 */
export function mergeLexicons(
  project: Lexicon | undefined,
  sources: Lexicon[],
  canSay: (entry: LexiconEntry) => boolean = () => true,
  onNote?: (message: string) => void,
): Lexicon | undefined {
  if (sources.length === 0) return project;
  const entries: LexiconEntry[] = [...(project?.entries ?? [])];
  const known = new Set(entries.flatMap((e) => e.graphemes.map((g) => g.toLowerCase())));
  for (const lexicon of sources) {
    let unsayable = 0;
    for (const entry of lexicon.entries) {
      if (entry.graphemes.some((g) => known.has(g.toLowerCase()))) continue;
      if (!canSay(entry)) {
        unsayable++;
        continue;
      }
      entries.push(entry);
      for (const g of entry.graphemes) known.add(g.toLowerCase());
    }
    if (unsayable > 0) onNote?.(`${lexicon.file}: ${unsayable} entr${unsayable === 1 ? 'y' : 'ies'} the voice cannot say (phonemes it cannot read) left out; those words are read as written`);
  }
  const base = project ?? sources[0]!;
  return { ...base, entries };
}
