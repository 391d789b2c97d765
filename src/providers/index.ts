// Picks a provider by name. Each lives in its own folder behind TtsProvider.
import { NarrateError } from '../errors.js';
import { createLocalProvider } from './local/index.js';
import { createMockProvider } from './mock/index.js';
import type { ProviderName, TtsProvider } from './provider.js';

export const PROVIDER_NAMES: ProviderName[] = ['local', 'mock', 'polly'];

export interface ProviderOptions {
  lexiconFiles?: string[];
  pollyConcurrency?: number;
  /** One-off notes for the user (e.g. "no AWS region set, using us-east-1"). */
  onNote?: (message: string) => void;
}

export async function createProvider(name: string, options: ProviderOptions = {}): Promise<TtsProvider> {
  switch (name) {
    case 'local':
      return createLocalProvider();
    case 'mock':
      return createMockProvider();
    case 'polly': {
      // Loaded on demand: the AWS SDK is large and only Polly runs need it.
      const polly = await import('./polly/index.js');
      const lexicons = await Promise.all((options.lexiconFiles ?? []).map((f) => polly.loadLexiconFile(f)));
      return polly.createPollyProvider({ lexicons, concurrency: options.pollyConcurrency, onNote: options.onNote });
    }
    default:
      throw new NarrateError(`unknown provider "${name}". Use one of: ${PROVIDER_NAMES.join(', ')}`);
  }
}
