import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NarrateError } from '../../src/errors.js';
import { FakePolly, fakeSpeech, GAP_MS, WORD_MS } from '../support/fake-polly.js';
import { expectedAuthorization } from '../support/sigv4.js';
import { FAKE_CREDENTIALS, NARRATOR, pollyVoice, provider, startFake, useFakeAwsEnv } from './helpers.js';

let fake: FakePolly | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const SSML = '<speak><s>The keeper climbed the stair.</s> <break time="400ms"/><s>Night fell.</s></speak>';

describe('Polly synthesize over the real SDK against a fake endpoint', () => {
  it('sends a signed audio request and a speech-marks request with the expected fields', async () => {
    fake = await startFake('1.1');
    const polly = provider();
    const audio = await polly.synthesize({ segmentId: 'c01-p001-k01', ssml: SSML, voice: NARRATOR });
    await polly.close();

    const sent = fake.speechRequests();
    expect(sent).toHaveLength(2);
    const audioReq = sent.find((r) => r.json?.OutputFormat === 'mp3')!;
    const marksReq = sent.find((r) => r.json?.OutputFormat === 'json')!;
    expect(audioReq.json).toEqual({ Engine: 'neural', VoiceId: 'Joanna', OutputFormat: 'mp3', SampleRate: '24000', Text: SSML, TextType: 'ssml' });
    expect(marksReq.json).toEqual({ Engine: 'neural', VoiceId: 'Joanna', OutputFormat: 'json', SpeechMarkTypes: ['sentence', 'word', 'viseme'], Text: SSML, TextType: 'ssml' });
    expect(audioReq.httpVersion).toBe('1.1');
    expect(audioReq.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDFAKEFAKEFAKE\/\d{8}\/us-east-1\/polly\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
    expect(audioReq.headers.authorization).toBe(await expectedAuthorization(audioReq, FAKE_CREDENTIALS, 'us-east-1', fake.url));

    expect(audio.sampleRate).toBe(24000);
    // The fake answers with a real mp3 as long as its speech clock; decoding adds at most a frame or two.
    const expectedSamples = (fakeSpeech(SSML).durationMs * 24000) / 1000;
    expect(audio.pcm.length).toBeGreaterThan(expectedSamples - 100);
    expect(audio.pcm.length).toBeLessThan(expectedSamples + 3 * 1152);
    expect(audio.pcm.some((s) => Math.abs(s) > 1000)).toBe(true);

    const words = audio.marks.filter((m) => m.type === 'word');
    expect(words.map((w) => SSML.slice(w.start, w.end))).toEqual(['The', 'keeper', 'climbed', 'the', 'stair', 'Night', 'fell']);
    const sentences = audio.marks.filter((m) => m.type === 'sentence');
    expect(sentences.map((s) => s.start)).toEqual([SSML.indexOf('The'), SSML.indexOf('Night')]);
    // "stair" ends where the fake's "sil" viseme says the sound stops, before the break.
    const stair = words[4]!;
    expect(stair.endMs).toBe(stair.timeMs + WORD_MS);
    expect(words[0]!.endMs).toBe(words[1]!.timeMs);
  });

  it('maps byte offsets to UTF-16 offsets for accents, curly quotes and emoji', async () => {
    fake = await startFake('1.1');
    const polly = provider();
    const ssml = '<speak><s>café “quoted” 😀 naïve end</s></speak>';
    const audio = await polly.synthesize({ segmentId: 'c01-p002-k01', ssml, voice: NARRATOR });
    await polly.close();
    const words = audio.marks.filter((m) => m.type === 'word');
    expect(words.map((w) => w.value)).toEqual(['café', 'quoted', '😀', 'naïve', 'end']);
    for (const w of words) expect(ssml.slice(w.start, w.end)).toBe(w.value);
    expect(words[4]!.start).toBe(ssml.indexOf('end'));
    // Byte offsets used as-is would point past the word after é, “ and 😀.
    expect(Buffer.byteLength(ssml.slice(0, words[4]!.start!))).toBeGreaterThan(words[4]!.start!);
    const last = words[4]!;
    expect(last.endMs).toBe(last.timeMs + WORD_MS);
    expect(words[1]!.endMs).toBe(words[1]!.timeMs + WORD_MS + GAP_MS);
  });

  it('uses 22050 Hz and keeps <emphasis> for the standard engine', async () => {
    fake = await startFake('1.1');
    const polly = provider();
    const ssml = '<speak><s>It was <emphasis level="strong">cold</emphasis>.</s></speak>';
    const audio = await polly.synthesize({ segmentId: 'c01-p003-k01', ssml, voice: pollyVoice('narrator', { VoiceId: 'Joanna', Engine: 'standard' }) });
    await polly.close();
    expect(audio.sampleRate).toBe(22050);
    const audioReq = fake.speechRequests().find((r) => r.json?.OutputFormat === 'mp3')!;
    expect(audioReq.json).toMatchObject({ Engine: 'standard', SampleRate: '22050', Text: ssml });
  });

  it('refuses to send <emphasis> to the neural engine, before any request', async () => {
    fake = await startFake('1.1');
    const polly = provider();
    const ssml = '<speak><s>It was <emphasis level="strong">cold</emphasis>.</s></speak>';
    await expect(polly.synthesize({ segmentId: 'c01-p004-k01', ssml, voice: NARRATOR })).rejects.toThrow(/^c01-p004-k01: the neural engine does not accept <emphasis>/);
    expect(fake.speechRequests()).toHaveLength(0);
    await polly.close();
  });

  it('asks the generative engine for audio only and reports no marks', async () => {
    fake = await startFake('1.1');
    const polly = provider();
    const ssml = '<speak><s>Night fell.</s></speak>';
    const audio = await polly.synthesize({ segmentId: 'c01-p005-k01', ssml, voice: pollyVoice('narrator', { VoiceId: 'Joanna', Engine: 'generative' }) });
    await polly.close();
    expect(fake.speechRequests().map((r) => r.json?.OutputFormat)).toEqual(['mp3']);
    expect(audio.marks).toEqual([]);
    expect(audio.pcm.length).toBeGreaterThan(0);
  });

  it('asks for ssml marks and passes <mark> names on when the SSML has marks', async () => {
    fake = await startFake('1.1');
    const polly = provider();
    const ssml = '<speak><s>One <mark name="here"/>two.</s></speak>';
    const audio = await polly.synthesize({ segmentId: 'c01-p006-k01', ssml, voice: NARRATOR });
    await polly.close();
    expect(fake.speechRequests().find((r) => r.json?.OutputFormat === 'json')!.json!.SpeechMarkTypes).toEqual(['sentence', 'word', 'viseme', 'ssml']);
    expect(audio.marks.filter((m) => m.type === 'mark')).toEqual([{ type: 'mark', timeMs: expect.any(Number), value: 'here' }]);
  });

  it('talks HTTP/2 (cleartext) to an HTTP/2 endpoint', async () => {
    fake = await startFake('2');
    const polly = provider();
    const audio = await polly.synthesize({ segmentId: 'c01-p007-k01', ssml: SSML, voice: NARRATOR });
    await polly.close();
    expect(fake.speechRequests().map((r) => r.httpVersion)).toEqual(['2.0', '2.0']);
    expect(audio.marks.filter((m) => m.type === 'word')).toHaveLength(7);
  });

  it('honours NARRATE_POLLY_HTTP_VERSION=1.1 without asking the server', async () => {
    fake = await startFake('1.1');
    process.env.NARRATE_POLLY_HTTP_VERSION = '1.1';
    const polly = provider();
    await polly.synthesize({ segmentId: 'c01-p008-k01', ssml: SSML, voice: NARRATOR });
    await polly.close();
    expect(fake.speechRequests().map((r) => r.httpVersion)).toEqual(['1.1', '1.1']);
  });

  it('falls back to us-east-1, with a note, when no region is configured', async () => {
    fake = await startFake('1.1');
    useFakeAwsEnv(fake.url, null);
    const notes: string[] = [];
    const polly = provider({ onNote: (m) => notes.push(m) });
    await polly.synthesize({ segmentId: 'c01-p009-k01', ssml: SSML, voice: NARRATOR });
    await polly.close();
    expect(notes).toEqual([expect.stringContaining('using us-east-1')]);
    expect(fake.speechRequests()[0]!.headers.authorization).toContain('/us-east-1/polly/aws4_request');
  });

  it('stops on abort with an "interrupted" error', async () => {
    fake = await startFake('1.1');
    fake.speechDelayMs = 5000;
    const polly = provider();
    const controller = new AbortController();
    const pending = polly.synthesize({ segmentId: 'c01-p010-k01', ssml: SSML, voice: NARRATOR }, controller.signal);
    while (fake.speechRequests().length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NarrateError);
    expect((error as NarrateError).exitCode).toBe(130);
    expect((error as NarrateError).message).toMatch(/^c01-p010-k01: interrupted/);
    await polly.close();
  });
});

describe('Polly over TLS: the protocol is learnt from ALPN', () => {
  let certDir: string | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    if (certDir) await rm(certDir, { recursive: true, force: true });
  });

  async function selfSigned(): Promise<{ key: string; cert: string }> {
    certDir = await mkdtemp(join(tmpdir(), 'narrate-tls-'));
    const key = join(certDir, 'key.pem');
    const cert = join(certDir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  }

  it.each([['2', '2.0'], ['1.1', '1.1']] as const)('talks to an HTTPS server speaking HTTP/%s', async (protocol, seen) => {
    fake = await FakePolly.start(protocol, await selfSigned());
    useFakeAwsEnv(fake.url);
    // The certificate is made up for the test.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const polly = provider();
    const audio = await polly.synthesize({ segmentId: 'c01-p011-k01', ssml: SSML, voice: NARRATOR });
    await polly.close();
    expect(fake.speechRequests().map((r) => r.httpVersion)).toEqual([seen, seen]);
    expect(audio.marks.filter((m) => m.type === 'word')).toHaveLength(7);
  });
});
