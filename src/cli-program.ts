// narrate's command line (commander), loaded by cli.ts. User mistakes end as one line on stderr and a
// non-zero exit; everything else is a bug and shows its stack.
import { Command, InvalidArgumentError, Option } from 'commander';
import { NarrateError } from './errors.js';
import { narrate, type DryRunSummary, type NarrateResult } from './pipeline.js';
import { terminalReporter } from './cli-reporter.js';
import { loadPolly, PROVIDER_NAMES } from './providers/index.js';
import { checkEspeakVoices } from './providers/local/index.js';
import { checkWritableFile } from './util/folders.js';
import { espeakEngine, espeakSynthesize, espeakVoices, haltEspeakNow } from './providers/local/espeak.js';
import { formatDroppedLines } from './cleanup/index.js';
import { loadVoices, voiceByName } from './config/voices.js';
import { projectLexicon } from './lexicon/index.js';
import { describePronunciation } from './say.js';
import { writeFileAtomic } from './util/atomic-file.js';
import { wavFile } from './audio/wav.js';
import { readableClock } from './util/clock.js';
import type { AudioFormat } from './audio/index.js';
import { parseBaseUrl } from './feed/base-url.js';
import { parseChapterSelection, type ChapterRange } from './document/select.js';
import { formatLocation } from './document/location.js';
import type { SkippedPart } from './document/html.js';
import type { EpisodeMode } from './feed/episodes.js';
import { exitCodeFor, Interruption, releaseAllNow, type StopSignal } from './util/interruption.js';

const EXAMPLES = `
Examples:
  $ npx narrate script/the-keeper-of-tern-rock.md            narrate with the local voice into output/
  $ npx narrate script/story.md --dry-run                    show chapters, segments and length; speak nothing
  $ npx narrate https://example.org/news/story --dry-run     a web article: what is read, what is left out and why
  $ npx narrate saved/article.html                           a page saved from the browser
  $ npx narrate script/story.md --provider polly --format mp3
  $ npx narrate book.epub --dry-run                          an EPUB: the chapters found and what is skipped
  $ npx narrate book.epub --chapters 3-7,10                  narrate only those chapters
  $ npx narrate script/story.md --feed --base-url https://example.org/pod/   podcast feed + episodes
  $ npx narrate voices --provider local                      list the voices you can cast in voices.json
`;

function parseFormats(value: string): AudioFormat[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) if (f !== 'm4b' && f !== 'mp3') throw new InvalidArgumentError(`"${f}" is not a format; use m4b, mp3 or both (m4b,mp3)`);
  return [...new Set(formats)] as AudioFormat[];
}

function parseUsd(value: string): number {
  const usd = Number(value.replace(/^\$/, ''));
  if (!Number.isFinite(usd) || usd < 0) throw new InvalidArgumentError('expected an amount in USD, such as 2.50');
  return usd;
}

