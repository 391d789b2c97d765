import { afterEach, describe, expect, it } from 'vitest';
import { NarrateError } from '../../src/errors.js';
import { formatVoicesTable, listPollyVoices } from '../../src/providers/polly/voices.js';
import type { PollyLexicon } from '../../src/providers/polly/lexicons.js';
import type { FakePolly } from '../support/fake-polly.js';
import { FAST_RETRY, NARRATOR, pollyVoice, provider, startFake } from './helpers.js';

let fake: FakePolly | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const PLS = (alias: string) => `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
  <lexeme><grapheme>Tern</grapheme><alias>${alias}</alias></lexeme>
</lexicon>
`;

describe('Polly prepare: voices checked before anything is spent', () => {
  it('accepts voices that exist in their engine, reading every DescribeVoices page', async () => {
    fake = await startFake();
    const polly = provider();
    await polly.prepare([NARRATOR, pollyVoice('hans', { VoiceId: 'Hans', Engine: 'standard' })]);
    await polly.close();
    // Five voices, two per page: Hans is only on the third page.
    expect(fake.requests.filter((r) => r.path === '/v1/voices')).toHaveLength(3);
  });

  it('fails on an unknown VoiceId, naming the voice, before any SynthesizeSpeech', async () => {
    fake = await startFake();
    const polly = provider();
    const error = await polly.prepare([NARRATOR, pollyVoice('keeper', { VoiceId: 'Nobody' })]).catch((e: unknown) => e);
    await polly.close();
    expect(error).toBeInstanceOf(NarrateError);
    expect((error as Error).message).toMatch(/^voices\.json voices\.keeper\.polly: Polly has no voice with VoiceId "Nobody"/);
    expect(fake.speechRequests()).toHaveLength(0);
  });

  it('fails on a voice lacking the chosen engine, listing the engines it has', async () => {
    fake = await startFake();
    const polly = provider();
    const error = await polly.prepare([pollyVoice('narrator', { VoiceId: 'Ivy', Engine: 'long-form' })]).catch((e: unknown) => e);
    await polly.close();
    expect((error as Error).message).toBe(
      'voices.json voices.narrator.polly: voice narrator (VoiceId "Ivy") has no "long-form" engine; it has: neural, standard. Set "Engine" to one of those or pick another voice',
    );
    expect(fake.speechRequests()).toHaveLength(0);
  });

  it('fails when a voice the book uses has no polly settings', async () => {
    fake = await startFake();
    const polly = provider();
    const bare = { ...NARRATOR, name: 'child', polly: undefined };
    await expect(polly.prepare([NARRATOR, bare])).rejects.toThrow(/^voices\.json voices\.child: no "polly" settings/);
    expect(() => polly.capabilities(bare)).toThrow(/no "polly" settings/);
    await polly.close();
    expect(fake.requests).toHaveLength(0);
  });

  it('says how to add credentials when there are none', async () => {
    fake = await startFake();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    const polly = provider();
    await expect(polly.prepare([NARRATOR])).rejects.toThrow(/no AWS credentials found\. Set AWS_ACCESS_KEY_ID/);
    await polly.close();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Polly lexicons', () => {
  const lexicon = (alias: string): PollyLexicon => ({ name: 'ternrock', content: PLS(alias), source: 'lexicon.pls' });
  const puts = () => fake!.requests.filter((r) => r.method === 'PUT');

  it('uploads a missing lexicon, skips an unchanged one, re-uploads a changed one, and names it in requests', async () => {
    fake = await startFake();
    let polly = provider({ lexicons: [lexicon('turn')] });
    await polly.prepare([NARRATOR]);
    expect(puts().map((r) => [r.path, r.json])).toEqual([['/v1/lexicons/ternrock', { Content: PLS('turn') }]]);
    await polly.synthesize({ segmentId: 'c01-p001-k01', ssml: '<speak><s>Tern rock.</s></speak>', voice: NARRATOR });
    expect(fake.speechRequests().map((r) => r.json?.LexiconNames)).toEqual([['ternrock'], ['ternrock']]);
    const firstVersion = polly.engineVersion();
    await polly.close();

    polly = provider({ lexicons: [lexicon('turn')] });
    await polly.prepare([NARRATOR]);
    await polly.close();
    expect(puts()).toHaveLength(1);

    polly = provider({ lexicons: [lexicon('tern')] });
    await polly.prepare([NARRATOR]);
    expect(polly.engineVersion()).not.toBe(firstVersion);
    await polly.close();
    expect(puts()).toHaveLength(2);
    expect(fake.lexicons.get('ternrock')).toBe(PLS('tern'));
  });

  it.each([
    ['a name that is not 1-20 letters and digits', [{ name: 'tern-rock', content: PLS('turn') }], /Polly lexicon names are 1–20 letters and digits, not "tern-rock"/],
    ['more than 4,000 characters', [{ name: 'big', content: PLS('turn') + ' '.repeat(4000) }], /characters; Polly takes at most 4000 per lexicon/],
    ['an alias over 100 characters', [{ name: 'long', content: PLS('x'.repeat(101)) }], /is 101 characters; Polly takes at most 100 per <phoneme> or <alias>/],
    ['more than 5 lexicons', Array.from({ length: 6 }, (_, i) => ({ name: `lex${i}`, content: PLS('turn') })), /6 lexicons given; Polly applies at most 5 per request/],
    ['an alphabet Polly lacks', [{ name: 'arpa', content: PLS('turn').replace('alphabet="ipa"', 'alphabet="arpabet"') }], /Polly accepts "ipa" or "x-sampa"/],
    ['malformed XML', [{ name: 'broken', content: PLS('turn').replace('</lexeme>', '') }], /not well-formed XML/],
  ])('rejects %s before any upload', async (_what, lexicons, message) => {
    fake = await startFake();
    const polly = provider({ lexicons });
    const error = await polly.prepare([NARRATOR]).catch((e: unknown) => e);
    await polly.close();
    expect(error).toBeInstanceOf(NarrateError);
    expect((error as Error).message).toMatch(message);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('narrate voices --provider polly', () => {
  it('lists voices filtered by language and engine, and formats a table', async () => {
    fake = await startFake();
    const rows = await listPollyVoices({ language: 'en-US', engine: 'generative' }, { retry: FAST_RETRY });
    expect(rows.map((r) => r.id)).toEqual(['Joanna', 'Matthew']);
    const voiceRequests = fake.requests.filter((r) => r.path === '/v1/voices');
    expect(voiceRequests[0]!.query.get('Engine')).toBe('generative');
    expect(voiceRequests[0]!.query.get('LanguageCode')).toBe('en-US');
    const table = formatVoicesTable(rows).split('\n');
    expect(table[0]).toMatch(/^VoiceId\s+Gender\s+Language\s+Engines\s+Language name$/);
    expect(table[1]).toMatch(/^Joanna\s+Female\s+en-US\s+generative,long-form,neural,standard\s+US English$/);
  });

  it('rejects an unknown engine name', async () => {
    await expect(listPollyVoices({ engine: 'turbo' })).rejects.toThrow(/unknown Polly engine "turbo"\. Use one of: standard, neural, long-form, generative/);
  });
});
