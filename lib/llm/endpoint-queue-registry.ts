import { endpointOrigin } from '@/lib/llm/endpoint';
import { EndpointQueue } from '@/lib/llm/endpoint-queue';

/**
 * The one queue of each endpoint, shared by every job and tab of this service worker. An
 * endpoint is its origin plus the key (hashed, so keys do not sit in a map's keys): two keys
 * on one origin have separate rate limits, and so separate queues.
 */
const queues = new Map<string, EndpointQueue>();

export function endpointQueueFor(baseUrl: string, apiKey: string, concurrency: number): EndpointQueue {
  const id = `${endpointOrigin(baseUrl)}#${fnv1a(apiKey.trim())}`;
  const existing = queues.get(id);
  if (existing) {
    // The setting may have changed since the queue was made; requests already running keep their slots.
    existing.concurrency = Math.max(1, concurrency);
    return existing;
  }
  const queue = new EndpointQueue({ concurrency });
  queues.set(id, queue);
  return queue;
}

/** FNV-1a, 32 bits: a cheap, stable fingerprint (not a secret-keeping hash: the key stays in memory anyway). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
