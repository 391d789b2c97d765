// Recomputes a recorded request's SigV4 signature with AWS's own signer, so a test can
// tell a correctly signed request from one that merely has an Authorization header.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RecordedRequest } from './fake-polly.js';

class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret ? createHmac('sha256', toBytes(this.secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

export async function expectedAuthorization(r: RecordedRequest, credentials: { accessKeyId: string; secretAccessKey: string }, region: string, serverUrl: string): Promise<string> {
  const signed = /SignedHeaders=([^,]+)/.exec(r.headers.authorization ?? '')?.[1]?.split(';') ?? [];
  const url = new URL(serverUrl);
  const headers: Record<string, string> = {};
  for (const name of signed) headers[name] = name === 'host' ? (r.headers.host ?? url.host) : r.headers[name]!;
  const request = new HttpRequest({
    method: r.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: r.path,
    query: Object.fromEntries(r.query),
    headers,
    body: r.body,
  });
  const signer = new SignatureV4({ credentials, region, service: 'polly', sha256: NodeSha256 });
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(r.headers['x-amz-date'] ?? '')!;
  const signingDate = new Date(Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!));
  const out = await signer.sign(request, { signingDate });
  return out.headers.authorization!;
}