function parseChapterList(value: string): { spec: string; ranges: ChapterRange[] } {
  const ranges = parseChapterSelection(value);
  if (!ranges) throw new InvalidArgumentError('expected chapter numbers and ranges from 1, such as 3-7,10');
  return { spec: value, ranges };
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function buildProgram(): Command {
  const program = new Command('narrate')
    .description('Turn a written story into a chaptered audiobook with captions, a transcript and a podcast feed.')
.argument('[script]', 'the story: a Markdown (.md) or text (.txt) script, an EPUB book (.epub), a saved web page (.html) or an article URL')
    .addOption(new Option('-p, --provider <name>', 'text-to-speech provider').choices(PROVIDER_NAMES).default('local'))
    .option('--voices <file>', 'voice casting and pauses (default: voices.json if present)')
    .option('-o, --out <dir>', 'output folder; the book goes to <dir>/<book-slug>/', 'output')
    .option('-f, --format <list>', 'audio formats to write: m4b, mp3 or m4b,mp3', parseFormats, ['m4b', 'mp3'] as AudioFormat[])
    .option('--bitrate <kbps>', 'audio bit rate', parsePositiveInt, 64)
    .addOption(new Option('--captions <format>', 'captions.vtt is always written; srt also writes captions.srt').choices(['vtt', 'srt']).default('vtt'))
    .option('--feed', 'also write a podcast feed (feed.xml) with its episodes; needs --base-url')
    .option('--base-url <url>', 'the address output/<book-slug>/ will be uploaded to, ending in "/"')
    .addOption(new Option('--episodes <kind>', 'feed episodes: one per chapter, or the whole book as one').choices(['chapters', 'book']).default('chapters'))
    .option('--dry-run', 'print chapters, segment count, characters, estimated duration and cost; synthesize nothing')
    .option('--max-cost <usd>', 'refuse to start a run estimated to cost more (Polly)', parseUsd)
    .option('--lexicon <file>', 'pronunciation lexicon, W3C PLS (default: lexicon.pls beside the script, or here)')
    .option('--keep-all', 'keep every line: no cleanup of pasted web text')
    .option('--chapters <list>', 'narrate only these chapters, numbered as --dry-run lists them, e.g. 3-7,10', parseChapterList)
    .option('--notes', 'books: read footnotes and endnotes (skipped by default)')
    .option('--describe-images', 'books and pages: read image alt text (figures are read by their caption)')
    .option('--polly-concurrency <n>', 'Polly requests in flight at once (default: 8, standard 16)', parsePositiveInt)
    .option('--cache <dir>', 'cache folder: segments, chapters, prepared text (default: <out>/.cache)')
    .option('--no-cache', 'synthesize every segment afresh and store nothing')
    .option('-q, --quiet', 'print only warnings and errors')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run "narrate --help" for usage)')
    // Options after a subcommand's name belong to it ("narrate voices --provider polly").
    .enablePositionalOptions()
    .action(async (script: string | undefined, opts) => {
      if (!script) {
        program.help({ error: true });
      }
      await runNarrate(script!, opts);
    });

  program
    .command('voices')
    .description('list the voices a provider offers, to cast in voices.json')
    .addOption(new Option('-p, --provider <name>', 'provider').choices(['local', 'polly']).default('local'))
    .option('--language <code>', 'only voices for this language, e.g. en-US')
    .option('--engine <name>', 'Polly only: standard, neural, long-form or generative')
    .action(async (opts: { provider: string; language?: string; engine?: string }) => {
      if (opts.provider === 'polly') {
        const polly = await loadPolly();
        process.stdout.write(polly.formatVoicesTable(await polly.listPollyVoices({ language: opts.language, engine: opts.engine })));
        return;
      }
      const wanted = opts.language?.toLowerCase();
      const engine = espeakEngine();
      if (engine.fallback) process.stderr.write(`warning: ${engine.fallback}\n`);
      process.stdout.write(`# ${engine.description}\n`);
      for (const v of await espeakVoices()) {
        if (wanted && !v.languages.some((l) => l.toLowerCase().startsWith(wanted))) continue;
        process.stdout.write(`${v.identifier.split('/').pop()!.padEnd(14)} ${v.name.padEnd(28)} ${v.languages.join(', ')}\n`);
      }
    });
  program
    .command('say')
    .description('show how the local voice will say some text (after the lexicon and normalization), and speak it to a WAV file')
    .argument('<text>', 'a word or phrase, e.g. "Dr. Moreno paid $4,150"')
    .option('--voice <name>', 'voice from voices.json', 'narrator')
    .option('--voices <file>', 'voice casting (default: voices.json if present)')
    .option('--lexicon <file>', 'pronunciation lexicon (default: lexicon.pls here)')
    .option('-o, --out <file>', 'where to write the spoken audio', 'output/say.wav')
    .action(runSay);
  return program;
}

