import { parseEndpoint } from '@/lib/llm/endpoint';
import { PROVIDER_IDS, PROVIDERS, type ProviderPreset } from '@/lib/providers';

/** Azure OpenAI resources: `<resource>.openai.azure.com`, and the Foundry form `<resource>.cognitiveservices.azure.com`. */
const AZURE_HOST = /\.(openai|cognitiveservices)\.azure\.com$/;

/**
 * The preset whose endpoint a Base URL is, so the request side can send that provider's working
 * shape first (its quirks); null for anything else, including a local server on a port no preset
 * names. Matched by origin, and for Azure by host, whatever the provider chosen in Options says:
 * a user may pick Custom and paste a known provider's URL.
 */
export function presetForEndpoint(baseUrl: string): ProviderPreset | null {
  const endpoint = parseEndpoint(baseUrl);
  if (!endpoint) return null;
  if (AZURE_HOST.test(endpoint.hostname)) return PROVIDERS.azure;
  for (const id of PROVIDER_IDS) {
    const preset = PROVIDERS[id];
    if (preset.baseUrl && parseEndpoint(preset.baseUrl)?.origin === endpoint.origin) return preset;
  }
  return null;
}
