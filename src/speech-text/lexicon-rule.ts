// The project lexicon comes first: a name the user has spelled out for the ear wins
// over every general rule. Entries also cover the possessive ("Moreno's").
import { lookupEntry, type Lexicon } from '../lexicon/index.js';
import type { Rule } from './context.js';

export function lexiconRule(lexicon: Lexicon | undefined): Rule[] {
  if (!lexicon || lexicon.entries.length === 0) return [];
  return [
    (ctx) => {
      const written = ctx.words[ctx.index]!.core;
      const possessive = /^(.+)['’]s$/.exec(written);
      const entry = lookupEntry(lexicon, written);
      const ownerEntry = !entry && possessive ? lookupEntry(lexicon, possessive[1]!) : undefined;
      const found = entry ?? ownerEntry;
      if (!found) return undefined;
      if (found.phoneme) {
        const ph = ownerEntry ? found.phoneme.ph + possessiveEnding(found.phoneme.ph) : found.phoneme.ph;
        return { nodes: [{ kind: 'phoneme', text: written, alphabet: found.phoneme.alphabet, ph }] };
      }
      return { nodes: [{ kind: 'text', text: ownerEntry ? `${found.alias}'s` : found.alias! }] };
    },
  ];
}

/** The sound of "'s" after a name: "Moreno's" z, "Hess's" ɪz, "Kraft's" s. */
function possessiveEnding(ipa: string): string {
  if (/(s|z|ʃ|ʒ|tʃ|dʒ)$/.test(ipa)) return 'ɪz';
  return /(p|t|k|f|θ)$/.test(ipa) ? 's' : 'z';
}
