// What a rule may look at: the word it is speaking and its neighbours in the sentence.
import type { SpeechNode } from '../types.js';
import type { Word } from './words.js';

export type ProviderName = 'local' | 'polly' | 'mock' | (string & {});

export interface RuleContext {
  words: Word[];
  index: number;
  provider: ProviderName;
  /** True when most words of the sentence are in capitals, so capitals are not initialisms. */
  shouting: boolean;
}

export interface Spoken {
  nodes: SpeechNode[];
  /** The word's trailing "." is part of it (an abbreviation), not a sentence end. */
  ownsPeriod?: boolean;
}

export type Rule = (ctx: RuleContext) => Spoken | undefined;

export function word(ctx: RuleContext, offset = 0): Word | undefined {
  return ctx.words[ctx.index + offset];
}

export function core(ctx: RuleContext, offset = 0): string {
  return word(ctx, offset)?.core ?? '';
}

export function text(...parts: string[]): Spoken {
  return { nodes: [{ kind: 'text', text: parts.filter(Boolean).join(' ') }] };
}

/** Letters one by one. eSpeak NG and Polly standard voices honour say-as characters;
 * Polly neural voices switch to a standard voice for it, so Polly gets spaced capitals. */
export function letters(ctx: RuleContext, value: string): SpeechNode {
  const plain = value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (ctx.provider === 'polly') return { kind: 'text', text: [...plain].join(' ') };
  return { kind: 'characters', text: plain };
}

/** Whether the word is the last one with text in its sentence. */
export function isLastWord(ctx: RuleContext): boolean {
  return ctx.words.slice(ctx.index + 1).every((w) => w.core === '');
}
