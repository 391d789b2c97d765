// Shared set-up for the fake-server tests: fake credentials in the environment and
// the endpoint given only through AWS_ENDPOINT_URL_POLLY, as a user would.
import type { VoiceProfile, PollyVoice } from '../../src/config/voices.js';
import { createPollyProvider, type PollyProviderOptions } from '../../src/providers/polly/index.js';
import { FakePolly } from '../support/fake-polly.js';

export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake/secret/key/for/tests' };
export const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

export function useFakeAwsEnv(endpoint: string, region: string | null = 'us-east-1'): void {
  process.env.AWS_ACCESS_KEY_ID = FAKE_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = FAKE_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  // Keep a developer's own ~/.aws files and instance metadata out of the tests.
  process.env.AWS_CONFIG_FILE = '/nonexistent/narrate-test-aws-config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/narrate-test-aws-credentials';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  delete process.env.AWS_ENDPOINT_URL;
  delete process.env.NARRATE_POLLY_HTTP_VERSION;
  process.env.AWS_ENDPOINT_URL_POLLY = endpoint;
  delete process.env.AWS_DEFAULT_REGION;
  if (region) process.env.AWS_REGION = region;
  else delete process.env.AWS_REGION;
}

export function pollyVoice(name: string, polly: Partial<PollyVoice> & { VoiceId: string }): VoiceProfile {
  return {
    name,
    label: name,
    local: { voice: 'en-us', rate: 165, pitch: 50 },
    mock: { msPerChar: 60 },
    polly: { Engine: 'neural', ...polly },
  };
}

export async function startFake(protocol: '1.1' | '2' = '1.1'): Promise<FakePolly> {
  const fake = await FakePolly.start(protocol);
  useFakeAwsEnv(fake.url);
  return fake;
}

export function provider(options: PollyProviderOptions = {}) {
  return createPollyProvider({ retry: FAST_RETRY, onNote: () => {}, ...options });
}

export const NARRATOR = pollyVoice('narrator', { VoiceId: 'Joanna', Engine: 'neural' });
