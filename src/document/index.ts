// Document stage: script text → BookDocument (chapters, paragraphs, sentences, marks).
import { basename, extname } from 'node:path';
import { fileError, NarrateError } from '../errors.js';
import type { ScriptSource } from '../script/read-script.js';
import type { BookDocument, Chapter, Inline, Paragraph } from '../types.js';
import { VOICE_DIRECTIVE, type Block } from './blocks.js';
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { markdownBlocks } from './markdown.js';
import { parsePacingMarks, type MalformedMarks, type MarkedParagraph } from './pacing-marks.js';
import { formatLocation } from './location.js';
import { plainTextBlocks, type NumberedLine } from './plain-text.js';
import { foldSpace, splitSentences, type SentenceDraft } from './sentences.js';
import { slugify } from '../util/slug.js';

/** A sentence longer than this has lost its punctuation; we refuse to guess its ends. */
export const MAX_SENTENCE_CHARS = 5_000;
const DEFAULT_VOICE = 'narrator';

export interface ParseOptions {
  /** Lines left after cleanup of pasted text (original line numbers); all lines when absent. */
  lines?: NumberedLine[];
  /** Book title and author found by cleanup (a pasted article's headline and byline); front matter wins. */
  title?: string;
  author?: string;
  /**
   * The book title when the text names none (no front matter, headline or title line):
   * a pasted article whose headline was not copied is named after its file, not "Introduction".
   */
  fallbackTitle?: string;
}

export function parseScript(source: ScriptSource, options: ParseOptions = {}): BookDocument {
  const split = splitFrontMatter(source.path, source.text);
  const { body, bodyLineOffset } = split;
  const frontMatter = { ...split.frontMatter, title: split.frontMatter.title ?? options.title, author: split.frontMatter.author ?? options.author };
  const lines = options.lines ?? numberLines(body, bodyLineOffset);
  const blocks =
    source.format === 'markdown'
      ? markdownBlocks(linesToText(lines, bodyLineOffset), bodyLineOffset)
      : plainTextBlocks(lines.filter((l) => l.line > bodyLineOffset), frontMatter.title !== undefined);
  return buildBook(source.path, frontMatter, blocks, source.format === 'markdown' ? 'error' : 'text', options.fallbackTitle);
}

/** Book metadata a reader of structured sources (HTML, EPUB) found, in front-matter terms. */
export type ReaderMeta = Omit<FrontMatter, 'owner_email'>;

/** Builds the document from a reader's blocks: the same path the Markdown and text readers take. */
export function bookFromBlocks(file: string, meta: ReaderMeta, blocks: Block[]): BookDocument {
  return buildBook(file, meta, blocks, 'text'); // HTML paragraphs carry their inlines: no marks are parsed
}

/** "harbour-board_vote.txt" → "harbour board vote": a title a voice can say, from the file's name. */
export function titleFromFileName(file: string): string | undefined {
  const title = basename(file, extname(file)).replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return title === '' ? undefined : title;
}

function numberLines(body: string, offset: number): NumberedLine[] {
  return body.split('\n').map((text, i) => ({ line: i + 1 + offset, text }));
}

/** Rebuilds body text with dropped lines left blank, so mdast positions stay true. */
function linesToText(lines: NumberedLine[], offset: number): string {
  const last = lines.reduce((m, l) => Math.max(m, l.line), offset);
  const out = new Array<string>(Math.max(0, last - offset)).fill('');
  for (const l of lines) if (l.line > offset) out[l.line - offset - 1] = l.text;
  return out.join('\n');
}

interface BookBuilder {
  file: string;
  title?: string;
  author?: string;
  chapters: Chapter[];
  /** Voice a directive set for the rest of the chapter. */
  sectionVoice?: string;
  chapterVoice: string;
  /** Markdown scripts are written for narrate; plain text is often pasted, so its brackets are text. */
  malformedMarks: MalformedMarks;
  /** Names the first chapter when nothing names the book (see ParseOptions.fallbackTitle). */
  fallbackTitle?: string;
}

function buildBook(file: string, fm: FrontMatter, blocks: Block[], malformedMarks: MalformedMarks, fallbackTitle?: string): BookDocument {
  const book: BookBuilder = { file, title: fm.title, author: fm.author, chapters: [], chapterVoice: fm.voice ?? DEFAULT_VOICE, malformedMarks, fallbackTitle };
  for (const block of blocks) addBlock(book, block, fm);
  const chapters = book.chapters.filter((c) => c.paragraphs.length > 0);
  if (chapters.length === 0) throw new NarrateError(`${file}: the script has no text to narrate. Add paragraphs under a "## Chapter" heading`);
  chapters.forEach((c, i) => (c.index = i));
  renumberSentences(chapters);
  const title = book.title ?? chapters[0]!.title;
  return {
    sourceFile: file,
    chapters,
    meta: {
      title,
      author: book.author,
      language: fm.language ?? 'en-US',
      description: fm.description,
      cover: fm.cover,
      category: fm.category,
      explicit: fm.explicit,
      ownerEmail: fm.owner_email,
      slug: fm.slug ?? slugify(title) ?? slugify(basename(file, extname(file))) ?? 'book',
    },
  };
}

