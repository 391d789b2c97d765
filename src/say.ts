// `narrate say "<text>"`: how the local voice will say some text, as spoken words, as the
// SSML it receives, and as the phonemes eSpeak NG actually produces. A tool built on the
// speech-text and SSML stages and the local engine, so it sits beside the pipeline, not in a stage.
import { espeakPhonemes, type EspeakSettings } from './providers/local/espeak.js';
import { LOCAL_CAPABILITIES } from './providers/local/index.js';
import type { Lexicon } from './lexicon/index.js';
import { renderSegmentSsml } from './ssml/render.js';
import { spokenTokens } from './speech-text/index.js';
import type { SpeechNode, SpokenToken } from './types.js';

/** The SSML the local voice receives for some tokens: the real renderer, local capabilities. */
export function renderLocalSsml(tokens: SpokenToken[]): string {
  return renderSegmentSsml([{ sentenceId: 'say', tokens, firstTokenIndex: 0 }], 0, LOCAL_CAPABILITIES, () => {}).ssml;
}

export interface Pronunciation {
  /** The words the engine is given, e.g. "doctor Smith" or "/wɪn/" for a phoneme entry. */
  spokenText: string;
  ssml: string;
  /** IPA eSpeak NG speaks, one group per word it heard. */
  phonemes: string;
}

function spokenNodeText(node: SpeechNode): string {
  switch (node.kind) {
    case 'break':
      return '';
    case 'characters':
      return [...node.text].join(' ');
    case 'sub':
      return node.alias;
    case 'phoneme':
      return `/${node.ph}/`;
    default:
      return node.text;
  }
}

export function spokenText(tokens: SpokenToken[]): string {
  return tokens.flatMap((t) => t.speech.map(spokenNodeText)).filter(Boolean).join(' ');
}

/** Phonemes eSpeak NG speaks for SSML (from the engine that speaks), one group per word. */
export function heardPhonemes(ssml: string, voice: EspeakSettings): Promise<string> {
  return espeakPhonemes(ssml, voice);
}

export async function describePronunciation(text: string, options: { lexicon?: Lexicon; voice: EspeakSettings }): Promise<Pronunciation> {
  const tokens = spokenTokens([{ kind: 'text', text }], { capabilities: LOCAL_CAPABILITIES, lexicon: options.lexicon });
  const ssml = renderLocalSsml(tokens);
  return { spokenText: spokenText(tokens), ssml, phonemes: await heardPhonemes(ssml, options.voice) };
}
