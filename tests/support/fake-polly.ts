// A fake Amazon Polly endpoint on 127.0.0.1, speaking HTTP/1.1 or cleartext HTTP/2,
// answering in Polly's REST-JSON shapes: real mp3 audio made by ffmpeg, JSON-lines
// speech marks with UTF-8 byte offsets, DescribeVoices with pagination, and lexicons.
// Every request is recorded so tests can check what arrived on the wire.
import { spawn } from 'node:child_process';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { XMLValidator } from 'fast-xml-parser';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  json?: Record<string, unknown>;
  httpVersion: string;
}

export interface FakeVoice {
  Id: string;
  Gender: string;
  LanguageCode: string;
  LanguageName: string;
  Name: string;
  SupportedEngines: string[];
  AdditionalLanguageCodes?: string[];
}

export interface Fault {
  /** 0 drops the connection instead of answering. */
  status: number;
  type: string;
  message: string;
}

export const DEFAULT_VOICES: FakeVoice[] = [
  { Id: 'Joanna', Gender: 'Female', LanguageCode: 'en-US', LanguageName: 'US English', Name: 'Joanna', SupportedEngines: ['generative', 'long-form', 'neural', 'standard'] },
  { Id: 'Matthew', Gender: 'Male', LanguageCode: 'en-US', LanguageName: 'US English', Name: 'Matthew', SupportedEngines: ['generative', 'neural', 'standard'] },
  { Id: 'Ivy', Gender: 'Female', LanguageCode: 'en-US', LanguageName: 'US English', Name: 'Ivy', SupportedEngines: ['neural', 'standard'] },
  { Id: 'Amy', Gender: 'Female', LanguageCode: 'en-GB', LanguageName: 'British English', Name: 'Amy', SupportedEngines: ['generative', 'neural', 'standard'] },
  { Id: 'Hans', Gender: 'Male', LanguageCode: 'de-DE', LanguageName: 'German', Name: 'Hans', SupportedEngines: ['standard'] },
];

/** The fake's speech clock: each word sounds for WORD_MS, then a GAP_MS pause. */
export const WORD_MS = 220;
export const GAP_MS = 80;
const LEAD_MS = 50;
const VOICES_PAGE_SIZE = 2;

export class FakePolly {
  readonly requests: RecordedRequest[] = [];
  readonly lexicons = new Map<string, string>();
  /** Faults answered, in order, to the next POST /v1/speech requests. */
  readonly speechFaults: Fault[] = [];
  voices: FakeVoice[] = DEFAULT_VOICES;
  /** Asked, when no queued fault is left, for the n-th speech request (1-based). */
  faultPlan?: (n: number) => Fault | undefined;
  private speechCount = 0;
  /** Each speech request waits this long before answering (for abort tests). */
  speechDelayMs = 0;
  url = '';
  private server?: http.Server | http2.Http2Server | http2.Http2SecureServer;

