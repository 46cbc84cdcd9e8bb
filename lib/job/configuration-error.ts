import type { AppError } from '@/lib/errors';
import { endpointHost } from '@/lib/llm/endpoint';
import { PROVIDERS } from '@/lib/providers';
import type { Settings } from '@/lib/settings';

/**
 * What stops anything from being sent with these settings, before a request: no model chosen
 * (`missing-model`), or no key saved for a provider that needs one (`missing-api-key`, naming the
 * endpoint's host). Null when a request can go out. A job and a source check ask the same.
 */
export function configurationError(settings: Settings, apiKey: string): AppError | null {
  if (!settings.model) return { code: 'missing-model' };
  if (!apiKey && PROVIDERS[settings.provider].keyRequired) {
    return { code: 'missing-api-key', host: endpointHost(settings.baseUrl) };
  }
  return null;
}
