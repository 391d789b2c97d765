// What a sentence's speech says, as plain words, to compare with what was written:
// spelled letters count as the word they spell ("FBI"), pauses and punctuation as nothing.
import type { SpeechNode, SpokenToken } from '../../src/types.js';

function nodeWords(node: SpeechNode): string {
  switch (node.kind) {
    case 'break':
      return '';
    case 'sub':
      return node.alias;
    case 'characters':
    case 'phoneme':
      return node.text;
    default:
      return node.text;
  }
}

export function plainWords(text: string): string {
  return text
    .replace(/\b[A-Z](?: [A-Z]\b)+/g, (letters) => letters.replace(/ /g, ''))
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    .replace(/[^\p{L}\p{N}'’\s-]/gu, ' ')
    .replace(/(^|\s)['’]|['’](\s|$)/g, ' ')
    .replace(/[-–—]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

export function spokenWords(tokens: SpokenToken[]): string {
  return plainWords(tokens.flatMap((t) => t.speech.map(nodeWords)).join(' '));
}
