import type OpenAI from 'openai';
import { createClient, QUEUED_CLIENT_OPTIONS } from '@/lib/llm/client';
import type { QueuedRequestHooks } from '@/lib/llm/endpoint-queue';
import { endpointQueueFor } from '@/lib/llm/endpoint-queue-registry';

/**
 * The client a source check sends with: its requests go through the endpoint's one queue
 * (lib/llm/endpoint-queue-registry.ts), shared with every job of this service worker, so checks
 * and jobs together keep to the endpoint's parallel-request setting and rate-limit pauses. The
 * queue owns retries, so the SDK's are off (QUEUED_CLIENT_OPTIONS), as for a job's parts.
 */
export function sourceCheckClient(options: {
  baseUrl: string;
  apiKey: string;
  headers?: Record<string, string>;
  /** The endpoint's parallel-request setting (lib/budget/parallel-requests.ts by default). */
  parallelRequests: number;
  fetch?: typeof globalThis.fetch;
  onPause?: QueuedRequestHooks['onPause'];
}): OpenAI {
  const queue = endpointQueueFor(options.baseUrl, options.apiKey, options.parallelRequests);
  return createClient({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    headers: options.headers,
    ...QUEUED_CLIENT_OPTIONS,
    fetch: queue.bind(options.fetch ?? globalThis.fetch.bind(globalThis), { onPause: options.onPause }),
  });
}
