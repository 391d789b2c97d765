// SSML for eSpeak NG, the dialect the lead's renderer should match for the local voice.
// eSpeak NG has no <phoneme>; it takes phonemes inline as [[...]] in its own mnemonics,
// and that text must reach it unescaped (an &apos; entity ends the phoneme run).
import { espeakInlinePhonemes } from '../lexicon/ipa-to-espeak.js';
import type { SpeechNode, SpokenToken } from '../types.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One speech node as eSpeak NG SSML. */
export function localSsmlNode(node: SpeechNode): string {
  switch (node.kind) {
    case 'text':
      return escapeXml(node.text);
    case 'break':
      return node.timeMs !== undefined ? `<break time="${node.timeMs}ms"/>` : `<break strength="${node.strength ?? 'medium'}"/>`;
    case 'characters':
      return `<say-as interpret-as="characters">${escapeXml(node.text)}</say-as>`;
    case 'say-as':
      return `<say-as interpret-as="${escapeXml(node.interpretAs)}">${escapeXml(node.text)}</say-as>`;
    case 'emphasis':
      return `<emphasis level="${node.level}">${escapeXml(node.text)}</emphasis>`;
    case 'sub':
      return `<sub alias="${escapeXml(node.alias)}">${escapeXml(node.text)}</sub>`;
    case 'phoneme':
      return node.alphabet === 'ipa' ? espeakInlinePhonemes(node.ph).trimEnd() : escapeXml(node.text);
  }
}

export function renderLocalSsml(tokens: SpokenToken[]): string {
  return `<speak>${tokens.flatMap((t) => t.speech.map(localSsmlNode)).join(' ')} </speak>`;
}