  /** HTTP/1.1 or HTTP/2 (h2-only), in clear text, or over TLS when given a key and certificate. */
  static async start(protocol: '1.1' | '2' = '1.1', tls?: { key: string; cert: string }): Promise<FakePolly> {
    const fake = new FakePolly();
    const handler = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) =>
      void fake.handle(req, res).catch((e: Error) => send(res, 500, { 'content-type': 'text/plain' }, `fake polly crashed: ${e.stack}`));
    if (protocol === '2') fake.server = tls ? http2.createSecureServer(tls, handler) : http2.createServer(handler);
    else fake.server = tls ? https.createServer(tls, handler) : http.createServer(handler);
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.url = `${tls ? 'https' : 'http'}://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  speechRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v1/speech');
  }

  async close(): Promise<void> {
    const server = this.server as http.Server;
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !k.startsWith(':')).map(([k, v]) => [k, String(v)]));
    const recorded: RecordedRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers, body, httpVersion: req.httpVersion };
    if (body && headers['content-type']?.includes('json')) recorded.json = JSON.parse(body) as Record<string, unknown>;
    this.requests.push(recorded);
    if (recorded.path === '/v1/speech' && this.speechFaults[0]?.status === 0) {
      // A dropped connection: the client sees a network error, not an HTTP answer.
      this.speechFaults.shift();
      req.socket.destroy();
      return;
    }
    if (recorded.path === '/v1/speech' && this.speechDelayMs > 0) await new Promise((r) => setTimeout(r, this.speechDelayMs));
    const [status, resHeaders, resBody] = await this.route(recorded);
    send(res, status, resHeaders, resBody);
  }

  private async route(r: RecordedRequest): Promise<[number, Record<string, string>, string | Buffer]> {
    const lexicon = /^\/v1\/lexicons\/([^/]+)$/.exec(r.path)?.[1];
    if (r.method === 'POST' && r.path === '/v1/speech') return this.speech(r.json ?? {});
    if (r.method === 'GET' && r.path === '/v1/voices') return this.describeVoices(r.query);
    if (r.method === 'GET' && r.path === '/v1/lexicons') return this.listLexicons();
    if (lexicon && r.method === 'GET') return this.getLexicon(decodeURIComponent(lexicon));
    if (lexicon && r.method === 'PUT') {
      this.lexicons.set(decodeURIComponent(lexicon), String(r.json?.Content ?? ''));
      return [200, { 'content-type': 'application/json' }, '{}'];
    }
    return awsError({ status: 404, type: 'UnknownOperationException', message: `${r.method} ${r.path}` });
  }

  private async speech(input: Record<string, unknown>): Promise<[number, Record<string, string>, string | Buffer]> {
    const fault = this.speechFaults.shift() ?? this.faultPlan?.(++this.speechCount);
    if (fault) return awsError(fault);
    const text = String(input.Text ?? '');
    if (text.length > 6000) return awsError({ status: 400, type: 'TextLengthExceededException', message: 'Maximum text length has been exceeded' });
    if (input.TextType === 'ssml' && XMLValidator.validate(text) !== true) {
      return awsError({ status: 400, type: 'InvalidSsmlException', message: 'Invalid SSML request' });
    }
    const voice = this.voices.find((v) => v.Id === input.VoiceId);
    if (!voice || !voice.SupportedEngines.includes(String(input.Engine))) {
      return awsError({ status: 400, type: 'EngineNotSupportedException', message: 'This voice does not support the selected engine' });
    }
    const speech = fakeSpeech(text);
    const chars = { 'x-amzn-requestcharacters': String(text.replace(/<[^>]*>/g, '').length) };
    if (input.OutputFormat === 'json') {
      const types = (input.SpeechMarkTypes as string[] | undefined) ?? [];
      const lines = speech.marks.filter((m) => types.includes(m.type)).map((m) => JSON.stringify(m) + '\n');
      return [200, { 'content-type': 'application/x-json-stream', ...chars }, lines.join('')];
    }
    const rate = Number(input.SampleRate ?? 24000);
    return [200, { 'content-type': 'audio/mpeg', ...chars }, await sineMp3(speech.durationMs / 1000, rate)];
  }

  private describeVoices(query: URLSearchParams): [number, Record<string, string>, string] {
    const engine = query.get('Engine');
    const language = query.get('LanguageCode');
    const matching = this.voices.filter((v) => (!engine || v.SupportedEngines.includes(engine)) && (!language || v.LanguageCode === language));
    const from = Number(query.get('NextToken') ?? 0);
    const page = matching.slice(from, from + VOICES_PAGE_SIZE);
    const next = from + VOICES_PAGE_SIZE < matching.length ? String(from + VOICES_PAGE_SIZE) : undefined;
    return [200, { 'content-type': 'application/json' }, JSON.stringify({ Voices: page, NextToken: next })];
  }

  private getLexicon(name: string): [number, Record<string, string>, string] {
    const content = this.lexicons.get(name);
    if (content === undefined) return awsError({ status: 404, type: 'LexiconNotFoundException', message: `Lexicon not found` });
    return [200, { 'content-type': 'application/json' }, JSON.stringify({ Lexicon: { Content: content, Name: name }, LexiconAttributes: lexiconAttributes(name, content) })];
  }

  private listLexicons(): [number, Record<string, string>, string] {
    const list = [...this.lexicons].map(([name, content]) => ({ Name: name, Attributes: lexiconAttributes(name, content) }));
    return [200, { 'content-type': 'application/json' }, JSON.stringify({ Lexicons: list })];
  }
}

function lexiconAttributes(name: string, content: string) {
  return { Alphabet: 'ipa', LanguageCode: 'en-US', LastModified: 1_700_000_000, LexiconArn: `arn:aws:polly:us-east-1:000000000000:lexicon/${name}`, LexemesCount: 1, Size: content.length };
}

function awsError(fault: Fault): [number, Record<string, string>, string] {
  return [fault.status, { 'content-type': 'application/json', 'x-amzn-errortype': fault.type }, JSON.stringify({ message: fault.message })];
}

function send(res: http.ServerResponse | http2.Http2ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  (res as http.ServerResponse).writeHead(status, headers);
  res.end(body);
}

interface FakeMark {
  time: number;
  type: 'sentence' | 'word' | 'viseme' | 'ssml';
  start?: number;
  end?: number;
  value: string;
}

/**
 * Marks the fake "speaks" for an SSML text: words (runs of anything but space and
 * punctuation) at a fixed pace, a "sil" viseme after each sentence's last word, and
 * byte offsets computed independently of the provider (Buffer.byteLength of the prefix).
 */
export function fakeSpeech(ssml: string): { marks: FakeMark[]; durationMs: number } {
  const marks: FakeMark[] = [];
  const byteAt = (i: number) => Buffer.byteLength(ssml.slice(0, i), 'utf8');
  let time = LEAD_MS;
  let sentence: { start: number; mark?: FakeMark } | undefined;
  for (const m of ssml.matchAll(/<(\/?)([\w:-]+)([^>]*?)\/?>|[^<]+/g)) {
    const at = m.index;
    if (m[2] === 's' && !m[1]) sentence = { start: at + m[0].length };
    if (m[2] === 's' && m[1] && sentence?.mark) {
      sentence.mark.end = byteAt(at);
      marks.push({ time: time - GAP_MS, type: 'viseme', value: 'sil' });
    }
    if (m[2] === 'break') time += Number(/time="(\d+)ms"/.exec(m[3] ?? '')?.[1] ?? 0);
    if (m[2] === 'mark') marks.push({ time, type: 'ssml', start: byteAt(at), end: byteAt(at + m[0].length), value: /name="([^"]*)"/.exec(m[3] ?? '')?.[1] ?? '' });
    if (m[2] !== undefined) continue;
    for (const word of m[0].matchAll(/[^\s\p{P}]+/gu)) {
      const start = at + word.index;
      if (sentence && !sentence.mark) {
        sentence.mark = { time, type: 'sentence', start: byteAt(sentence.start), value: '' };
        marks.push(sentence.mark);
      }
      marks.push({ time, type: 'word', start: byteAt(start), end: byteAt(start + word[0].length), value: word[0] });
      marks.push({ time, type: 'viseme', value: 'p' });
      time += WORD_MS + GAP_MS;
    }
  }
  return { marks, durationMs: time + 200 };
}

function sineMp3(seconds: number, sampleRate: number): Promise<Buffer> {
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${sampleRate}:duration=${seconds.toFixed(3)}`, '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', '-f', 'mp3', 'pipe:1'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.FFMPEG_PATH ?? 'ffmpeg', args);
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`ffmpeg exited ${code}`))));
  });
}