function addBlock(book: BookBuilder, block: Block, fm: FrontMatter): void {
  if (block.kind === 'book-title' && book.title === undefined && book.chapters.length === 0) {
    book.title = block.text;
    return;
  }
  if (block.kind === 'anchor') return; // split points are the reader's business
  if (block.kind !== 'paragraph') {
    startChapter(book, block.text, block.line, fm.voice ?? DEFAULT_VOICE, block.place);
    return;
  }
  if (book.chapters.length === 0) {
    const byLine = /^\s*\*?by\s+([^*\n]+)\*?\s*$/i.exec(block.text);
    if (byLine && book.author === undefined) {
      book.author = byLine[1]!.trim();
      return;
    }
    startChapter(book, book.title ?? book.fallbackTitle ?? 'Introduction', block.line, fm.voice ?? DEFAULT_VOICE, block.place);
  }
  if (block.inlines) addMarkedParagraph(book, markedFromInlines(block.inlines, block.line), book.sectionVoice ?? lastChapter(book).voice, block.line, block.place);
  else addParagraph(book, block.text, block.line);
}

function lastChapter(book: BookBuilder): Chapter {
  return book.chapters[book.chapters.length - 1]!;
}

function startChapter(book: BookBuilder, title: string, line: number, voice: string, place?: string): void {
  book.chapterVoice = voice;
  book.sectionVoice = undefined;
  book.chapters.push({ index: book.chapters.length, title, titleLocation: { file: book.file, line, ...(place ? { place } : {}) }, voice, paragraphs: [] });
}

/** HTML content arrives already marked up: its inlines are placed as they are, no marks parsed. */
function markedFromInlines(inlines: Inline[], line: number): MarkedParagraph {
  const out: MarkedParagraph = { display: '', lineAt: [], inlines: [] };
  for (const inline of inlines) {
    out.inlines.push({ ...inline, at: out.display.length });
    if (inline.kind === 'break') continue;
    out.display += inline.text;
    for (let i = 0; i < inline.text.length; i++) out.lineAt.push(line);
  }
  return out;
}

function addParagraph(book: BookBuilder, rawText: string, line: number): void {
  const chapter = lastChapter(book);
  const directive = VOICE_DIRECTIVE.exec(rawText);
  let text = rawText;
  let voice = book.sectionVoice ?? chapter.voice;
  if (directive) {
    const name = directive[1]!.trim();
    if (!name) throw fileError(book.file, `${line}`, 'empty voice directive', 'Write #[voice:"name"] with a voice from voices.json');
    text = rawText.slice(directive[0].length);
    if (text.trim() === '') {
      // A directive alone on its line sets the voice for what follows in this chapter.
      if (chapter.paragraphs.length === 0) chapter.voice = name;
      else book.sectionVoice = name;
      return;
    }
    voice = name;
  }
  addMarkedParagraph(book, parsePacingMarks(text, line, book.file, book.malformedMarks), voice, line);
}

function addMarkedParagraph(book: BookBuilder, marked: MarkedParagraph, voice: string, line: number, place?: string): void {
  const drafts = splitSentences(marked);
  if (drafts.length === 0) return;
  const at = place ? { place } : {};
  const paragraph: Paragraph = { voice, location: { file: book.file, line, ...at }, sentences: [] };
  for (const d of drafts.flatMap((draft) => (place !== undefined && draft.text.length > MAX_SENTENCE_CHARS ? splitAtLineBreaks(draft) : [draft]))) {
    if (d.text.length > MAX_SENTENCE_CHARS) {
      const where = formatLocation({ file: book.file, line: d.line, ...at });
      throw new NarrateError(`${where}: a sentence of ${d.text.length} characters has no sentence-ending punctuation. Break it into sentences with full stops; narrate will not guess where they end`);
    }
    paragraph.sentences.push({ id: '', text: d.text, inlines: d.inlines, location: { file: book.file, line: d.line, ...at } });
  }
  lastChapter(book).paragraphs.push(paragraph);
}

/**
 * An HTML run past the sentence limit that has line breaks (verse without full stops)
 * is read a line at a time, each line its own sentence, rather than refusing the book.
 */
function splitAtLineBreaks(draft: SentenceDraft): SentenceDraft[] {
  if (!draft.inlines.some((i) => i.kind === 'break')) return [draft];
  const pieces: Inline[][] = [[]];
  for (const inline of draft.inlines) {
    if (inline.kind === 'break') pieces.push([]);
    else pieces[pieces.length - 1]!.push(inline);
  }
  return pieces
    .map((inlines) => ({ inlines, text: foldSpace(inlines.map((i) => (i.kind === 'break' ? '' : i.text)).join('')), line: draft.line }))
    .filter((p) => p.text !== '');
}

export function renumberSentences(chapters: Chapter[]): void {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  for (const c of chapters) {
    c.paragraphs.forEach((p, pi) =>
      p.sentences.forEach((s, si) => (s.id = `c${pad(c.index + 1, 2)}-p${pad(pi + 1, 3)}-s${pad(si + 1, 2)}`)),
    );
  }
}
