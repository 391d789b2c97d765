// Picks a provider by name. Each lives in its own folder behind TtsProvider.
import { NarrateError } from '../errors.js';
import { createLocalProvider } from './local/index.js';
import { createMockProvider } from './mock/index.js';
import type { ProviderName, TtsProvider } from './provider.js';

export const PROVIDER_NAMES: ProviderName[] = ['local', 'mock', 'polly'];

export async function createProvider(name: string): Promise<TtsProvider> {
  switch (name) {
    case 'local':
      return createLocalProvider();
    case 'mock':
      return createMockProvider();
    case 'polly':
      throw new NarrateError('the polly provider is not available in this build');
    default:
      throw new NarrateError(`unknown provider "${name}". Use one of: ${PROVIDER_NAMES.join(', ')}`);
  }
}
