// Pronunciation lexicons (W3C PLS): checked against Polly's limits before upload, then
// uploaded with PutLexicon only when Polly lacks them or holds a different version.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { GetLexiconCommand, PutLexiconCommand, type PollyClient } from '@aws-sdk/client-polly';
import { parseXml } from '../../util/xml.js';
import { NarrateError } from '../../errors.js';
import { describeAwsError } from './errors.js';

export interface PollyLexicon {
  /** Polly's name for it: 1–20 letters and digits. */
  name: string;
  /** The PLS document. */
  content: string;
  /** Where it came from, for error messages. */
  source?: string;
}

export const LEXICON_LIMITS = { perRequest: 5, nameChars: 20, contentChars: 4000, replacementChars: 100 } as const;


/** Reads a PLS file; the Polly name defaults to the file name's letters and digits. */
export async function loadLexiconFile(file: string, name?: string): Promise<PollyLexicon> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (e) {
    throw new NarrateError(`${file}: cannot read lexicon file (${(e as NodeJS.ErrnoException).code}). Check the path`);
  }
  const derived = basename(file, extname(file)).replace(/[^A-Za-z0-9]/g, '').slice(0, LEXICON_LIMITS.nameChars);
  return { name: name ?? derived, content, source: file };
}

export function checkLexicons(lexicons: PollyLexicon[]): void {
  if (lexicons.length > LEXICON_LIMITS.perRequest) {
    throw new NarrateError(`${lexicons.length} lexicons given; Polly applies at most ${LEXICON_LIMITS.perRequest} per request. Merge some of them`);
  }
  const names = new Set<string>();
  for (const lexicon of lexicons) {
    checkLexicon(lexicon);
    if (names.has(lexicon.name)) throw new NarrateError(`two lexicons are named "${lexicon.name}". Give each its own name`);
    names.add(lexicon.name);
  }
}

export function checkLexicon(lexicon: PollyLexicon): void {
  const where = lexicon.source ?? `lexicon "${lexicon.name}"`;
  if (!/^[A-Za-z0-9]{1,20}$/.test(lexicon.name)) {
    throw new NarrateError(`${where}: Polly lexicon names are 1–${LEXICON_LIMITS.nameChars} letters and digits, not "${lexicon.name}". Rename it`);
  }
  if (lexicon.content.length > LEXICON_LIMITS.contentChars) {
    throw new NarrateError(`${where}: ${lexicon.content.length} characters; Polly takes at most ${LEXICON_LIMITS.contentChars} per lexicon. Split it into several files`);
  }
  const xml = parseXml(lexicon.content, ['lexeme', 'phoneme', 'alias']);
  if (xml.problem) throw new NarrateError(`${where}:${xml.problem.line}: not well-formed XML (${xml.problem.message}). Fix the PLS markup`);
  const root = (xml.value as { lexicon?: Record<string, unknown> }).lexicon;
  if (!root) throw new NarrateError(`${where}: the root element must be <lexicon> (W3C PLS). See README "Pronunciation lexicon"`);
  const alphabet = root['@alphabet'];
  if (alphabet !== 'ipa' && alphabet !== 'x-sampa') {
    throw new NarrateError(`${where}: <lexicon alphabet="${String(alphabet ?? '')}">; Polly accepts "ipa" or "x-sampa". Set the alphabet attribute`);
  }
  for (const lexeme of (root.lexeme as Array<Record<string, unknown>> | undefined) ?? []) {
    for (const replacement of [...asArray(lexeme.phoneme), ...asArray(lexeme.alias)]) {
      const text = textOf(replacement);
      if (text.length > LEXICON_LIMITS.replacementChars) {
        throw new NarrateError(`${where}: "${text.slice(0, 30)}…" is ${text.length} characters; Polly takes at most ${LEXICON_LIMITS.replacementChars} per <phoneme> or <alias>. Shorten it`);
      }
    }
  }
}

function asArray(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  const text = (v as Record<string, unknown> | null)?.['#text'];
  return typeof text === 'string' ? text : '';
}

/** Uploads each lexicon Polly lacks or holds in another version; returns the names uploaded. */
export async function syncLexicons(client: PollyClient, lexicons: PollyLexicon[], signal?: AbortSignal): Promise<string[]> {
  const uploaded: string[] = [];
  for (const lexicon of lexicons) {
    const current = await currentContent(client, lexicon, signal);
    if (current === lexicon.content) continue;
    try {
      await client.send(new PutLexiconCommand({ Name: lexicon.name, Content: lexicon.content }), { abortSignal: signal });
    } catch (e) {
      throw new NarrateError(`${lexicon.source ?? `lexicon "${lexicon.name}"`}: Polly refused the lexicon (${describeAwsError(e)}). Fix the PLS file`);
    }
    uploaded.push(lexicon.name);
  }
  return uploaded;
}

async function currentContent(client: PollyClient, lexicon: PollyLexicon, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const out = await client.send(new GetLexiconCommand({ Name: lexicon.name }), { abortSignal: signal });
    return out.Lexicon?.Content;
  } catch (e) {
    if ((e as Error).name === 'LexiconNotFoundException') return undefined;
    throw new NarrateError(`could not read Polly lexicon "${lexicon.name}": ${describeAwsError(e)}`);
  }
}
