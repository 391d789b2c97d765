// Text for the ear: turns each written sentence into tokens that say how every written
// word is spoken. The written form is kept for captions; the speech form goes to the
// SSML stage. Rules prefer plain respelled words ("nineteen sixty-nine"), which every
// engine says right, over SSML that some engines ignore.
import type { BookDocument, Inline, Sentence, SpokenBook, SpokenToken } from '../types.js';
import { formatLocation } from '../document/location.js';
import { NarrateError } from '../errors.js';
import { ipaToEspeak, type Lexicon } from '../lexicon/index.js';
import type { ProviderName, RuleContext } from './context.js';
import { lexiconRule } from './lexicon-rule.js';
import { NUMERIC_RULES } from './numeric-rules.js';
import { speakWord } from './speak-word.js';
import { WORD_RULES } from './word-rules.js';
import { wordsOf } from './words.js';

export interface SpeechTextOptions {
  provider: ProviderName;
  /** The project lexicon (see src/lexicon); its entries win over every other rule. */
  lexicon?: Lexicon;
  /** Told once per problem that does not stop the run (a source phoneme the voice cannot say). */
  onNote?: (message: string) => void;
}

export function toSpokenBook(doc: BookDocument, options: SpeechTextOptions): SpokenBook {
  checkLexiconFor(options);
  return {
    meta: doc.meta,
    sourceFile: doc.sourceFile,
    chapters: doc.chapters.map((chapter) => ({
      ...chapter,
      titleTokens: spokenTokens([{ kind: 'text', text: chapter.title }], options),
      paragraphs: chapter.paragraphs.map((p) => ({
        ...p,
        sentences: p.sentences.map((s) => ({ ...s, tokens: spokenTokens(sayablePhonemes(s, options), options) })),
      })),
    })),
  };
}

/** The local engine reads IPA only after conversion: check every entry converts, up front. */
function checkLexiconFor(options: SpeechTextOptions): void {
  if (options.provider !== 'local' || !options.lexicon) return;
  for (const entry of options.lexicon.entries) {
    if (!entry.phoneme) continue;
    const where = `${options.lexicon.file}:${entry.line}`;
    if (entry.phoneme.alphabet === 'x-sampa') {
      throw new NarrateError(`${where}: the local voice cannot read X-SAMPA phonemes ("${entry.graphemes[0]}"). Write the <phoneme> in IPA`);
    }
    ipaToEspeak(entry.phoneme.ph, where);
  }
}

/**
 * Phonemes the source gives (EPUB ssml:ph) go to every engine; the local engine reads
 * them only as its own notation, so one it cannot convert is read as written, with a note.
 */
function sayablePhonemes(sentence: Sentence, options: SpeechTextOptions): Inline[] {
  if (options.provider !== 'local' || !sentence.inlines.some((i) => i.kind === 'phoneme')) return sentence.inlines;
  return sentence.inlines.map((inline) => {
    if (inline.kind !== 'phoneme') return inline;
    const where = formatLocation(sentence.location);
    try {
      if (inline.alphabet !== 'ipa') throw new NarrateError(`${where}: the local voice cannot read ${inline.alphabet} phonemes`);
      ipaToEspeak(inline.ph, where);
      return inline;
    } catch (e) {
      options.onNote?.(`${(e as Error).message.replace(/\. Use .*$/, '')}; "${inline.text}" is read as written`);
      return { kind: 'text', text: inline.text };
    }
  });
}

/** Most words in capitals: a shouted sentence or a heading, not a run of initialisms. */
function isShouting(inlines: Inline[]): boolean {
  const words = inlines.flatMap((i) => (i.kind === 'text' ? i.text.split(/\s+/) : [])).filter((w) => /[A-Za-z]{2,}/.test(w));
  return words.length >= 2 && words.filter((w) => w === w.toUpperCase()).length / words.length > 0.6;
}

export function spokenTokens(inlines: Inline[], options: SpeechTextOptions = { provider: 'mock' }): SpokenToken[] {
  const words = wordsOf(inlines);
  const rules = [...lexiconRule(options.lexicon), ...NUMERIC_RULES, ...WORD_RULES];
  const shouting = isShouting(inlines);
  const tokens: SpokenToken[] = [];
  words.forEach((w, index) => {
    const ctx: RuleContext = { words, index, provider: options.provider, shouting };
    const token = { written: w.written, speech: speakWord(ctx, rules) };
    const previous = tokens[tokens.length - 1];
    // One written word, even when a pacing mark covers only part of it: "(FBI)[characters]'s".
    if (w.glued && previous && previous.written !== '' && token.written !== '') {
      tokens[tokens.length - 1] = { written: previous.written + token.written, speech: [...previous.speech, ...token.speech] };
    } else {
      tokens.push(token);
    }
  });
  return tokens;
}