async function runSay(text: string, opts: { voice: string; voices?: string; lexicon?: string; out: string }): Promise<void> {
  const cast = await loadVoices(opts.voices ?? 'voices.json', opts.voices !== undefined);
  const voice = voiceByName(cast, opts.voice, '--voice');
  const lexicon = projectLexicon(undefined, process.cwd(), opts.lexicon);
  await checkWritableFile(opts.out, `-o "${opts.out}"`, 'Give the WAV file to write, e.g. -o output/say.wav');
  const engine = espeakEngine();
  if (engine.fallback) process.stderr.write(`warning: ${engine.fallback}\n`);
  checkEspeakVoices([voice], await espeakVoices());
  const said = await describePronunciation(text, { lexicon, voice: voice.local });
  const audio = await espeakSynthesize(said.ssml, voice.local);
  await writeFileAtomic(opts.out, wavFile(audio.pcm, audio.sampleRate));
  const lexiconLine = lexicon ? `lexicon:    ${lexicon.file}\n` : '';
  process.stdout.write(`${lexiconLine}spoken as:  ${said.spokenText}\nssml:       ${said.ssml}\nphonemes:   ${said.phonemes}\naudio:      ${opts.out}\nengine:     ${engine.description}\n`);
}

interface NarrateCliOptions {
  provider: string;
  voices?: string;
  out: string;
  format: AudioFormat[];
  bitrate: number;
  captions: 'vtt' | 'srt';
  feed?: boolean;
  baseUrl?: string;
  episodes: EpisodeMode;
  dryRun?: boolean;
  maxCost?: number;
  lexicon?: string;
  keepAll?: boolean;
  chapters?: { spec: string; ranges: ChapterRange[] };
  notes?: boolean;
  describeImages?: boolean;
  pollyConcurrency?: number;
  cache: string | boolean;
  quiet?: boolean;
}

async function runNarrate(script: string, opts: NarrateCliOptions): Promise<void> {
  if (opts.format.length === 0) throw new NarrateError('--format needs at least one of m4b, mp3');
  if (!opts.feed && opts.baseUrl !== undefined) throw new NarrateError('--base-url is only used with --feed: add --feed to publish a podcast feed');
  const feed = opts.feed ? { baseUrl: parseBaseUrl(opts.baseUrl).href, episodes: opts.episodes } : undefined;
  const controller = new AbortController();
  runSignal = controller;
  const reporter = terminalReporter(Boolean(opts.quiet));
  const result = await narrate({
    scriptPath: script,
    provider: opts.provider,
    voicesPath: opts.voices,
    outRoot: opts.out,
    formats: opts.format,
    bitrate: opts.bitrate,
    captions: opts.captions,
    maxCost: opts.maxCost,
    lexiconPath: opts.lexicon,
    keepAll: opts.keepAll,
    chapters: opts.chapters,
    notes: opts.notes,
    describeImages: opts.describeImages,
    pollyConcurrency: opts.pollyConcurrency,
    feed,
    cacheDir: opts.cache === false ? false : typeof opts.cache === 'string' ? opts.cache : undefined,
    dryRun: opts.dryRun,
    signal: controller.signal,
    reporter,
  });
  if ('outDir' in result) printResult(result, Boolean(opts.quiet));
  else printDryRun(result);
}

function printResult(r: NarrateResult, quiet: boolean): void {
  if (quiet) return;
  const lines = [`${r.manifest.title}: ${r.manifest.chapters.length} chapters, ${readableClock(r.manifest.durationMs)}`, `wrote ${r.outDir}/: ${r.manifest.files.join(', ')}`];
  if (r.feedUrl) lines.push(`podcast: upload ${r.outDir}/ to ${r.feedUrl.replace(/feed\.xml$/, '')}, then subscribe to ${r.feedUrl}`);
  process.stdout.write(lines.join('\n') + '\n');
}

