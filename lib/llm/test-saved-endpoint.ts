import { loadCredentialFor } from '@/lib/endpoint-credential';
import type { ConnectionTestResult, EndpointDraft } from '@/lib/messaging';
import { type ConnectionClientOptions, testConnection } from '@/lib/llm/connection';

/**
 * Test connection for the options page: the base URL and model it sends, with the key and headers saved
 * for that base URL's origin (none for any other origin). The page itself never sends a key for this.
 */
export async function testSavedEndpoint(
  endpoint: Omit<EndpointDraft, 'apiKey'>,
  clientOptions: ConnectionClientOptions = {},
): Promise<ConnectionTestResult> {
  const { apiKey, headers } = await loadCredentialFor(endpoint.baseUrl);
  return testConnection({ ...endpoint, apiKey }, { ...clientOptions, headers });
}
