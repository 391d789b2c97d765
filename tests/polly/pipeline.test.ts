// The whole narrate pipeline with the Polly provider against the fake endpoint: the
// sample story, its audio and manifest, caption-ready token times from speech marks,
// and a failed run that resumes from the cache.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import { fakeSpeech, type FakePolly } from '../support/fake-polly.js';
import { provider, startFake } from './helpers.js';

let fake: FakePolly | undefined;
let outRoot: string | undefined;
afterEach(async () => {
  await fake?.close();
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
  fake = undefined;
  outRoot = undefined;
});

const STORY = `---
title: Tern Rock
author: Ada Morrow
language: en-US
---

# Tern Rock

## The Ledger

Marguerite took the post at Tern Rock in 1958. She arrived with one trunk, two cats and a ledger.

"Whose debts?" he asked. "Mine," she said.

## The Storm

The wind broke the kitchen window at 2:15 in the morning. She went up the 147 steps to check the lamp.

It was out.
`;

const VOICES = { voices: { narrator: { polly: { VoiceId: 'Joanna', Engine: 'neural', LanguageCode: 'en-US' } } } };

async function story(root: string): Promise<string> {
  await writeFile(join(root, 'tern-rock.md'), STORY);
  await writeFile(join(root, 'voices.json'), JSON.stringify(VOICES));
  return join(root, 'tern-rock.md');
}

const run = async (root: string) =>
  (await narrate({ scriptPath: await story(root), voicesPath: join(root, 'voices.json'), provider: provider({ concurrency: 2 }), outRoot: join(root, 'out'), formats: ['mp3'] })) as NarrateResult;

describe('narrate --provider polly against a compatible endpoint', () => {
  it('narrates a story with token times from speech marks, then reruns from the cache', async () => {
    fake = await startFake('2');
    outRoot = await mkdtemp(join(tmpdir(), 'narrate-polly-'));
    const first = await run(outRoot);
    const segments = first.manifest.chapters.flatMap((c) => c.segments);
    expect(first.synthesized).toBe(segments.length);
    expect(first.manifest.provider).toBe('polly');
    expect(await readdir(first.outDir)).toEqual(expect.arrayContaining(['chapters.json', 'manifest.json']));
    expect(first.manifest.files.some((f) => f.endsWith('.mp3'))).toBe(true);
    // Every written word is placed, in order, inside its segment's span.
    const tokens = first.timeline.tokens;
    expect(tokens.map((t) => t.written).slice(0, 4)).toEqual(['The', 'Ledger', 'Marguerite', 'took']);
    expect(tokens.length).toBeGreaterThan(30);
    tokens.forEach((t, i) => {
      expect(t.endMs).toBeGreaterThanOrEqual(t.startMs);
      if (i > 0) expect(t.startMs).toBeGreaterThanOrEqual(tokens[i - 1]!.startMs);
    });
    // Each word starts where the fake's speech marks put a word: the fake says every word
    // for the same time whatever its length, so words spread by length would start elsewhere.
    const markTimes = first.manifest.chapters
      .flatMap((c) => c.segments)
      .flatMap((seg) => fakeSpeech(seg.ssml).marks.filter((m) => m.type === 'word').map((m) => seg.startMs + m.time));
    const offMarks = tokens.filter((t) => !markTimes.some((ms) => Math.abs(ms - t.startMs) <= 1));
    expect(offMarks.map((t) => `${t.written}@${t.startMs}`)).toEqual([]);
    expect(fake.speechRequests().every((r) => r.httpVersion === '2.0' && r.json?.LanguageCode === 'en-US')).toBe(true);

    const requestsBefore = fake.speechRequests().length;
    const second = await run(outRoot);
    expect(second.synthesized).toBe(0);
    expect(fake.speechRequests()).toHaveLength(requestsBefore);
  }, 120_000);

  it('stops a run on a segment that keeps failing, and the rerun resumes from the cached segments', async () => {
    fake = await startFake('1.1');
    outRoot = await mkdtemp(join(tmpdir(), 'narrate-polly-'));
    const failing = { status: 500, type: 'ServiceFailureException', message: 'Internal failure' };
    // Requests 5 to 30 fail: enough to outlast the retries of a segment after the first few.
    fake.faultPlan = (n) => (n > 4 && n <= 30 ? failing : undefined);
    const error = await run(outRoot).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/tern-rock\.md:\d+: c\d\d-(title|p\d{3}-k\d\d): Polly request failed: ServiceFailureException/);

    fake.faultPlan = undefined;
    const rerun = await run(outRoot);
    const total = rerun.manifest.chapters.flatMap((c) => c.segments).length;
    expect(rerun.cached).toBeGreaterThan(0);
    expect(rerun.synthesized).toBe(total - rerun.cached);
  }, 120_000);
});
