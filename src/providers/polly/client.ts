// Builds the PollyClient. Credentials, region and endpoint come from the SDK's standard
// chain (env, shared config/credentials files, SSO, IMDS; AWS_ENDPOINT_URL_POLLY or
// AWS_ENDPOINT_URL). Retries use the SDK's standard strategy: throttling, 5xx and
// network errors, exponential backoff with full jitter, a bounded number of attempts.
import { PollyClient } from '@aws-sdk/client-polly';
import { loadConfig, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { NegotiatingHttpHandler, httpVersionFromEnv, useNegotiatedHttpVersion, type PollyHttpVersion } from './http-handler.js';

export const DEFAULT_REGION = 'us-east-1';

export interface PollyRetryOptions {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Backoff base for 5xx and network errors, ms; doubles each retry, randomised (full jitter). */
  baseDelayMs: number;
  /** No single wait is longer than this, ms. Throttling starts from the SDK's 1 s base. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: PollyRetryOptions = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 20_000 };

export interface PollyClientOptions {
  retry?: Partial<PollyRetryOptions>;
  /** 'auto' (default, or NARRATE_POLLY_HTTP_VERSION) asks a custom endpoint which it speaks. */
  httpVersion?: PollyHttpVersion;
  /** Told once when no region is configured and us-east-1 is used. */
  onNote?: (message: string) => void;
}

export function createPollyClient(options: PollyClientOptions = {}): PollyClient {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const note = options.onNote ?? ((m: string) => process.stderr.write(`note: ${m}\n`));
  const requestHandler = new NegotiatingHttpHandler(options.httpVersion ?? httpVersionFromEnv());
  // The SDK warns on Node 20 (a dozen lines on stderr) that releases after January 2027
  // will need Node 22. That is about future SDK releases, not the one narrate ships with,
  // and narrate supports Node 20: the user has nothing to do about it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new PollyClient({
    region: regionOrDefault(note),
    requestHandler,
    retryStrategy: new StandardRetryStrategy({ maxAttempts: retry.maxAttempts, baseDelay: retry.baseDelayMs, backoff: new CappedJitterBackoff(retry.maxDelayMs) }),
  });
  useNegotiatedHttpVersion(client, requestHandler);
  return client;
}

function regionOrDefault(note: (m: string) => void): () => Promise<string> {
  const configured = loadConfig(NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS);
  let region: Promise<string> | undefined;
  return () =>
    (region ??= configured().then(
      (r) => r,
      () => {
        note(`no AWS region configured (AWS_REGION or a profile's region); using ${DEFAULT_REGION}`);
        return DEFAULT_REGION;
      },
    ));
}

/** Full jitter: a random wait in [0, min(base·2^attempt, cap)). */
class CappedJitterBackoff {
  private base = DEFAULT_RETRY.baseDelayMs;
  constructor(private readonly capMs: number) {}
  setDelayBase(delay: number): void {
    this.base = delay;
  }
  computeNextBackoffDelay(attempt: number): number {
    return Math.floor(Math.random() * Math.min(this.base * 2 ** attempt, this.capMs));
  }
}
