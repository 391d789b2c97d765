// Where a caption may break: after punctuation is best, before a conjunction or
// preposition next, and never between an article and its noun if avoidable.
// Costs are relative; 0 is a natural pause, higher means the break reads worse.
const ENDS_CLAUSE = /[.!?…。！？]["'”’»)\]]*$/u;
const ENDS_PHRASE = /[,;:—–)\]"”’»،؛]$/u;
const OPENS_PHRASE = /^["'“‘«(\[—–]/u;
const TRIM_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

const ENGLISH_PHRASE_STARTERS = new Set(
  (
    'and but or nor so yet for because although though while whereas unless until since if when whenever where wherever ' +
    'after before as than that which who whom whose whether ' +
    'about above across against along among around at behind below beneath beside between beyond by down during except ' +
    'from in inside into like near of off on onto out outside over past through throughout to toward towards under ' +
    'underneath upon with within without'
  ).split(' '),
);

/** Words a line should not end on: they belong to the word after them. */
const ENGLISH_CLINGING_WORDS = new Set(
  'a an the my your his her its our their this that these those to of in on at by with from mr. mrs. ms. dr. st.'.split(' '),
);

export const HARD_WRAP_COST = 60;

export interface BreakPoint {
  before: string;
  after: string;
  /** True when the break would fall inside one written word (a hard wrap). */
  insideWord: boolean;
}

export function phraseBreakCost(point: BreakPoint, language: string): number {
  if (point.insideWord) return HARD_WRAP_COST;
  if (ENDS_CLAUSE.test(point.before)) return 0;
  if (ENDS_PHRASE.test(point.before)) return 1;
  const english = language.toLowerCase().startsWith('en');
  let cost = 5;
  if (OPENS_PHRASE.test(point.after)) cost = 2;
  else if (english && ENGLISH_PHRASE_STARTERS.has(bareWord(point.after))) cost = 2;
  if (english && ENGLISH_CLINGING_WORDS.has(point.before.toLowerCase())) cost += 4;
  return cost;
}

function bareWord(word: string): string {
  return word.replace(TRIM_PUNCTUATION, '').toLowerCase();
}
