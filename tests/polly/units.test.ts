import { describe, expect, it } from 'vitest';
import { NarrateError } from '../../src/errors.js';
import { engineCapabilities, unsupportedTags } from '../../src/providers/polly/engines.js';
import { assertWithinMaxCost, estimatePollyCost, formatCostLines, parseMaxCost } from '../../src/providers/polly/pricing.js';
import { toSpeechMarks, utf8ToUtf16Offsets, type PollyMark } from '../../src/providers/polly/speech-marks.js';
import { httpVersionFromEnv } from '../../src/providers/polly/http-handler.js';

describe('Polly pricing', () => {
  it('bills engines with speech marks twice (audio + marks) and generative once', () => {
    const lines = estimatePollyCost([
      { engine: 'neural', billedChars: 600_000 },
      { engine: 'neural', billedChars: 400_000 },
      { engine: 'generative', billedChars: 1_000_000 },
      { engine: 'standard', billedChars: 250_000 },
    ]);
    expect(lines).toEqual([
      { engine: 'standard', textChars: 250_000, requestsPerSegment: 2, billedChars: 500_000, usd: 2 },
      { engine: 'neural', textChars: 1_000_000, requestsPerSegment: 2, billedChars: 2_000_000, usd: 32 },
      { engine: 'generative', textChars: 1_000_000, requestsPerSegment: 1, billedChars: 1_000_000, usd: 30 },
    ]);
    expect(estimatePollyCost([{ engine: 'long-form', billedChars: 10_000 }])[0]!.usd).toBeCloseTo(2);
  });

  it('formats the --dry-run lines per engine and a total', () => {
    const lines = formatCostLines(estimatePollyCost([{ engine: 'neural', billedChars: 12_345 }]));
    expect(lines).toEqual([
      'polly neural: 12,345 chars × 2 requests (audio + speech marks) = 24,690 billed characters at $16/M ≈ $0.40',
      'polly total ≈ $0.40 (before any free tier; cache hits excluded)',
    ]);
  });

  it('refuses a run above --max-cost and allows one within it', () => {
    const lines = estimatePollyCost([{ engine: 'neural', billedChars: 1_000_000 }]);
    expect(() => assertWithinMaxCost(lines, 10)).toThrow(NarrateError);
    expect(() => assertWithinMaxCost(lines, 10)).toThrow(/^estimated cost \$32\.00 exceeds --max-cost \$10\.00\. /);
    expect(() => assertWithinMaxCost(lines, 32)).not.toThrow();
    expect(() => assertWithinMaxCost(lines, undefined)).not.toThrow();
    expect(parseMaxCost('$2.50')).toBe(2.5);
    expect(() => parseMaxCost('lots')).toThrow(/--max-cost "lots" is not an amount in USD/);
    expect(() => estimatePollyCost([{ engine: 'turbo', billedChars: 1 }])).toThrow(/unknown Polly engine "turbo"/);
  });
});

describe('speech-mark offsets', () => {
  it('maps every UTF-8 byte to the UTF-16 index of its character', () => {
    const text = 'aé“😀b';
    // a=1 byte, é=2, “=3, 😀=4 (two UTF-16 units), b=1
    expect([...utf8ToUtf16Offsets(text)]).toEqual([0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6]);
  });

  it('converts Polly marks: offsets, ssml marks, and word ends from "sil" visemes', () => {
    const ssml = '<speak>“Olá” <mark name="m1"/>mundo</speak>';
    const b = (s: string) => Buffer.byteLength(ssml.slice(0, ssml.indexOf(s)));
    const marks: PollyMark[] = [
      { time: 0, type: 'sentence', start: b('“'), end: b('</speak>'), value: '“Olá” mundo' },
      { time: 6, type: 'word', start: b('Olá'), end: b('”'), value: 'Olá' },
      { time: 6, type: 'viseme', value: 'o' },
      { time: 300, type: 'viseme', value: 'sil' },
      { time: 450, type: 'ssml', start: b('<mark'), end: b('mundo'), value: 'm1' },
      { time: 450, type: 'word', start: b('mundo'), end: b('</speak>'), value: 'mundo' },
      { time: 450, type: 'viseme', value: 'm' },
    ];
    expect(toSpeechMarks(marks, ssml, 900)).toEqual([
      { type: 'sentence', timeMs: 0, start: ssml.indexOf('“'), end: ssml.indexOf('</speak>'), value: '“Olá” mundo' },
      { type: 'word', timeMs: 6, endMs: 300, start: ssml.indexOf('Olá'), end: ssml.indexOf('”'), value: 'Olá' },
      { type: 'mark', timeMs: 450, value: 'm1' },
      { type: 'word', timeMs: 450, endMs: 900, start: ssml.indexOf('mundo'), end: ssml.indexOf('</speak>'), value: 'mundo' },
    ]);
  });
});

describe('Polly engines', () => {
  it('declares tag sets and marks per engine', () => {
    expect(engineCapabilities('standard').ssmlTags.has('emphasis')).toBe(true);
    expect(engineCapabilities('neural').ssmlTags.has('emphasis')).toBe(false);
    expect(engineCapabilities('long-form').ssmlTags.has('say-as')).toBe(true);
    const generative = engineCapabilities('generative');
    expect([generative.wordMarks, generative.sentenceMarks, generative.ssmlTags.has('mark')]).toEqual([false, false, false]);
    expect(engineCapabilities('neural')).toMatchObject({ maxRequestChars: 6000, maxBilledChars: 3000, wordMarks: true, sentenceMarks: true, concurrency: 8 });
    expect(engineCapabilities('standard', 3).concurrency).toBe(3);
  });

  it('finds tags an engine lacks', () => {
    const ssml = '<speak><s>A <emphasis level="strong">b</emphasis> <mark name="x"/><break time="1s"/></s></speak>';
    expect(unsupportedTags(ssml, 'standard')).toEqual([]);
    expect(unsupportedTags(ssml, 'neural')).toEqual(['emphasis']);
    expect(unsupportedTags(ssml, 'generative')).toEqual(['emphasis', 'mark']);
  });

  it('reads NARRATE_POLLY_HTTP_VERSION', () => {
    expect(httpVersionFromEnv(undefined)).toBe('auto');
    expect(httpVersionFromEnv('2')).toBe('2');
    expect(() => httpVersionFromEnv('3')).toThrow(/NARRATE_POLLY_HTTP_VERSION="3" is not one of auto, 1.1, 2/);
  });
});
