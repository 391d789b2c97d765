// Which episodes the feed has, what each is called, and where its files live.
// An episode's guid comes from the book's slug and its chapter title, never from its
// position, so adding a chapter leaves every other episode's guid and URL alone.
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { slugify } from '../util/slug.js';
import type { BookDocument, Chapter, Timeline } from '../types.js';
import type { PublishedItem } from './model.js';

/** The Podcasting 2.0 namespace for podcast:guid (podcast-namespace docs/tags/guid.md). */
export const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

export type EpisodeMode = 'chapters' | 'book';

export interface EpisodePlan {
  guid: string;
  title: string;
  description: string;
  /** 1-based, in book order. */
  position: number;
  /** The chapter this episode is cut from; undefined for the whole book. */
  chapterIndex?: number;
  /** Audio file relative to the output folder, e.g. "episodes/01-the-ledger.mp3". */
  audioFile: string;
}

const DESCRIPTION_CHARS = 400;

export function planChapterEpisodes(book: BookDocument, published: ReadonlyMap<string, PublishedItem>, baseUrl: URL): EpisodePlan[] {
  const seen = new Map<string, number>();
  const width = Math.max(2, String(book.chapters.length).length);
  return book.chapters.map((chapter, i) => {
    const slug = slugify(chapter.title) ?? titleHash(chapter.title);
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    const key = count === 1 ? slug : `${slug}-${count}`;
    const guid = episodeGuid(book, `chapter/${key}`);
    const fresh = `episodes/${String(i + 1).padStart(width, '0')}-${key}.mp3`;
    return {
      guid,
      title: chapter.title,
      description: openingText(chapter) || chapter.title,
      position: i + 1,
      chapterIndex: chapter.index,
      audioFile: publishedEpisodeFile(published.get(guid), baseUrl) ?? fresh,
    };
  });
}

export function planBookEpisode(book: BookDocument, audioFile: string): EpisodePlan {
  const description = book.meta.description?.trim() || (book.chapters[0] ? openingText(book.chapters[0]) : '') || book.meta.title;
  return { guid: episodeGuid(book, 'book'), title: book.meta.title, description, position: 1, audioFile };
}

/** For titles with no Latin letters or digits: a name that depends on the title only, not its position. */
function titleHash(title: string): string {
  return `chapter-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
}

function episodeGuid(book: BookDocument, key: string): string {
  return uuidv5(`narrate/${book.meta.slug}/${key}`, PODCAST_GUID_NAMESPACE);
}

/** Keeps the file name an earlier build published, if it still lies under this base URL. */
function publishedEpisodeFile(item: PublishedItem | undefined, baseUrl: URL): string | undefined {
  if (!item?.enclosureUrl.startsWith(baseUrl.href)) return undefined;
  const relative = decodeURIComponent(item.enclosureUrl.slice(baseUrl.href.length));
  return /^episodes\/[^/]+\.mp3$/.test(relative) ? relative : undefined;
}

/** The chapter's first sentences, up to about DESCRIPTION_CHARS characters. */
function openingText(chapter: Chapter): string {
  let text = '';
  for (const sentence of chapter.paragraphs.flatMap((p) => p.sentences)) {
    if (text && text.length + sentence.text.length > DESCRIPTION_CHARS) break;
    text = text ? `${text} ${sentence.text}` : sentence.text;
  }
  return text;
}

/** One chapter on its own clock, starting at 0, as the episode's audio is. */
export function chapterTimeline(timeline: Timeline, chapterIndex: number): Timeline {
  const chapter = timeline.chapters.find((c) => c.index === chapterIndex)!;
  const shift = chapter.startMs;
  return {
    durationMs: chapter.endMs - shift,
    sampleRate: timeline.sampleRate,
    chapters: [{ ...chapter, startMs: 0, endMs: chapter.endMs - shift }],
    segments: timeline.segments.filter((s) => s.chapterIndex === chapterIndex).map((s) => ({ ...s, startMs: s.startMs - shift, endMs: s.endMs - shift })),
    tokens: timeline.tokens.filter((t) => t.chapterIndex === chapterIndex).map((t) => ({ ...t, startMs: t.startMs - shift, endMs: t.endMs - shift })),
  };
}

export function chapterBook(book: BookDocument, chapterIndex: number): BookDocument {
  return { ...book, chapters: book.chapters.filter((c) => c.index === chapterIndex) };
}

export function stemOf(audioFile: string): string {
  return audioFile.replace(/\.[^./]+$/, '');
}
