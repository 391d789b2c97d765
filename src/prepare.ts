// The text half of a run, before anything is spoken: source → document → spoken text →
// segments, with the voices cast and the provider made. Reading the source and building the
// segments are kept in the prepared-text cache (src/prepare-cache.ts), so an unchanged rerun
// does neither.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUILD_ID } from './build-id.js';
import { loadVoices, voiceByName, type VoiceCast, type VoiceProfile } from './config/voices.js';
import { castForLanguage, type LocalVoiceInfo } from './config/voice-language.js';
import { formatLocation } from './document/location.js';
import { selectChapters, type ChapterRange } from './document/select.js';
import { NarrateError } from './errors.js';
import { ipaToEspeak, mergeLexicons, projectLexicon, type LexiconEntry } from './lexicon/index.js';
import { hashKey, PreparedCache } from './prepare-cache.js';
import { createProvider } from './providers/index.js';
import type { TtsProvider } from './providers/provider.js';
import { readSource, type SourceBook } from './readers/index.js';
import { silentReporter, type Reporter } from './reporter.js';
import { buildSegments } from './segments/index.js';
import { packSegments, unpackSegments } from './segments/packed.js';
import { toSpokenBook, wordListVersion } from './speech-text/index.js';
import type { BookDocument, Segment } from './types.js';
import { isUrl } from './web/fetch-page.js';

export interface PrepareOptions {
  scriptPath: string;
  provider: string | TtsProvider;
  voicesPath?: string;
  /** Root output folder; the book goes to <outRoot>/<slug>/. */
  outRoot: string;
  /** Cache folder (segments, encoded chapters, prepared text), or false for none. Default <outRoot>/.cache. */
  cacheDir?: string | false;
  /** The pronunciation lexicon (W3C PLS); default lexicon.pls beside the script or in the working folder. */
  lexiconPath?: string;
  /** Skip the cleanup of pasted web text. */
  keepAll?: boolean;
  /** Books: read footnotes and endnotes (skipped by default). */
  notes?: boolean;
  /** Books and pages: read image alt text (figures are read by caption only by default). */
  describeImages?: boolean;
  /** Narrate only these chapters (1-based, as --dry-run numbers them). */
  chapters?: { spec: string; ranges: ChapterRange[] };
  /** Requests in flight at once for Polly; default per engine. */
  pollyConcurrency?: number;
  /**
   * Which code prepares the text, for the prepared-text cache; default the build's id.
   * Without one (the sources run directly, as under vitest) that cache is off.
   */
  buildId?: string;
  reporter?: Reporter;
}

export interface PreparedBook {
  /** The book to narrate (the --chapters selection of the source's). */
  book: BookDocument;
  cast: VoiceCast;
  /** Every voice the book uses. */
  voices: VoiceProfile[];
  provider: TtsProvider;
  segments: Segment[];
  source: SourceBook;
  /** Stores what was prepared anew in the prepared-text cache; called once the run has succeeded. */
  savePrepared(): Promise<void>;
}

/** The run's cache folder: --cache, else <out>/.cache; undefined with --no-cache. */
export function cacheFolder(options: Pick<PrepareOptions, 'cacheDir' | 'outRoot'>): string | undefined {
  return options.cacheDir === false ? undefined : (options.cacheDir ?? join(options.outRoot, '.cache'));
}

