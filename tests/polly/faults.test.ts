import { afterEach, describe, expect, it } from 'vitest';
import { NarrateError } from '../../src/errors.js';
import type { FakePolly } from '../support/fake-polly.js';
import { NARRATOR, provider, startFake } from './helpers.js';

let fake: FakePolly | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const SSML = '<speak><s>The lamp was lit.</s></speak>';
const request = (segmentId: string, ssml = SSML) => ({ segmentId, ssml, voice: NARRATOR });
const throttle = { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' };
const serverFault = { status: 500, type: 'ServiceFailureException', message: 'Internal failure' };

describe('Polly faults, through the SDK retry strategy', () => {
  it('retries ThrottlingException and then succeeds', async () => {
    fake = await startFake();
    fake.speechFaults.push(throttle, throttle);
    const polly = provider();
    const audio = await polly.synthesize(request('c01-p001-k01'));
    await polly.close();
    // Two throttled attempts, then the audio and the marks request both succeed.
    expect(fake.speechRequests()).toHaveLength(4);
    expect(audio.marks.filter((m) => m.type === 'word').map((m) => m.value)).toEqual(['The', 'lamp', 'was', 'lit']);
  });

  it('retries a 500 and then succeeds', async () => {
    fake = await startFake();
    fake.speechFaults.push(serverFault);
    const polly = provider();
    const audio = await polly.synthesize(request('c01-p002-k01'));
    await polly.close();
    expect(fake.speechRequests()).toHaveLength(3);
    expect(audio.pcm.length).toBeGreaterThan(0);
  });

  it('retries a dropped connection and then succeeds', async () => {
    fake = await startFake();
    fake.speechFaults.push({ status: 0, type: 'drop', message: '' });
    const polly = provider();
    const audio = await polly.synthesize(request('c01-p003-k01'));
    await polly.close();
    expect(fake.speechRequests()).toHaveLength(3);
    expect(audio.marks.length).toBeGreaterThan(0);
  });

  it('gives up after the configured attempts with an error naming the segment', async () => {
    fake = await startFake();
    for (let i = 0; i < 10; i++) fake.speechFaults.push(throttle);
    const polly = provider({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await polly.synthesize(request('c01-p004-k01')).catch((e: unknown) => e);
    await polly.close();
    expect(error).toBeInstanceOf(NarrateError);
    expect((error as Error).message).toMatch(/^c01-p004-k01: Polly kept throttling \(ThrottlingException: Rate exceeded \(HTTP 400, 3 attempts\)\)/);
    // Three attempts at the audio; the marks request is never sent.
    expect(fake.speechRequests()).toHaveLength(3);
  });

  it('reports InvalidSsmlException with the segment id and the SSML sent, without retrying', async () => {
    fake = await startFake();
    const broken = '<speak><s>Unclosed sentence.</speak>';
    const polly = provider();
    const error = await polly.synthesize(request('c02-p007-k01', broken)).catch((e: unknown) => e);
    await polly.close();
    expect(error).toBeInstanceOf(NarrateError);
    const message = (error as Error).message;
    expect(message).toMatch(/^c02-p007-k01: Polly rejected the SSML \(InvalidSsmlException: Invalid SSML request/);
    expect(message).toContain(`SSML sent: ${broken}`);
    expect(message).not.toContain('\n');
    expect(fake.speechRequests()).toHaveLength(1);
  });

  it('refuses a request over Polly\'s length limits before sending it', async () => {
    fake = await startFake();
    const long = `<speak><s>${'word '.repeat(700)}</s></speak>`;
    const polly = provider();
    await expect(polly.synthesize(request('c03-p001-k01', long))).rejects.toThrow(/^c03-p001-k01: \d+ characters \(3\d{3} billed\) exceed Polly's 6000 \(3000 billed\)/);
    await polly.close();
    expect(fake.speechRequests()).toHaveLength(0);
  });
});