function printDryRun(s: DryRunSummary): void {
  const lines = [`${s.book.meta.title}${s.book.meta.author ? ` by ${s.book.meta.author}` : ''} (dry run: nothing synthesized)`];
  if (s.chaptersFrom) lines.push(`chapters from ${s.chaptersFrom}:`);
  if (s.book.meta.publisher || s.book.meta.published) lines.push(`  from ${[s.book.meta.publisher, s.book.meta.published].filter(Boolean).join(', ')}`);
  for (const c of s.book.chapters) {
    const count = s.segments.filter((seg) => seg.chapterIndex === c.index).length;
    lines.push(`  ${String(c.index + 1).padStart(2)}. ${c.title}  (${c.paragraphs.length} paragraphs, ${count} segments)`);
  }
  lines.push(
    ...(s.engine ? [`speech engine: ${s.engine}`] : []),
    `segments: ${s.segments.length} (${s.cachedSegments} already cached)`,
    `characters: ${s.characters}`,
    `estimated duration: ${readableClock(s.estimatedDurationMs)}`,
    ...(s.cost?.lines ?? []),
  );
  if (s.skipped) lines.push(...formatSkipped(s.skipped));
  if (s.cleanup) {
    const dropped = formatDroppedLines(s.cleanup.dropped, s.cleanup.inlineRemovals);
    lines.push(dropped || 'cleanup: nothing dropped');
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** Whole files one line each; parts inside the text counted by reason, with the first as an example. */
function formatSkipped(skipped: SkippedPart[]): string[] {
  if (skipped.length === 0) return ['skipped: nothing'];
  const lines = ['skipped (not read):'];
  const byReason = new Map<string, SkippedPart[]>();
  for (const part of skipped) {
    if (part.location.place === 'whole file' || part.reason.startsWith('before the first')) {
      lines.push(`  [${part.reason}] ${part.location.place === 'whole file' ? part.location.file : `${part.location.place}`}${part.text ? `  "${part.text}"` : ''}`);
      continue;
    }
    byReason.set(part.reason, [...(byReason.get(part.reason) ?? []), part]);
  }
  for (const [reason, parts] of byReason) {
    lines.push(`  [${reason}] ${parts.length} part${parts.length === 1 ? '' : 's'}, first at ${formatLocation(parts[0]!.location)}${parts[0]!.text ? `: "${parts[0]!.text}"` : ''}`);
  }
  return lines;
}

// A reader that stops early (`narrate voices | head`) is no error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') exitNow(0);
  throw e;
});


/** The narration in progress, which a first SIGINT or SIGTERM aborts; other commands just stop. */
let runSignal: AbortController | undefined;

/**
 * SIGINT (Ctrl-C, sent by a terminal to the whole process group) and SIGTERM (kill, a
 * process manager, a container stop) stop a run: the first aborts it, and it ends with
 * one line and exit 130/143 once every stage has stopped and cleaned up after itself.
 * A second signal does not wait: it kills every child process, removes every temporary
 * file and folder, and exits at once.
 */
function stopOnSignals(): void {
  const onSignal = (signal: StopSignal) => {
    const run = runSignal;
    if (run && !run.signal.aborted) {
      run.abort(new Interruption(signal));
      return;
    }
    releaseAllNow();
    const first = run?.signal.reason instanceof Interruption ? run.signal.reason.signal : signal;
    const what = run ? 'stopped at once; the book\'s folder holds its last complete set and finished segments stay cached' : 'stopped';
    // On a terminal a progress bar may be mid-line.
    process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}narrate: interrupted by ${first}: ${what}\n`);
    exitNow(exitCodeFor(first));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}

stopOnSignals();
buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    const known = e instanceof NarrateError ? e : fromSystemError(e);
    if (known) {
      // One line, whatever a message quotes (a JSON parser's excerpt may hold newlines).
      process.stderr.write(`narrate: ${known.message.replace(/\s*\n\s*/g, ' ')}\n`);
      exitNow(known.exitCode);
    }
    throw e;
  });

/** process.exit, once eSpeak NG's thread is out of the engine: ending it inside would abort the process. */
function exitNow(code: number): never {
  haltEspeakNow();
  process.exit(code);
}

/**
 * A file-system error the checks before a run did not foresee (a disk filling up, a
 * folder removed mid-run) is still the user's to fix: one line naming the path.
 */
function fromSystemError(e: unknown): NarrateError | undefined {
  const err = e as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof err.code !== 'string' || typeof err.syscall !== 'string' || !err.path) return undefined;
  const why: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder, not a file',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
    EEXIST: 'it already exists',
  };
  return new NarrateError(`cannot ${err.syscall} ${err.path}: ${why[err.code] ?? err.code}. Check the path and its permissions, then run again`);
}
