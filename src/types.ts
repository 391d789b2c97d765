// The data handed from one pipeline stage to the next. Each stage takes the
// previous stage's type and returns its own; no stage reads another's internals.
//
//   script file ──parse──▶ BookDocument ──speech-text──▶ SpokenBook
//     ──segments──▶ Segment[] ──speech (provider + cache)──▶ SegmentSpeech[]
//     ──audio──▶ AudioBook (files + Timeline) ──captions / manifest / feed──▶ files

// ───────────── document stage (src/document/) ─────────────

export interface SourceLocation {
  file: string;
  /** 1-based line in the script file; for HTML sources, the block's position in its file. */
  line: number;
  /** Where in a source without lines (HTML, EPUB): e.g. "#chapter-3, block 12". See formatLocation. */
  place?: string;
}

export type BreakStrength = 'none' | 'x-weak' | 'weak' | 'medium' | 'strong' | 'x-strong';
export type EmphasisLevel = 'strong' | 'moderate' | 'reduced';

/** A run of sentence content: plain text or a Speech Markdown pacing mark. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break'; timeMs?: number; strength?: BreakStrength }
  | { kind: 'characters'; text: string }
  | { kind: 'emphasis'; text: string; level: EmphasisLevel }
  | { kind: 'sub'; text: string; alias: string }
  /** Text with its pronunciation given by the source (EPUB ssml:ph). */
  | { kind: 'phoneme'; text: string; alphabet: 'ipa' | 'x-sampa'; ph: string };

export interface Sentence {
  /** Stable id, e.g. "c02-p003-s01". */
  id: string;
  /** The sentence as the reader sees it: pacing marks removed, white space folded. */
  text: string;
  inlines: Inline[];
  location: SourceLocation;
}

export interface Paragraph {
  sentences: Sentence[];
  /** Name of a voice in voices.json. */
  voice: string;
  location: SourceLocation;
}

export interface Chapter {
  /** 0-based position in the book. */
  index: number;
  title: string;
  titleLocation: SourceLocation;
  voice: string;
  paragraphs: Paragraph[];
}

export interface BookMeta {
  title: string;
  author?: string;
  /** BCP 47, e.g. "en-US". */
  language: string;
  description?: string;
  /** Path to a cover image, resolved against the script's folder. */
  cover?: string;
  category?: string;
  explicit?: boolean;
  ownerEmail?: string;
  /** Web articles: the site that published it and when (as the page states it). */
  publisher?: string;
  published?: string;
  /** Folder name under the output directory. */
  slug: string;
}

export interface BookDocument {
  meta: BookMeta;
  chapters: Chapter[];
  sourceFile: string;
}

// ───────────── speech-text stage (src/speech-text/): text for the ear ─────────────

/** How to say something; rendered to each provider's SSML dialect by src/ssml/. */
export type SpeechNode =
  | { kind: 'text'; text: string }
  | { kind: 'break'; timeMs?: number; strength?: BreakStrength }
  | { kind: 'characters'; text: string }
  | { kind: 'emphasis'; text: string; level: EmphasisLevel }
  | { kind: 'sub'; text: string; alias: string }
  | { kind: 'say-as'; text: string; interpretAs: string; format?: string }
  | { kind: 'phoneme'; text: string; alphabet: 'ipa' | 'x-sampa'; ph: string };

/**
 * One written word (white-space delimited, punctuation attached) and how it is spoken.
 * `written` is "" for pure pacing tokens such as a break.
 * Joining the non-empty `written` values with single spaces gives Sentence.text.
 */
export interface SpokenToken {
  written: string;
  speech: SpeechNode[];
}

export interface SpokenSentence extends Sentence {
  tokens: SpokenToken[];
}

export interface SpokenParagraph extends Omit<Paragraph, 'sentences'> {
  sentences: SpokenSentence[];
}

export interface SpokenChapter extends Omit<Chapter, 'paragraphs'> {
  titleTokens: SpokenToken[];
  paragraphs: SpokenParagraph[];
}

export interface SpokenBook {
  meta: BookMeta;
  chapters: SpokenChapter[];
  sourceFile: string;
}

// ───────────── segments stage (src/segments/) ─────────────

/** Where one written token's spoken form sits inside a segment's SSML (UTF-16 offsets). */
export interface TokenSpan {
  sentenceId: string;
  tokenIndex: number;
  written: string;
  start: number;
  end: number;
}

export interface Segment {
  /** Stable id, e.g. "c02-p003-k01" (k = part of a paragraph split for length). */
  id: string;
  chapterIndex: number;
  kind: 'title' | 'body';
  /** Voice name in voices.json. */
  voice: string;
  location: SourceLocation;
  sentenceIds: string[];
  /** Full SSML document sent to the provider, <speak> included. */
  ssml: string;
  /** Characters a provider bills for: the text content without tags. */
  billedChars: number;
  tokenSpans: TokenSpan[];
  /** Silence the assembler adds after this segment's audio (paragraph / chapter pause). */
  pauseAfterMs: number;
}

// ───────────── speech stage (src/speech/ and src/providers/) ─────────────

export interface SpeechMark {
  type: 'sentence' | 'word' | 'mark';
  /** Milliseconds from the start of this request's audio. */
  timeMs: number;
  /** When the word stops being heard, where the engine tells (ms from the request's start). */
  endMs?: number;
  /** UTF-16 offsets into the SSML that was sent (absent for 'mark'). */
  start?: number;
  end?: number;
  /** Mark name for 'mark'; the spoken value otherwise, where the engine gives it. */
  value?: string;
}

export interface SpeechAudio {
  /** Mono, signed 16-bit. */
  pcm: Int16Array;
  sampleRate: number;
  marks: SpeechMark[];
}

export interface SegmentSpeech extends SpeechAudio {
  segmentId: string;
  fromCache: boolean;
}

// ───────────── audio stage (src/audio/) ─────────────

export interface TimedToken {
  written: string;
  sentenceId: string;
  chapterIndex: number;
  voice: string;
  /** Position in the final audio, ms. */
  startMs: number;
  endMs: number;
}

export interface TimedSegment {
  id: string;
  chapterIndex: number;
  startMs: number;
  /** End of its speech, before the pause the assembler adds. */
  endMs: number;
}

export interface TimedChapter {
  index: number;
  title: string;
  startMs: number;
  endMs: number;
}

/** Everything placed on the final audio's clock. */
export interface Timeline {
  durationMs: number;
  sampleRate: number;
  chapters: TimedChapter[];
  segments: TimedSegment[];
  tokens: TimedToken[];
}

// ───────────── manifest (src/manifest/): the record of one narration run ─────────────

export interface ManifestSegment {
  id: string;
  kind: 'title' | 'body';
  location: SourceLocation;
  ssml: string;
  provider: string;
  voice: string;
  startMs: number;
  endMs: number;
}

export interface ManifestChapter {
  index: number;
  title: string;
  location: SourceLocation;
  startMs: number;
  endMs: number;
  segments: ManifestSegment[];
}

export interface Manifest {
  version: 1;
  title: string;
  author?: string;
  language: string;
  sourceFile: string;
  provider: string;
  /** Which engine spoke, when the provider has more than one (e.g. "eSpeak NG 1.51 (system library libespeak-ng.so.1)"). */
  engine?: string;
  sampleRate: number;
  durationMs: number;
  /** Output files written by this run, relative to the book's output folder. */
  files: string[];
  /** Hash of everything that decides the audio files' bytes; an unchanged rerun reuses them. */
  audioFingerprint?: string;
  chapters: ManifestChapter[];
}
