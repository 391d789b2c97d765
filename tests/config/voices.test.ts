import { describe, expect, it } from 'vitest';
import { parseVoicesJson, voiceByName } from '../../src/config/voices.js';

describe('voices.json', () => {
  it('fills defaults for pauses and providers', () => {
    const cast = parseVoicesJson('voices.json', JSON.stringify({ voices: { narrator: { local: { voice: 'en-gb' } } } }));
    // The defaults README documents.
    expect(cast.pauses).toEqual({ sentenceMs: 400, paragraphMs: 900, chapterMs: 2000, afterTitleMs: 1000 });
    expect(cast.voices.get('narrator')).toMatchObject({ name: 'narrator', label: 'narrator', local: { voice: 'en-gb', rate: 165, pitch: 50 }, mock: { msPerChar: 60 } });
  });

  it.each([
    [{ voices: { narrator: { local: { rate: 'fast' } } } }, /^voices\.json: at \$\.voices\.narrator\.local\.rate: .*number/],
    [{ voices: { narrator: { polly: { VoiceId: 'Joanna', Engine: 'turbo' } } } }, /at \$\.voices\.narrator\.polly\.Engine: /],
    [{ voices: { alice: {} } }, /at \$\.voices: a voice named "narrator" is required/],
    [{ voices: { narrator: { locl: {} } } }, /at \$\.voices\.narrator: .*locl/],
    [{ pauses: { sentenceMs: -5 }, voices: { narrator: {} } }, /at \$\.pauses\.sentenceMs: /],
  ])('reports the JSON path of a mistake', (config, message) => {
    expect(() => parseVoicesJson('voices.json', JSON.stringify(config))).toThrow(message);
  });

  it('reports broken JSON', () => {
    expect(() => parseVoicesJson('voices.json', '{ "voices": { ')).toThrow(/^voices\.json: not valid JSON/);
  });

  it('names the file and the known voices for an unknown voice', () => {
    const cast = parseVoicesJson('cast.json', JSON.stringify({ voices: { narrator: {}, alice: {} } }));
    expect(() => voiceByName(cast, 'bob', 'story.md:12')).toThrow('story.md:12: unknown voice "bob". Add it to cast.json or use one of: narrator, alice');
  });
});
