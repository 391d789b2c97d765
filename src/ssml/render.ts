// Renders spoken tokens to SSML for one provider's dialect, using ssml-builder for
// every element, and records where each written token's spoken form sits so the
// engine's marks (offsets into the SSML) can be traced back to written words.
import Speech from 'ssml-builder';
import type { ProviderCapabilities, SsmlTag } from '../providers/provider.js';
import type { SpeechNode, SpokenToken, TokenSpan } from '../types.js';
import { espeakInlinePhonemes } from '../lexicon/ipa-to-espeak.js';

export interface SentenceToRender {
  sentenceId: string;
  tokens: SpokenToken[];
  /** Token index of tokens[0] within its sentence (non-zero for a later part of a long sentence). */
  firstTokenIndex: number;
}

export interface RenderedSsml {
  ssml: string;
  billedChars: number;
  tokenSpans: TokenSpan[];
}

/** Called once per SSML tag a provider lacks, so the run can warn a single time. */
export type DroppedTagListener = (tag: SsmlTag) => void;

export function renderSegmentSsml(
  sentences: SentenceToRender[],
  sentencePauseMs: number,
  caps: ProviderCapabilities,
  onDropped: DroppedTagListener,
): RenderedSsml {
  const out = new SsmlWriter(caps, onDropped);
  out.raw('<speak>');
  sentences.forEach((sentence, i) => {
    if (i > 0) out.node({ kind: 'break', timeMs: sentencePauseMs });
    out.openSentence();
    sentence.tokens.forEach((token, t) => {
      const starts = token.speech.map((node) => out.node(node)).filter((at) => at >= 0);
      const start = starts[0] ?? out.length;
      if (token.written !== '') {
        out.tokenSpans.push({ sentenceId: sentence.sentenceId, tokenIndex: sentence.firstTokenIndex + t, written: token.written, start, end: out.length });
      }
    });
    out.closeSentence();
  });
  out.raw('</speak>');
  return { ssml: out.text, billedChars: out.billed, tokenSpans: out.tokenSpans };
}

class SsmlWriter {
  text = '';
  billed = 0;
  tokenSpans: TokenSpan[] = [];
  private needsSpace = false;
  /** The last node written was an element (say-as, sub, phoneme, …), not plain text. */
  private afterElement = false;
  /** A sentence's full stop held back until we know whether the sentence ends there. */
  private pendingStop = false;
  constructor(
    private readonly caps: ProviderCapabilities,
    private readonly onDropped: DroppedTagListener,
  ) {}

  get length(): number {
    return this.text.length;
  }

  raw(s: string): void {
    this.text += s;
  }

  openSentence(): void {
    if (this.caps.ssmlTags.has('s')) this.raw('<s>');
    this.needsSpace = false;
    this.afterElement = false;
  }

  closeSentence(): void {
    if (this.caps.ssmlTags.has('s')) {
      this.pendingStop = false;
      this.raw('</s>');
    } else {
      this.flushStop();
    }
  }

  /**
   * Appends one node, space-separated from the previous; returns where it starts, or -1.
   * Punctuation alone (the full stop after "p.m." spoken as letters) is attached to what
   * precedes it.
   */
  node(node: SpeechNode): number {
    const rendered = this.element(node);
    if (rendered === '') return -1;
    const punctuation = node.kind === 'text' && PUNCTUATION_ONLY.test(node.text);
    // eSpeak NG reads a full stop that ends a sentence right after an element
    // ("</say-as>.</s>", "[[phonemes]] .") as the word "dot". It waits: if the sentence
    // ends there, </s> ends it instead.
    if (punctuation && rendered.trim() === '.' && this.afterElement) {
      this.pendingStop = true;
      return -1;
    }
    this.flushStop();
    if (this.needsSpace && !punctuation) this.raw(' ');
    const start = this.length;
    this.billed += billedLength(rendered);
    this.raw(rendered);
    this.needsSpace = true;
    this.afterElement = node.kind !== 'text' && node.kind !== 'break';
    return start;
  }

  private flushStop(): void {
    if (!this.pendingStop) return;
    this.pendingStop = false;
    this.billed += 1;
    this.raw('.');
  }

  private supports(tag: SsmlTag): boolean {
    if (this.caps.ssmlTags.has(tag)) return true;
    this.onDropped(tag);
    return false;
  }

  private element(node: SpeechNode): string {
    const speech = new Speech();
    switch (node.kind) {
      case 'text':
        return node.text.trim() === '' ? '' : speech.say(node.text).ssml(true);
      case 'break':
        if (!this.supports('break')) return '';
        return node.timeMs !== undefined ? speech.pause(`${node.timeMs}ms`).ssml(true) : speech.pauseByStrength(node.strength ?? 'medium').ssml(true);
      case 'characters':
        return this.supports('say-as') ? speech.sayAs({ word: escapeXml(node.text), interpret: 'characters' }).ssml(true) : speech.say(node.text).ssml(true);
      case 'say-as':
        return this.supports('say-as')
          ? speech.sayAs({ word: escapeXml(node.text), interpret: node.interpretAs, format: node.format }).ssml(true)
          : speech.say(node.text).ssml(true);
      case 'emphasis':
        return this.supports('emphasis') ? speech.emphasis(node.level, node.text).ssml(true) : speech.say(node.text).ssml(true);
      case 'sub':
        return this.supports('sub') ? speech.sub(escapeXml(node.alias), node.text).ssml(true) : speech.say(node.alias).ssml(true);
      case 'phoneme':
        if (this.caps.ssmlTags.has('phoneme')) return speech.phoneme(node.alphabet, escapeXml(node.ph), node.text).ssml(true);
        // Unescaped on purpose: an entity inside [[…]] ends eSpeak NG's phoneme run. The
        // trailing space it keeps stops a following tag being read as phonemes.
        if (this.caps.inlineEspeakPhonemes && node.alphabet === 'ipa') return espeakInlinePhonemes(node.ph);
        this.onDropped('phoneme');
        return speech.say(node.text).ssml(true);
    }
  }
}

/** Text with no letter, digit or symbol to say: pacing punctuation only. */
const PUNCTUATION_ONLY = /^[\p{P}\s]+$/u;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Polly bills text, not tags; entities are counted whole, which errs on the safe side. */
export function billedLength(ssml: string): number {
  return ssml.replace(/<[^>]*>/g, '').length;
}
