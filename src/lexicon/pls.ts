// Reads a W3C Pronunciation Lexicon (PLS 1.0) into entries the speech-text stage can
// apply. Only what narrate uses is checked: graphemes with an alias or a phoneme.
import { z } from 'zod';
import { NarrateError } from '../errors.js';
import { parseXml } from '../util/xml.js';

export type PhoneticAlphabet = 'ipa' | 'x-sampa';

export interface LexiconEntry {
  graphemes: string[];
  alias?: string;
  phoneme?: { ph: string; alphabet: PhoneticAlphabet };
  /** 1-based line of the <lexeme> in the file. */
  line: number;
}

export interface Lexicon {
  file: string;
  /** The file as written, for engines that take a whole lexicon (Polly PutLexicon). */
  text: string;
  alphabet: PhoneticAlphabet;
  language: string;
  entries: LexiconEntry[];
}

// Polly's per-entry limit; an entry over it would fail the upload later.
const MAX_ENTRY_CHARS = 100;

const textWithAttributes = z.union([z.string(), z.object({ '#text': z.string().optional(), '@alphabet': z.string().optional() }).loose()]);
const lexemeSchema = z.object({
  grapheme: z.array(z.string().min(1, 'an empty <grapheme>')).min(1, 'a <lexeme> needs at least one <grapheme>'),
  alias: z.array(textWithAttributes).optional(),
  phoneme: z.array(textWithAttributes).optional(),
});
const lexiconSchema = z.object({
  lexicon: z.object({
    '@alphabet': z.enum(['ipa', 'x-sampa'], { message: 'alphabet must be "ipa" or "x-sampa"' }),
    '@lang': z.string({ message: 'the <lexicon> element needs xml:lang, e.g. xml:lang="en-US"' }),
    '@version': z.literal('1.0', { message: 'version must be "1.0"' }).optional(),
    lexeme: z.array(z.unknown()).optional(),
  }),
});

function valueOf(item: z.infer<typeof textWithAttributes>): { text: string; alphabet?: string } {
  return typeof item === 'string' ? { text: item } : { text: item['#text'] ?? '', alphabet: item['@alphabet'] };
}

/** 1-based line of each <lexeme> start tag, comments blanked so they are not counted. */
function lexemeLines(text: string): number[] {
  const visible = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lines: number[] = [];
  for (const match of visible.matchAll(/<(?:\w+:)?lexeme[\s>]/g)) lines.push(visible.slice(0, match.index).split('\n').length);
  return lines;
}

export function parseLexicon(text: string, file: string): Lexicon {
  const xml = parseXml(text, ['lexeme', 'grapheme', 'alias', 'phoneme']);
  if (xml.problem) throw new NarrateError(`${file}:${xml.problem.line}: not well-formed XML (${xml.problem.message}). Fix the lexicon file`);
  const top = lexiconSchema.safeParse(xml.value);
  if (!top.success) {
    throw new NarrateError(`${file}:1: not a PLS lexicon: ${top.error.issues[0]!.message}. See https://www.w3.org/TR/pronunciation-lexicon/`);
  }
  const { lexicon } = top.data;
  const lines = lexemeLines(text);
  const entries = (lexicon.lexeme ?? []).map((raw, i) => toEntry(raw, lexicon['@alphabet'], `${file}:${lines[i] ?? 1}`, lines[i] ?? 1));
  return { file, text, alphabet: lexicon['@alphabet'], language: lexicon['@lang'], entries };
}

function toEntry(raw: unknown, defaultAlphabet: PhoneticAlphabet, where: string, line: number): LexiconEntry {
  const parsed = lexemeSchema.safeParse(raw);
  if (!parsed.success) throw new NarrateError(`${where}: ${parsed.error.issues[0]!.message}. Each <lexeme> needs a <grapheme> and an <alias> or <phoneme>`);
  const { grapheme, alias, phoneme } = parsed.data;
  const aliasValue = alias?.[0] ? valueOf(alias[0]).text : undefined;
  const phonemeValue = phoneme?.[0] ? valueOf(phoneme[0]) : undefined;
  if (!aliasValue && !phonemeValue?.text) throw new NarrateError(`${where}: <lexeme> for "${grapheme[0]}" has no <alias> or <phoneme>. Add one`);
  const longest = Math.max(aliasValue?.length ?? 0, phonemeValue?.text.length ?? 0);
  if (longest > MAX_ENTRY_CHARS) throw new NarrateError(`${where}: an <alias> or <phoneme> is ${longest} characters; Polly allows ${MAX_ENTRY_CHARS}. Shorten it`);
  const alphabet = (phonemeValue?.alphabet ?? defaultAlphabet) as string;
  if (alphabet !== 'ipa' && alphabet !== 'x-sampa') throw new NarrateError(`${where}: alphabet "${alphabet}" is not "ipa" or "x-sampa". Fix the <phoneme> attribute`);
  return {
    graphemes: grapheme.map((g) => g.trim()),
    line,
    ...(aliasValue ? { alias: aliasValue } : {}),
    ...(phonemeValue?.text ? { phoneme: { ph: phonemeValue.text, alphabet } } : {}),
  };
}

/** The entry for a written word: exact spelling first, then ignoring case. */
export function lookupEntry(lexicon: Lexicon, written: string): LexiconEntry | undefined {
  return (
    lexicon.entries.find((e) => e.graphemes.includes(written)) ??
    lexicon.entries.find((e) => e.graphemes.some((g) => g.toLowerCase() === written.toLowerCase()))
  );
}
