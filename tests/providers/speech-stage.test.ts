import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { castFromConfig, BUILT_IN_VOICES } from '../../src/config/voices.js';
import { createMockProvider } from '../../src/providers/mock/index.js';
import type { TtsProvider } from '../../src/providers/provider.js';
import { SegmentCache } from '../../src/speech/cache.js';
import { synthesizeSegments } from '../../src/speech/index.js';
import { buildSegments } from '../../src/segments/index.js';
import { toSpokenBook } from '../../src/speech-text/index.js';
import { produceFileAtomic } from '../../src/util/atomic-file.js';
import { parseMarkdown, tempDir } from '../support/book.js';

const cast = castFromConfig('voices.json', BUILT_IN_VOICES);

function segmentsFor(paragraphs: number) {
  const md = '## One\n\n' + Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i} speaks.`).join('\n\n') + '\n';
  const mock = createMockProvider();
  return buildSegments(toSpokenBook(parseMarkdown(md), { capabilitiesFor: () => mock.capabilities(cast.voices.get('narrator')!) }), {
    pauses: cast.pauses,
    capabilitiesFor: () => mock.capabilities(cast.voices.get('narrator')!),
    onDroppedTag: () => {},
  });
}

/** The mock, failing from its Nth request on, counting requests. */
function flakyMock(failFrom: number): TtsProvider & { calls: number } {
  const mock = createMockProvider();
  const p = {
    ...mock,
    calls: 0,
    synthesize: async (...args: Parameters<TtsProvider['synthesize']>) => {
      p.calls++;
      if (p.calls >= failFrom) throw new Error('service unavailable');
      return mock.synthesize(...args);
    },
  };
  return p;
}

describe('speech stage', () => {
  it('stops at a failing segment with its source line, keeps finished ones, and resumes from them', async () => {
    const dir = await tempDir();
    const cache = new SegmentCache(join(dir, 'cache'));
    const segments = segmentsFor(8);
    const flaky = flakyMock(4);
    await expect(synthesizeSegments(segments, { provider: flaky, cast, cache })).rejects.toThrow(
      // Requests start as each segment's cache look-up answers, so which one fails first varies.
      /^story\.md:\d+: mock could not speak segment c01-(title|p00\d-k01): service unavailable$/,
    );
    const spent = flaky.calls;
    expect(spent).toBeLessThanOrEqual(4 + 3); // in-flight requests finish; no new ones start
    const resumed = flakyMock(Infinity);
    const speeches = await synthesizeSegments(segments, { provider: resumed, cast, cache });
    expect(speeches.filter((s) => s.fromCache)).toHaveLength(3);
    expect(resumed.calls).toBe(segments.length - 3);
  });

  it('speaks nothing again when everything is cached', async () => {
    const dir = await tempDir();
    const cache = new SegmentCache(join(dir, 'cache'));
    const segments = segmentsFor(3);
    await synthesizeSegments(segments, { provider: createMockProvider(), cast, cache });
    const counting = flakyMock(Infinity);
    const again = await synthesizeSegments(segments, { provider: counting, cast, cache });
    expect(counting.calls).toBe(0);
    expect(again.every((s) => s.fromCache)).toBe(true);
  });

  it('asks once for a request the book repeats, even while the first is in flight, and writes its entry once', async () => {
    const dir = await tempDir();
    const cache = new SegmentCache(join(dir, 'cache'));
    // The same paragraph four times over: each paragraph is a segment with the same SSML.
    const md = '## One\n\n' + Array.from({ length: 4 }, () => 'The same words again.').join('\n\n') + '\n';
    const mock = createMockProvider();
    const segments = buildSegments(toSpokenBook(parseMarkdown(md), { capabilitiesFor: () => mock.capabilities(cast.voices.get('narrator')!) }), {
      pauses: cast.pauses,
      capabilitiesFor: () => mock.capabilities(cast.voices.get('narrator')!),
      onDroppedTag: () => {},
    });
    const paragraphs = segments.filter((s) => s.kind !== 'title');
    expect(paragraphs).toHaveLength(4);
    expect(new Set(paragraphs.map((s) => s.ssml)).size).toBe(1);
    const puts: string[] = [];
    const put = cache.put.bind(cache);
    cache.put = async (key, audio) => {
      puts.push(key);
      return put(key, audio);
    };
    // Slow answers, many in flight: every copy of the paragraph is asked for before the first answer comes.
    let calls = 0;
    const slow: TtsProvider = {
      ...mock,
      capabilities: (v) => ({ ...mock.capabilities(v), concurrency: 8 }),
      synthesize: async (...args) => {
        calls++;
        await new Promise((r) => setTimeout(r, 50));
        return mock.synthesize(...args);
      },
    };
    const speeches = await synthesizeSegments(segments, { provider: slow, cast, cache });
    expect(calls).toBe(2); // the title and the paragraph
    expect(puts).toHaveLength(2);
    expect(new Set(puts).size).toBe(2);
    expect(speeches.filter((s) => !s.fromCache)).toHaveLength(2);
    const first = speeches.find((s) => s.segmentId === paragraphs[0]!.id)!;
    for (const p of paragraphs) expect(speeches.find((s) => s.segmentId === p.id)!.pcm).toEqual(first.pcm);
  });

  it('stops when interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      synthesizeSegments(segmentsFor(2), { provider: createMockProvider(), cast, cache: new SegmentCache(undefined), signal: controller.signal }),
    ).rejects.toThrow(/interrupted; finished segments are cached/);
  });
});

describe('atomic output', () => {
  it('leaves neither the file nor a temporary one when writing fails halfway', async () => {
    const dir = await tempDir();
    const target = join(dir, 'book.m4b');
    await expect(
      produceFileAtomic(target, async (tmp) => {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(tmp, 'half a book');
        throw new Error('encoder died');
      }),
    ).rejects.toThrow('encoder died');
    expect(await readdir(dir)).toEqual([]);
  });
});
