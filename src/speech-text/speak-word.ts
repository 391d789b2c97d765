// Turns one written word into speech: the first rule that knows the word speaks its
// core, then the punctuation around it becomes pacing the engine can hear.
import type { SpeechNode } from '../types.js';
import type { Rule, RuleContext, Spoken } from './context.js';
import { isLastWord } from './context.js';
import { pacingPunctuation } from './words.js';

const DASH_PAUSE: SpeechNode = { kind: 'break', strength: 'medium' };
const ELLIPSIS_PAUSE: SpeechNode = { kind: 'break', strength: 'strong' };
const ASIDE_PAUSE: SpeechNode = { kind: 'break', strength: 'weak' };
const DASHES = /—|–|--/;

/** "word—word": each part said, with a short pause where the dash is. */
function splitOnDashes(core: string): SpeechNode[] {
  const nodes: SpeechNode[] = [];
  core.split(DASHES).forEach((part, i) => {
    if (i > 0) nodes.push(DASH_PAUSE);
    const spoken = part.replace(/…|\.{3,}/g, '');
    if (spoken !== '') nodes.push({ kind: 'text', text: spoken });
    if (/…|\.{3,}/.test(part)) nodes.push(ELLIPSIS_PAUSE);
  });
  return nodes;
}

function speakCore(ctx: RuleContext, rules: Rule[]): Spoken {
  for (const rule of rules) {
    const spoken = rule(ctx);
    if (spoken) return spoken;
  }
  const core = ctx.words[ctx.index]!.core.replace(/[“”"]/g, '');
  if (/^(—|–|--|-)$/.test(core)) return { nodes: [DASH_PAUSE] };
  return { nodes: splitOnDashes(core) };
}

function appendPunctuation(nodes: SpeechNode[], punctuation: string): void {
  if (punctuation === '') return;
  const last = nodes[nodes.length - 1];
  if (last?.kind === 'text') {
    // "F.B.I" + "." is "F.B.I.", not "F.B.I..".
    const joinedText = last.text.endsWith('.') && punctuation.startsWith('.') ? last.text + punctuation.slice(1) : last.text + punctuation;
    nodes[nodes.length - 1] = { ...last, text: joinedText };
    return;
  }
  // A full stop standing alone after an SSML element is read out as "dot" by eSpeak NG;
  // the sentence ends there anyway, so it is left out.
  const kept = punctuation.replace(/\./g, '');
  if (kept !== '' && nodes.length > 0 && last?.kind !== 'break') nodes.push({ kind: 'text', text: kept });
}

export function speakWord(ctx: RuleContext, rules: Rule[]): SpeechNode[] {
  const word = ctx.words[ctx.index]!;
  if (word.inline) return [word.inline];
  const spoken = speakCore(ctx, rules);
  const nodes: SpeechNode[] = [];
  if (word.lead.includes('(') || word.lead.includes('[')) nodes.push(ASIDE_PAUSE);
  nodes.push(...spoken.nodes);
  // An abbreviation's period is not a full stop, unless the sentence ends there too.
  const trail = spoken.ownsPeriod && !isLastWord(ctx) ? word.trail.replace('.', '') : word.trail;
  appendPunctuation(nodes, pacingPunctuation(trail));
  if (/…|\.{3,}/.test(trail)) nodes.push(ELLIPSIS_PAUSE);
  // One pause is enough where an ellipsis and a closing bracket meet: "(briefly…)".
  if ((trail.includes(')') || trail.includes(']')) && nodes[nodes.length - 1]?.kind !== 'break') nodes.push(ASIDE_PAUSE);
  // An exact-size copy: an array grown by push keeps room for about 17 elements, and
  // the spoken book keeps one of these per word (12 MiB more for a 100,000-word book).
  return nodes.slice();
}
