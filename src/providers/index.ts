// Picks a provider by name. Each lives in its own folder behind TtsProvider.
import { NarrateError } from '../errors.js';
import { createLocalProvider } from './local/index.js';
import { createMockProvider } from './mock/index.js';
import type { ProviderName, TtsProvider } from './provider.js';

export const PROVIDER_NAMES: ProviderName[] = ['local', 'mock', 'polly'];

export interface ProviderOptions {
  /** The project lexicon (W3C PLS), for providers that upload one (Polly). */
  lexicon?: { file: string; text: string };
  pollyConcurrency?: number;
  /** One-off notes for the user (e.g. "no AWS region set, using us-east-1"). */
  onNote?: (message: string) => void;
}

export async function createProvider(name: string, options: ProviderOptions = {}): Promise<TtsProvider> {
  switch (name) {
    case 'local':
      return createLocalProvider({ onNote: options.onNote });
    case 'mock':
      return createMockProvider();
    case 'polly': {
      const polly = await loadPolly();
      const lexicons = options.lexicon ? [{ name: 'narrate', content: options.lexicon.text, source: options.lexicon.file }] : [];
      return polly.createPollyProvider({ lexicons, concurrency: options.pollyConcurrency, onNote: options.onNote });
    }
    default:
      throw new NarrateError(`unknown provider "${name}". Use one of: ${PROVIDER_NAMES.join(', ')}`);
  }
}

/** Loaded on demand: the AWS SDK is large and only Polly runs need it. */
export async function loadPolly(): Promise<typeof import('./polly/index.js')> {
  try {
    return await import('./polly/index.js');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new NarrateError(`Amazon Polly support is not installed (${(e as Error).message.split('\n')[0]}). Reinstall narrate (npm install), or run "npm ci" in its folder`);
  }
}
