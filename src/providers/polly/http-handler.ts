// The Polly v3 client sends every request over HTTP/2 (NodeHttp2Handler; for an
// http:// endpoint that is cleartext h2 with prior knowledge), which a plain HTTP/1.1
// server cannot answer. This handler asks each endpoint once which it speaks — TLS
// ALPN for https, an h2 SETTINGS exchange for http — and sends through the SDK's own
// HTTP/1.1 or HTTP/2 handler accordingly. AWS's own hosts skip the question.
//
// HTTP/2 names the host in ":authority", HTTP/1.1 in "Host", and the header is signed,
// so the choice is made in a middleware between the retries (a failed probe is
// retried like any network error) and SigV4 signing.
import http2 from 'node:http2';
import tls from 'node:tls';
import type { PollyClient } from '@aws-sdk/client-polly';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpRequest } from '@smithy/core/protocols';
import type { FinalizeHandler, FinalizeHandlerArguments, MetadataBearer } from '@smithy/types';
import { NarrateError } from '../../errors.js';

export type PollyHttpVersion = 'auto' | '1.1' | '2';
type HandleOptions = Parameters<NodeHttpHandler['handle']>[1];

const PROBE_TIMEOUT_MS = 3000;

export function httpVersionFromEnv(value = process.env.NARRATE_POLLY_HTTP_VERSION): PollyHttpVersion {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === '1.1' || value === '2') return value;
  throw new NarrateError(`NARRATE_POLLY_HTTP_VERSION="${value}" is not one of auto, 1.1, 2. Unset it to let narrate detect the endpoint's protocol`);
}

export class NegotiatingHttpHandler {
  // Not "h2": the SDK then writes a Host header, which the middleware swaps for HTTP/2.
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly h1 = new NodeHttpHandler();
  // Polly's own default: one HTTP/2 session per request.
  private readonly h2 = new NodeHttp2Handler({ disableConcurrentStreams: true });
  private readonly known = new Map<string, '1.1' | '2'>();

  constructor(private readonly version: PollyHttpVersion = 'auto') {}

  async handle(request: HttpRequest, options?: HandleOptions) {
    const version = await this.versionFor(request);
    return version === '2' ? this.h2.handle(request, options) : this.h1.handle(request, options);
  }

  /** Which protocol an endpoint was found to speak (for tests and diagnostics). */
  versionOf(origin: string): '1.1' | '2' | undefined {
    return this.known.get(origin);
  }

  async versionFor(request: HttpRequest): Promise<'1.1' | '2'> {
    if (this.version !== 'auto') return this.version;
    const origin = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
    let version = this.known.get(origin);
    if (!version) {
      version = /\.amazonaws\.com(\.cn)?$/.test(request.hostname) ? '2' : await probe(request);
      this.known.set(origin, version);
    }
    return version;
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    this.h1.destroy();
    this.h2.destroy();
  }
}

/** Installs the step that picks the protocol and names the host the way it needs. */
export function useNegotiatedHttpVersion(client: PollyClient, handler: NegotiatingHttpHandler): void {
  client.middlewareStack.addRelativeTo(
    (next: FinalizeHandler<object, MetadataBearer>) => async (args: FinalizeHandlerArguments<object>) => {
      const request = args.request;
      if (HttpRequest.isInstance(request)) {
        const authority = request.hostname + (request.port ? `:${request.port}` : '');
        if ((await handler.versionFor(request)) === '2') {
          delete request.headers.host;
          request.headers[':authority'] = authority;
        } else {
          delete request.headers[':authority'];
          request.headers.host = authority;
        }
      }
      return next(args);
    },
    { name: 'narrateHttpVersion', relation: 'before', toMiddleware: 'httpSigningMiddleware' },
  );
}

function probe(request: HttpRequest): Promise<'1.1' | '2'> {
  const port = request.port ?? (request.protocol === 'https:' ? 443 : 80);
  return request.protocol === 'https:' ? probeAlpn(request.hostname, port) : probeCleartextH2(request.hostname, port);
}

function probeAlpn(host: string, port: number): Promise<'1.1' | '2'> {
  return new Promise((resolve, reject) => {
    const servername = /^[\d.]+$|:/.test(host) ? undefined : host;
    const socket = tls.connect({ host, port, servername, ALPNProtocols: ['h2', 'http/1.1'], rejectUnauthorized: false });
    socket.setTimeout(PROBE_TIMEOUT_MS, () => socket.destroy(timeoutError(host, port)));
    socket.once('secureConnect', () => {
      resolve(socket.alpnProtocol === 'h2' ? '2' : '1.1');
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

/** An h2c server answers the connection preface with SETTINGS; an HTTP/1.1 one with an error. */
function probeCleartextH2(host: string, port: number): Promise<'1.1' | '2'> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const session = http2.connect(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
    const timer = setTimeout(() => session.destroy(timeoutError(host, port)), PROBE_TIMEOUT_MS);
    const finish = (version: '1.1' | '2' | Error) => {
      clearTimeout(timer);
      if (version instanceof Error) reject(version);
      else resolve(version);
      session.destroy();
    };
    session.once('connect', () => (connected = true));
    session.once('remoteSettings', () => finish('2'));
    session.once('error', (err) => finish(connected ? '1.1' : err));
    session.once('close', () => finish(connected ? '1.1' : new Error(`connection to ${host}:${port} closed`)));
  });
}

function timeoutError(host: string, port: number): Error {
  return Object.assign(new Error(`no answer from ${host}:${port} within ${PROBE_TIMEOUT_MS} ms`), { name: 'TimeoutError' });
}
