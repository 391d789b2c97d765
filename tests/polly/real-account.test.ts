// Smoke test against a real AWS account. It runs only when credentials are in the
// environment (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY, or AWS_PROFILE) and is
// skipped otherwise, e.g. in CI. One short sentence, neural Joanna: about 100 billed
// characters (audio + speech marks), well under $0.01.
//   AWS_PROFILE=me AWS_REGION=us-east-1 npx vitest run tests/polly/real-account.test.ts
import { describe, expect, it } from 'vitest';
import { createPollyProvider } from '../../src/providers/polly/index.js';
import { listPollyVoices } from '../../src/providers/polly/voices.js';
import { pollyVoice } from './helpers.js';

const hasCredentials = Boolean((process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY) || process.env.AWS_PROFILE);

describe.runIf(hasCredentials)('Amazon Polly, real account', () => {
  it('lists neural en-US voices including Joanna', async () => {
    const rows = await listPollyVoices({ language: 'en-US', engine: 'neural' });
    expect(rows.map((r) => r.id)).toContain('Joanna');
  }, 30_000);

  it('synthesizes a sentence with word marks that point at the right characters', async () => {
    const voice = pollyVoice('narrator', { VoiceId: 'Joanna', Engine: 'neural' });
    const polly = createPollyProvider();
    try {
      await polly.prepare([voice]);
      const ssml = '<speak><s>Ada wrote “café” in the ledger.</s></speak>';
      const audio = await polly.synthesize({ segmentId: 'smoke', ssml, voice });
      expect(audio.sampleRate).toBe(24000);
      expect(audio.pcm.length).toBeGreaterThan(24000 * 0.5);
      const words = audio.marks.filter((m) => m.type === 'word');
      expect(words.map((w) => ssml.slice(w.start, w.end))).toEqual(words.map((w) => w.value));
      expect(words.map((w) => w.value)).toContain('café');
    } finally {
      await polly.close();
    }
  }, 60_000);
});
