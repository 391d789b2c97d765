// The same readings reach every Polly engine: numbers, dates and money as the same
// words, letters spelled the way each engine says them best (say-as characters where
// the engine honours it, spaced capitals on neural voices, which hand say-as characters
// to a standard voice). Checked on the SSML the fake Polly endpoint receives through the
// real AWS SDK, after the whole pipeline ran.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { narrate } from '../../src/pipeline.js';
import { engineCapabilities, unsupportedTags, type PollyEngine } from '../../src/providers/polly/engines.js';
import type { FakePolly } from '../support/fake-polly.js';
import { provider, startFake } from './helpers.js';

const STORY = `---
title: Harbor Notes
language: en-US
---

## Notes

The FBI met on Feb 9 1952 at 7 p.m. and paid $4.50 for 2 1/2 kg of salt.

Call +1 (212) 555-0187 or write to keeper@harbor.org before 6 p.m.
`;

const VOICE_FOR: Record<PollyEngine, string> = { standard: 'Matthew', neural: 'Joanna', 'long-form': 'Joanna', generative: 'Matthew' };

let fake: FakePolly;
let root: string;
beforeAll(async () => {
  fake = await startFake();
  root = await mkdtemp(join(tmpdir(), 'narrate-polly-engines-'));
  await writeFile(join(root, 'notes.md'), STORY);
});
afterAll(async () => {
  await fake.close();
  await rm(root, { recursive: true, force: true });
});

async function ssmlSentTo(engine: PollyEngine): Promise<string> {
  const voices = join(root, `voices-${engine}.json`);
  await writeFile(voices, JSON.stringify({ voices: { narrator: { polly: { VoiceId: VOICE_FOR[engine], Engine: engine, LanguageCode: 'en-US' } } } }));
  const before = fake.speechRequests().length;
  await narrate({ scriptPath: join(root, 'notes.md'), voicesPath: voices, provider: provider(), outRoot: join(root, `out-${engine}`), formats: ['mp3'], cacheDir: join(root, `cache-${engine}`) });
  const sent = fake.speechRequests().slice(before).filter((r) => r.json?.OutputFormat === 'mp3' && r.json?.Engine === engine);
  expect(sent.length).toBeGreaterThan(0);
  // Segments are spoken concurrently, so requests arrive in any order: sort them.
  return [...new Set(sent.map((r) => String(r.json!.Text)))].sort().join('\n');
}

/** The words of the SSML, tags dropped and spelled letters joined, to compare engines. */
function words(ssml: string): string {
  return ssml
    .replace(/<say-as interpret-as=['"]characters['"]>([^<]*)<\/say-as>/g, (_, letters: string) => [...letters].join(' '))
    .replace(/<[^>]+>/g, ' ')
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

describe('normalization through every Polly engine', () => {
  const engines: PollyEngine[] = ['standard', 'neural', 'long-form', 'generative'];
  const sent = new Map<PollyEngine, string>();

  it('sends each engine only tags it accepts', async () => {
    for (const engine of engines) {
      const ssml = await ssmlSentTo(engine);
      sent.set(engine, ssml);
      expect(unsupportedTags(ssml, engine)).toEqual([]);
    }
  }, 120_000);

  it('spells letters with say-as where the engine honours it, spaced capitals on neural voices', () => {
    for (const engine of engines) {
      const ssml = sent.get(engine)!;
      if (engineCapabilities(engine).letterSpelling === 'say-as') {
        expect(ssml).toMatch(/<say-as interpret-as=['"]characters['"]>FBI<\/say-as>/);
        expect(ssml).toMatch(/<say-as interpret-as=['"]characters['"]>PM<\/say-as>/);
      } else {
        expect(ssml).not.toContain('say-as');
        expect(ssml).toContain('F B I');
        expect(ssml).toContain('P M');
      }
    }
    expect(engineCapabilities('neural').letterSpelling).toBe('spaced');
    expect(engineCapabilities('standard').letterSpelling).toBe('say-as');
  });

  it('says dates, money, fractions, measures and telephone numbers in the same words on every engine', () => {
    const expected = words(sent.get('standard')!);
    for (const phrase of [
      'February ninth nineteen fifty-two',
      'four dollars and fifty cents',
      'two and one half kilograms',
      'plus one two one two five five five zero one eight seven',
      'keeper at harbor dot org',
    ]) {
      expect(expected).toContain(phrase);
    }
    for (const engine of engines) expect(words(sent.get(engine)!)).toBe(expected);
  });

  it('leaves no full stop standing alone after spelled letters', () => {
    for (const engine of engines) expect(sent.get(engine)!).not.toMatch(/<\/say-as>\s*\./);
  });
});
