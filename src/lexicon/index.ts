// The project lexicon: found next to the script or at the project root, read once,
// applied by the speech-text stage for every provider.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { NarrateError } from '../errors.js';
import { parseLexicon, type Lexicon } from './pls.js';

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

