// Turns what the SDK throws into one-line NarrateErrors that say what to do next.
import { NarrateError } from '../../errors.js';

interface AwsErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** "ThrottlingException: Rate exceeded (HTTP 400, 6 attempts)" */
export function describeAwsError(e: unknown): string {
  const err = (e ?? {}) as AwsErrorLike;
  const status = err.$metadata?.httpStatusCode;
  const attempts = err.$metadata?.attempts;
  const detail = [status ? `HTTP ${status}` : err.code, attempts && attempts > 1 ? `${attempts} attempts` : undefined].filter(Boolean).join(', ');
  const message = (err.message ?? String(e)).replace(/\s+/g, ' ').trim();
  return `${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${message}${detail ? ` (${detail})` : ''}`;
}

export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (e as AwsErrorLike)?.name === 'AbortError';
}

export function credentialsHint(e: unknown): string | undefined {
  const name = (e as AwsErrorLike)?.name;
  if (name === 'CredentialsProviderError') {
    return 'no AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a profile in ~/.aws/config';
  }
  if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || name === 'AccessDeniedException') {
    return `AWS refused the credentials (${describeAwsError(e)}). Check the keys, and that the IAM user may call polly:SynthesizeSpeech`;
  }
  return undefined;
}

/** The error for a SynthesizeSpeech that failed after every retry. */
export function synthesisError(e: unknown, segmentId: string, ssml: string, signal?: AbortSignal): NarrateError {
  if (e instanceof NarrateError) return e;
  if (isAbort(e, signal)) return new NarrateError(`${segmentId}: interrupted; finished segments are cached and a rerun resumes from them`, 130);
  const name = (e as AwsErrorLike)?.name;
  const oneLineSsml = ssml.replace(/\s*\n\s*/g, ' ');
  switch (name) {
    case 'InvalidSsmlException':
      return new NarrateError(`${segmentId}: Polly rejected the SSML (${describeAwsError(e)}). SSML sent: ${oneLineSsml}. Fix the markup in the script at this segment, or report a bug if narrate generated it`);
    case 'ThrottlingException':
      return new NarrateError(`${segmentId}: Polly kept throttling (${describeAwsError(e)}). Lower --polly-concurrency or ask AWS for a higher quota, then rerun: finished segments are cached`);
    case 'TextLengthExceededException':
      return new NarrateError(`${segmentId}: Polly says the request is too long (${describeAwsError(e)}); this is a narrate bug, please report it. SSML sent: ${oneLineSsml}`);
    case 'LexiconNotFoundException':
      return new NarrateError(`${segmentId}: ${describeAwsError(e)}. The lexicon was deleted during the run; rerun to upload it again`);
  }
  const hint = credentialsHint(e);
  if (hint) return new NarrateError(`${segmentId}: ${hint}`);
  return new NarrateError(`${segmentId}: Polly request failed: ${describeAwsError(e)}. Rerun to retry: finished segments are cached`);
}
