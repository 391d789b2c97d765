// What a rule may look at: the word it is speaking and its neighbours in the sentence.
import type { SpeakingCapabilities } from '../providers/provider.js';
import type { SpeechNode } from '../types.js';
import type { Word } from './words.js';

export interface RuleContext {
  words: Word[];
  index: number;
  /** What the engine this sentence goes to says best; never its name. */
  caps: SpeakingCapabilities;
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

/** Letters one by one, in the form the engine spells best (see LetterSpelling). */
export function letters(ctx: RuleContext, value: string): SpeechNode {
  const plain = value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (ctx.caps.letterSpelling === 'spaced') return { kind: 'text', text: [...plain].join(' ') };
  if (ctx.caps.letterSpelling === 'dotted') return { kind: 'text', text: [...plain].join('.') };
  return { kind: 'characters', text: plain };
}

/** Joins nodes' neighbouring text into one text node, so a word's speech stays compact. */
export function joined(nodes: SpeechNode[]): SpeechNode[] {
  const out: SpeechNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.kind === 'text' && node.text === '') continue;
    if (node.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: `${last.text} ${node.text}` };
    else out.push(node);
  }
  return out;
}

/** Whether the word is the last one with text in its sentence. */
export function isLastWord(ctx: RuleContext): boolean {
  return ctx.words.slice(ctx.index + 1).every((w) => w.core === '');
}