export async function prepareBook(options: PrepareOptions): Promise<PreparedBook> {
  const reporter = options.reporter ?? silentReporter;
  const warn = (m: string) => reporter.warn(m);
  const cache = new PreparedCache(cacheFolder(options), options.scriptPath, options.buildId ?? BUILD_ID);
  const readerOptions = { keepAll: options.keepAll, notes: options.notes, describeImages: options.describeImages };
  const sourceKey = await cache.sourceKey(readerOptions);
  const read = (onNote: (m: string) => void) => readSource(options.scriptPath, { ...readerOptions, onNote });
  const { value: source, reused: sourceReused } = await cache.reuse('source', sourceKey, read, { onNote: warn, stillValid: (s) => coverStillThere(s.book, options.scriptPath) });
  const book = options.chapters ? selectChapters(source.book, options.chapters.ranges, options.chapters.spec) : source.book;
  const projectLex = projectLexicon(isUrl(options.scriptPath) ? undefined : options.scriptPath, process.cwd(), options.lexiconPath);
  const providerName = typeof options.provider === 'string' ? options.provider : options.provider.name;
  const cast = await castForLanguage(
    await loadVoices(options.voicesPath ?? 'voices.json', options.voicesPath !== undefined),
    book.meta.language,
    providerName,
    localVoiceList,
    warn,
    (m) => reporter.info(m),
  );
  const voices = voicesUsed(book, cast);
  const provider =
    typeof options.provider === 'string'
      ? await createProvider(options.provider, { lexicon: projectLex, pollyConcurrency: options.pollyConcurrency, onNote: warn })
      : options.provider;
  // The source's own lexicons (EPUB) stand behind the project's; their entries reach every provider through the speech text.
  const lexicon = mergeLexicons(projectLex, source.lexicons ?? [], (entry) => canSay(entry, voices.some((v) => provider.capabilities(v).inlineEspeakPhonemes === true)), warn);
  const capabilitiesFor = (name: string) => provider.capabilities(cast.voices.get(name)!);
  const buildBookSegments = (onNote: (m: string) => void): Segment[] => {
    const dropped = new Set<string>();
    // The spoken book is not kept: its words' speech is in the segments' SSML now (see NarrateResult.book).
    const spoken = toSpokenBook(book, { capabilitiesFor, lexicon, onNote });
    return buildSegments(spoken, {
      pauses: cast.pauses,
      capabilitiesFor,
      onDroppedTag: (tag) => {
        if (dropped.has(tag)) return;
        dropped.add(tag);
        onNote(`${provider.name} does not support <${tag}>; its text is spoken plainly`);
      },
    });
  };
  // Everything the speech text and segments are made from. The book is the source's (its key:
  // build, input bytes, path, reader options) cut to the --chapters selection; the cast gives
  // voices and pauses; the merged lexicon (the project's lexicon.pls, by content, with the
  // book's own) is the first rule; the provider, its engine and each voice's capabilities
  // (limits, tags, spelling) shape words and requests; the word list is read by the word
  // rules and is not part of the build.
  const segmentsKey =
    sourceKey &&
    hashKey({
      source: sourceKey,
      chapters: options.chapters?.ranges ?? null,
      pauses: cast.pauses,
      voices: cast.voices,
      lexicon: lexicon ?? null,
      provider: provider.name,
      engineVersion: provider.engineVersion(),
      capabilities: voices.map((v) => [v.name, provider.capabilities(v)]),
      wordList: wordListVersion(),
    });
  const { value: segments, reused: segmentsReused } = await cache.reuse('segments', segmentsKey, buildBookSegments, {
    onNote: warn,
    codec: { pack: packSegments, unpack: unpackSegments },
  });
  if (segmentsReused) reporter.info('text unchanged since the last run: its segments come from the cache');
  else if (sourceReused) reporter.info('source unchanged since the last run: what was read from it comes from the cache');
  return { book, cast, voices, provider, segments, source, savePrepared: () => cache.save() };
}

/** A cover the reader extracted to the temporary folder (EPUB) may have been cleaned away since. */
function coverStillThere(book: BookDocument, scriptPath: string): boolean {
  return book.meta.cover === undefined || existsSync(resolve(dirname(scriptPath), book.meta.cover));
}

/** A voice that reads phonemes only as eSpeak NG codes cannot say what does not convert. */
function canSay(entry: LexiconEntry, needsEspeakCodes: boolean): boolean {
  if (!needsEspeakCodes || !entry.phoneme) return true;
  if (entry.phoneme.alphabet !== 'ipa') return false;
  try {
    ipaToEspeak(entry.phoneme.ph);
    return true;
  } catch {
    return false;
  }
}

async function localVoiceList(): Promise<LocalVoiceInfo[]> {
  const { espeakVoices } = await import('./providers/local/espeak.js');
  return (await espeakVoices()).map((v) => ({ name: v.identifier.split('/').pop()!.toLowerCase(), languages: v.languages.map((l) => l.toLowerCase()) }));
}

function voicesUsed(book: BookDocument, cast: VoiceCast): VoiceProfile[] {
  const used = new Map<string, VoiceProfile>();
  for (const chapter of book.chapters) {
    used.set(chapter.voice, voiceByName(cast, chapter.voice, formatLocation(chapter.titleLocation)));
    for (const p of chapter.paragraphs) used.set(p.voice, voiceByName(cast, p.voice, formatLocation(p.location)));
  }
  if (used.size === 0) throw new NarrateError(`${book.sourceFile}: no voices used`);
  return [...used.values()];
}
