// Text for the ear: turns each written sentence into tokens that say how every written
// word is spoken. The written form is kept for captions; the speech form goes to the
// SSML stage. Rules prefer plain respelled words ("nineteen sixty-nine"), which every
// engine says right, over SSML that some engines ignore.
import type { BookDocument, Inline, Sentence, SpokenBook, SpokenToken } from '../types.js';
import { formatLocation } from '../document/location.js';
import { NarrateError } from '../errors.js';
import { ipaToEspeak, type Lexicon } from '../lexicon/index.js';
import type { SpeakingCapabilities } from '../providers/provider.js';
import type { RuleContext } from './context.js';
import { lexiconRule } from './lexicon-rule.js';
import { NUMERIC_RULES } from './numeric-rules.js';
import { speakWord } from './speak-word.js';
import { WORD_RULES } from './word-rules.js';
import { wordsOf, type Word } from './words.js';

/** The external data the rules read (the word list), for caches of this stage's results. */
export { wordListVersion } from './english-words.js';

/** What a plain test or tool gets when it names no engine: say-as spelling, plurals as written. */
export const PLAIN_SPEAKING: SpeakingCapabilities = { letterSpelling: 'say-as', readsPluralInitialisms: true };

export interface SpeechTextOptions {
  /** What the engine that speaks a voice says best (each provider's capabilities). */
  capabilitiesFor: (voiceName: string) => SpeakingCapabilities;
  /** The project lexicon (see src/lexicon); its entries win over every other rule. */
  lexicon?: Lexicon;
  /** Told once per problem that does not stop the run (a source phoneme the voice cannot say). */
  onNote?: (message: string) => void;
}

export function toSpokenBook(doc: BookDocument, options: SpeechTextOptions): SpokenBook {
  const voices = new Set(doc.chapters.flatMap((c) => [c.voice, ...c.paragraphs.map((p) => p.voice)]));
  for (const voice of voices) checkLexiconFor(options.capabilitiesFor(voice), options.lexicon);
  const forVoice = (voice: string): TokenOptions => ({ capabilities: options.capabilitiesFor(voice), lexicon: options.lexicon });
  return {
    meta: doc.meta,
    sourceFile: doc.sourceFile,
    chapters: doc.chapters.map((chapter) => ({
      ...chapter,
      titleTokens: spokenTokens([{ kind: 'text', text: chapter.title }], forVoice(chapter.voice)),
      paragraphs: chapter.paragraphs.map((p) => {
        const options_ = forVoice(p.voice);
        const caps = options.capabilitiesFor(p.voice);
        return { ...p, sentences: p.sentences.map((s) => ({ ...s, tokens: spokenTokens(sayablePhonemes(s, caps, options.onNote), options_) })) };
      }),
    })),
  };
}

/** An engine that reads IPA only after conversion: check every entry converts, up front. */
function checkLexiconFor(caps: SpeakingCapabilities, lexicon: Lexicon | undefined): void {
  if (!caps.inlineEspeakPhonemes || !lexicon) return;
  for (const entry of lexicon.entries) {
    if (!entry.phoneme) continue;
    const where = `${lexicon.file}:${entry.line}`;
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
function sayablePhonemes(sentence: Sentence, caps: SpeakingCapabilities, onNote: ((message: string) => void) | undefined): Inline[] {
  if (!caps.inlineEspeakPhonemes || !sentence.inlines.some((i) => i.kind === 'phoneme')) return sentence.inlines;
  return sentence.inlines.map((inline) => {
    if (inline.kind !== 'phoneme') return inline;
    const where = formatLocation(sentence.location);
    try {
      if (inline.alphabet !== 'ipa') throw new NarrateError(`${where}: the local voice cannot read ${inline.alphabet} phonemes`);
      ipaToEspeak(inline.ph, where);
      return inline;
    } catch (e) {
      onNote?.(`${(e as Error).message.replace(/\. Use .*$/, '')}; "${inline.text}" is read as written`);
      return { kind: 'text', text: inline.text };
    }
  });
}

/** Most words in capitals: a shouted sentence or a heading, not a run of initialisms. */
function isShouting(inlines: Inline[]): boolean {
  const words = inlines.flatMap((i) => (i.kind === 'text' ? i.text.split(/\s+/) : [])).filter((w) => /[A-Za-z]{2,}/.test(w));
  return words.length >= 2 && words.filter((w) => w === w.toUpperCase()).length / words.length > 0.6;
}

/** Characters no plain word has: digits, currency signs, the marks of addresses and symbols. */
const NOT_PLAIN = /[^A-Za-z'’.,;:!?"“”()\[\]«»—–…-]/;

/**
 * Which words the numeric rules need to see: those with a digit or symbol, and their
 * neighbours ("million" after "$20", "kg" after "12", "Jan" before "15"). Most words of a
 * book are plain, and skipping the numeric rules for them keeps a long book fast.
 */
function numericNeighbourhoods(words: Word[]): boolean[] {
  const marked = words.map((w) => NOT_PLAIN.test(w.core) || /[A-Za-z0-9]\.[A-Za-z]/.test(w.core));
  return marked.map((_, i) => marked.slice(Math.max(0, i - 2), i + 3).some(Boolean));
}

export interface TokenOptions {
  capabilities?: SpeakingCapabilities;
  lexicon?: Lexicon;
}

export function spokenTokens(inlines: Inline[], options: TokenOptions = {}): SpokenToken[] {
  const words = wordsOf(inlines);
  const lexicon = lexiconRule(options.lexicon);
  const allRules = [...lexicon, ...NUMERIC_RULES, ...WORD_RULES];
  const wordRules = [...lexicon, ...WORD_RULES];
  const numeric = numericNeighbourhoods(words);
  const shouting = isShouting(inlines);
  const caps = options.capabilities ?? PLAIN_SPEAKING;
  const tokens: SpokenToken[] = [];
  words.forEach((w, index) => {
    const ctx: RuleContext = { words, index, caps, shouting };
    const token = { written: w.written, speech: speakWord(ctx, numeric[index] ? allRules : wordRules) };
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

