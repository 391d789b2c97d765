// Builds a SpokenBook and the Timeline an audio stage would give it, with a simple
// deterministic speech model, so caption tests know exactly when every word is heard.
import type { SpokenBook, SpokenChapter, Timeline, TimedChapter, TimedToken } from '../../src/types.js';

export interface SyntheticParagraph {
  voice?: string;
  sentences: string[];
}

export interface SyntheticChapter {
  title: string;
  paragraphs: SyntheticParagraph[];
}

export interface SpeechModel {
  msPerChar: number;
  wordGapMs: number;
  sentenceGapMs: number;
  paragraphGapMs: number;
  chapterGapMs: number;
  /** Leading silence of each chapter before its title is spoken. */
  chapterLeadMs: number;
}

export const NATURAL_SPEECH: SpeechModel = { msPerChar: 62, wordGapMs: 45, sentenceGapMs: 350, paragraphGapMs: 800, chapterGapMs: 2000, chapterLeadMs: 500 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function sentenceId(chapter: number, paragraph: number, sentence: number): string {
  return `c${pad(chapter + 1, 2)}-p${pad(paragraph + 1, 3)}-s${pad(sentence + 1, 2)}`;
}

export function spokenBook(chapters: SyntheticChapter[], meta: Partial<SpokenBook['meta']> = {}): SpokenBook {
  const location = { file: 'story.md', line: 1 };
  const words = (text: string) => text.split(/\s+/).filter(Boolean).map((w) => ({ written: w, speech: [{ kind: 'text' as const, text: w }] }));
  return {
    meta: { title: 'A Synthetic Story', language: 'en-US', slug: 'a-synthetic-story', author: 'Test Author', ...meta },
    sourceFile: 'story.md',
    chapters: chapters.map(
      (c, ci): SpokenChapter => ({
        index: ci,
        title: c.title,
        titleLocation: location,
        voice: 'narrator',
        titleTokens: words(c.title),
        paragraphs: c.paragraphs.map((p, pi) => ({
          voice: p.voice ?? 'narrator',
          location,
          sentences: p.sentences.map((text, si) => ({ id: sentenceId(ci, pi, si), text, inlines: [{ kind: 'text', text }], location, tokens: words(text) })),
        })),
      }),
    ),
  };
}

/** Word lengths vary a little, deterministically, like real speech. */
function wordDurationMs(word: string, model: SpeechModel, serial: number): number {
  const wobble = 0.85 + ((serial * 7919) % 31) / 100;
  return Math.max(120, [...word].length * model.msPerChar * wobble);
}

export function synthesizeTimeline(book: SpokenBook, model: SpeechModel = NATURAL_SPEECH): Timeline {
  const tokens: TimedToken[] = [];
  const chapters: TimedChapter[] = [];
  let clock = 0;
  let serial = 0;
  const say = (text: string, sentence: string, chapterIndex: number, voice: string) => {
    const words = text.split(/\s+/).filter(Boolean);
    words.forEach((written, i) => {
      const startMs = clock;
      const endMs = startMs + wordDurationMs(written, model, serial++);
      tokens.push({ written, sentenceId: sentence, chapterIndex, voice, startMs, endMs });
      clock = endMs + (i < words.length - 1 ? model.wordGapMs : 0);
    });
  };
  for (const chapter of book.chapters) {
    const startMs = clock;
    clock += model.chapterLeadMs;
    say(chapter.title, `c${pad(chapter.index + 1, 2)}-title`, chapter.index, chapter.voice);
    clock += model.chapterGapMs / 2;
    for (const paragraph of chapter.paragraphs) {
      for (const sentence of paragraph.sentences) {
        say(sentence.text, sentence.id, chapter.index, paragraph.voice);
        clock += model.sentenceGapMs;
      }
      clock += model.paragraphGapMs;
    }
    clock += model.chapterGapMs / 2;
    chapters.push({ index: chapter.index, title: chapter.title, startMs, endMs: clock });
  }
  return { durationMs: clock, sampleRate: 22050, chapters, segments: [], tokens };
}

/** Deterministic pseudo-prose with commas, conjunctions and sentences of mixed length. */
export function generatedChapters(count: number, paragraphsPerChapter: number, seed = 1): SyntheticChapter[] {
  const vocabulary = 'the keeper lit lamp over rock and sea wind carried gulls toward harbour while boats waited below cliffs of grey stone because night came early in winter'.split(' ');
  const joiners = ['and', 'but', 'because', 'with', 'into', 'when'];
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const sentence = () => {
    const length = 2 + next(30);
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      let word = i > 0 && next(9) === 0 ? joiners[next(joiners.length)]! : vocabulary[next(vocabulary.length)]!;
      if (i > 1 && i < length - 1 && next(7) === 0) word += ',';
      words.push(word);
    }
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + (next(5) === 0 ? '?' : '.');
  };
  return Array.from({ length: count }, (_, c) => ({
    title: `Chapter ${c + 1}: The Lamp`,
    paragraphs: Array.from({ length: paragraphsPerChapter }, () => ({ sentences: Array.from({ length: 1 + next(5) }, sentence) })),
  }));
}
