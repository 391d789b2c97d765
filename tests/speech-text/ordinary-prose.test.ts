// Rules must not change words they were not written for: every sentence of the
// ordinary-prose corpus is spoken as written, whatever way the engine spells letters.
import { describe, expect, it } from 'vitest';
import { LOCAL_CAPABILITIES } from '../../src/providers/local/index.js';
import { engineCapabilities } from '../../src/providers/polly/engines.js';
import { spokenTokens } from '../../src/speech-text/index.js';
import { ORDINARY_PROSE } from './ordinary-prose.js';
import { plainWords, spokenWords } from './prose-words.js';

const ENGINES = { local: LOCAL_CAPABILITIES, 'polly standard': engineCapabilities('standard'), 'polly neural': engineCapabilities('neural') };

describe('ordinary prose is read as written', () => {
  it('holds hundreds of varied sentences', () => {
    expect(ORDINARY_PROSE.length).toBeGreaterThanOrEqual(300);
  });

  for (const [engine, capabilities] of Object.entries(ENGINES)) {
    it(`keeps every word for ${engine}`, () => {
      const changed = ORDINARY_PROSE.map((sentence) => ({ sentence, said: spokenWords(spokenTokens([{ kind: 'text', text: sentence }], { capabilities })) })).filter(
        ({ sentence, said }) => said !== plainWords(sentence),
      );
      expect(changed).toEqual([]);
    });
  }

  it('would notice a rule that changed a word', () => {
    const tokens = spokenTokens([{ kind: 'text', text: 'Dr. Watson had seen war.' }]);
    expect(spokenWords(tokens)).not.toBe(plainWords('Dr. Watson had seen war.'));
  });
});
