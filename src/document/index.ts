// Document stage: script text → BookDocument (chapters, paragraphs, sentences, marks).
import { basename, extname } from 'node:path';
import { fileError, NarrateError } from '../errors.js';
import type { ScriptSource } from '../script/read-script.js';
import type { BookDocument, Chapter, Paragraph } from '../types.js';
import { VOICE_DIRECTIVE, type Block } from './blocks.js';
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { markdownBlocks } from './markdown.js';
import { parsePacingMarks, type MalformedMarks } from './pacing-marks.js';
import { plainTextBlocks, type NumberedLine } from './plain-text.js';
import { splitSentences } from './sentences.js';
import { slugify } from '../util/slug.js';

/** A sentence longer than this has lost its punctuation; we refuse to guess its ends. */
export const MAX_SENTENCE_CHARS = 5_000;
const DEFAULT_VOICE = 'narrator';

export interface ParseOptions {
  /** Lines left after cleanup of pasted text (original line numbers); all lines when absent. */
  lines?: NumberedLine[];
}

export function parseScript(source: ScriptSource, options: ParseOptions = {}): BookDocument {
  const { frontMatter, body, bodyLineOffset } = splitFrontMatter(source.path, source.text);
  const lines = options.lines ?? numberLines(body, bodyLineOffset);
  const blocks =
    source.format === 'markdown'
      ? markdownBlocks(linesToText(lines, bodyLineOffset), bodyLineOffset)
      : plainTextBlocks(lines.filter((l) => l.line > bodyLineOffset), frontMatter.title !== undefined);
  return buildBook(source.path, frontMatter, blocks, source.format === 'markdown' ? 'error' : 'text');
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
}

function buildBook(file: string, fm: FrontMatter, blocks: Block[], malformedMarks: MalformedMarks): BookDocument {
  const book: BookBuilder = { file, title: fm.title, author: fm.author, chapters: [], chapterVoice: fm.voice ?? DEFAULT_VOICE, malformedMarks };
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
  if (block.kind !== 'paragraph') {
    startChapter(book, block.text, block.line, fm.voice ?? DEFAULT_VOICE);
    return;
  }
  if (book.chapters.length === 0) {
    const byLine = /^\s*\*?by\s+([^*\n]+)\*?\s*$/i.exec(block.text);
    if (byLine && book.author === undefined) {
      book.author = byLine[1]!.trim();
      return;
    }
    startChapter(book, book.title ?? 'Introduction', block.line, fm.voice ?? DEFAULT_VOICE);
  }
  addParagraph(book, block.text, block.line);
}

function startChapter(book: BookBuilder, title: string, line: number, voice: string): void {
  book.chapterVoice = voice;
  book.sectionVoice = undefined;
  book.chapters.push({ index: book.chapters.length, title, titleLocation: { file: book.file, line }, voice, paragraphs: [] });
}

function addParagraph(book: BookBuilder, rawText: string, line: number): void {
  const chapter = book.chapters[book.chapters.length - 1]!;
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
  const marked = parsePacingMarks(text, line, book.file, book.malformedMarks);
  const drafts = splitSentences(marked);
  if (drafts.length === 0) return;
  const paragraph: Paragraph = { voice, location: { file: book.file, line }, sentences: [] };
  for (const d of drafts) {
    if (d.text.length > MAX_SENTENCE_CHARS) {
      throw fileError(book.file, `${d.line}`, `a sentence of ${d.text.length} characters has no sentence-ending punctuation`, 'Break it into sentences with full stops; narrate will not guess where they end');
    }
    paragraph.sentences.push({ id: '', text: d.text, inlines: d.inlines, location: { file: book.file, line: d.line } });
  }
  chapter.paragraphs.push(paragraph);
}

function renumberSentences(chapters: Chapter[]): void {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  for (const c of chapters) {
    c.paragraphs.forEach((p, pi) =>
      p.sentences.forEach((s, si) => (s.id = `c${pad(c.index + 1, 2)}-p${pad(pi + 1, 3)}-s${pad(si + 1, 2)}`)),
    );
  }
}
