import { describe, expect, it } from 'vitest';
import { spokenTokens } from '../../src/speech-text/index.js';
import { heardPhonemes, renderLocalSsml, spokenText } from '../../src/say.js';
import { espeakSynthesize } from '../../src/providers/local/espeak.js';
import { LOCAL_CAPABILITIES } from '../../src/providers/local/index.js';
import { engineCapabilities } from '../../src/providers/polly/engines.js';
import type { SpeakingCapabilities } from '../../src/providers/provider.js';
import { CORPUS } from './corpus.js';
import { renderSegmentSsml } from '../../src/ssml/render.js';

const VOICE = { voice: 'en-us', rate: 165, pitch: 50 };
const SAY_AS: SpeakingCapabilities = { letterSpelling: 'say-as', readsPluralInitialisms: false };

function speak(text: string, capabilities: SpeakingCapabilities = LOCAL_CAPABILITIES) {
  return spokenTokens([{ kind: 'text', text }], { capabilities });
}

describe('speech-text corpus', () => {
  for (const c of CORPUS) {
    describe(`${c.rule}: ${c.text}`, () => {
      const tokens = speak(c.text);

      // Captions time each written word by where its spoken form sits in the SSML sent.
      it('gives every written word a place of its own in the SSML, in order', () => {
        const { ssml, tokenSpans } = renderSegmentSsml([{ sentenceId: 's', tokens, firstTokenIndex: 0 }], 0, LOCAL_CAPABILITIES, () => {});
        expect(tokenSpans.map((span) => span.written)).toEqual(c.text.split(/\s+/));
        let end = 0;
        for (const span of tokenSpans) {
          expect(span.start, span.written).toBeGreaterThanOrEqual(end);
          const said = ssml.slice(span.start, span.end).replace(/<[^>]*>/g, '');
          if (/[\p{L}\p{N}]/u.test(span.written)) expect(said, span.written).toMatch(/[\p{L}\p{N}\[]/u);
          end = span.end;
        }
      });

      it('speaks it as a narrator would', () => {
        expect(spokenText(tokens)).toBe(c.spoken);
      });

      it('is heard that way from eSpeak NG', async () => {
        const heard = await heardPhonemes(renderLocalSsml(tokens), VOICE);
        expect(heard).toBe(c.ipa ?? (await heardPhonemes(c.heard ?? c.spoken, VOICE)));
        if (c.literalMisread) expect(await heardPhonemes(c.text, VOICE)).not.toBe(heard);
      });
    });
  }
});

describe('per-token speech', () => {
  it('keeps eSpeak NG from ending the sentence at "Dr."', async () => {
    const sentences = async (ssml: string) => (await espeakSynthesize(ssml, VOICE)).events.filter((e) => e.type === 'sentence').length;
    expect(await sentences('Dr. Smith will see you now.')).toBe(2);
    expect(await sentences(renderLocalSsml(speak('Dr. Smith will see you now.')))).toBe(1);
  });

  it('gives each written word its own spoken form', () => {
    const tokens = speak('a $4,150 fee');
    expect(tokens.map((t) => [t.written, spokenText([t])])).toEqual([
      ['a', 'a'],
      ['$4,150', 'four thousand one hundred fifty dollar'],
      ['fee', 'fee'],
    ]);
  });

  it('moves the currency after the magnitude word', () => {
    const tokens = speak('a $20 million budget');
    expect(tokens.map((t) => spokenText([t]))).toEqual(['a', 'twenty', 'million dollar', 'budget']);
  });

  it('turns dashes and ellipses into pauses, not words', () => {
    const tokens = speak('Wait — here… now');
    expect(tokens[1]).toEqual({ written: '—', speech: [{ kind: 'break', strength: 'medium' }] });
    expect(tokens[2]!.speech).toEqual([{ kind: 'text', text: 'here' }, { kind: 'break', strength: 'strong' }]);
  });

  it('keeps the full stop of an abbreviation that ends the sentence', () => {
    expect(spokenText(speak('He lives on Elm St.'))).toBe('He lives on Elm street.');
  });

  it('spells initialisms the way each engine says letters best', () => {
    expect(speak('the FBI')[1]!.speech).toEqual([{ kind: 'text', text: 'F.B.I' }]);
    expect(speak('the FBI', engineCapabilities('neural'))[1]!.speech).toEqual([{ kind: 'text', text: 'F B I' }]);
    expect(speak('the FBI', engineCapabilities('standard'))[1]!.speech).toEqual([{ kind: 'characters', text: 'FBI' }]);
  });

  it('never lets eSpeak NG say "dot" after spelled letters that end a sentence', async () => {
    const dot = await heardPhonemes('dot', VOICE);
    for (const capabilities of [LOCAL_CAPABILITIES, SAY_AS]) {
      for (const sentence of ['We close at 6 p.m.', 'She works for the FBI.', 'He moved to the U.S.']) {
        const heard = await heardPhonemes(renderLocalSsml(speak(sentence, capabilities)), VOICE);
        expect(heard.split(' ')).not.toContain(dot);
      }
    }
  });

  it('leaves capitals alone in a shouted sentence', () => {
    expect(spokenText(speak('GET OUT NOW'))).toBe('GET OUT NOW');
  });

  it('says plural initialisms with letter-name phonemes where the engine needs them', async () => {
    const tokens = speak('Two CEOs met.');
    expect(tokens[1]!.speech).toEqual([{ kind: 'phoneme', text: 'CEOs', alphabet: 'ipa', ph: 'ˌsiːˌiːˈoʊz' }]);
    expect(await heardPhonemes(renderLocalSsml(tokens), VOICE)).toContain('ˈoʊz');
  });

  it('keeps a marked run and the text glued to it as one written word', () => {
    const tokens = spokenTokens([{ kind: 'text', text: 'Ask the ' }, { kind: 'characters', text: 'FBI' }, { kind: 'text', text: "'s agents." }]);
    expect(tokens.map((t) => t.written)).toEqual(['Ask', 'the', "FBI's", 'agents.']);
    expect(tokens[2]!.speech[0]).toEqual({ kind: 'characters', text: 'FBI' });
  });

  it('passes Speech Markdown pacing marks through untouched', () => {
    const tokens = spokenTokens([{ kind: 'text', text: 'Wait' }, { kind: 'break', timeMs: 500 }, { kind: 'text', text: ' in 1969' }]);
    expect(tokens.map((t) => t.written)).toEqual(['Wait', '', 'in', '1969']);
    expect(tokens[1]!.speech).toEqual([{ kind: 'break', timeMs: 500 }]);
    expect(spokenText([tokens[3]!])).toBe('nineteen sixty-nine');
  });
});
