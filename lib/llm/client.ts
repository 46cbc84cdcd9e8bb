import OpenAI from 'openai';
import { presetForEndpoint } from '@/lib/preset-for-endpoint';

export interface CreateClientOptions {
  baseUrl: string;
  /** May be empty: local servers (Ollama, LM Studio) take none. Whether one is required is the caller's check. */
  apiKey: string;
  /** Custom headers saved with the key for this endpoint (lib/custom-headers.ts), sent with every request. */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Tests pass 0 so a 429 or 500 fails at once instead of after the SDK's back-off. */
  maxRetries?: number;
  timeoutMs?: number;
}

/**
 * Two retries on connection errors, 408, 409, 429 and 5xx, with the SDK's back-off (which
 * honours `retry-after`/`retry-after-ms` up to 60 s). Streams are never retried once the
 * answer has started, so a retry cannot duplicate text.
 */
const DEFAULT_MAX_RETRIES = 2;

/**
 * The SDK's timeout covers the wait for the response headers, not the whole stream. A local
 * server may first load the model into memory and evaluate a long prompt: two minutes covers
 * that, while a dead endpoint still fails in reasonable time.
 */
const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * For clients whose requests go through an endpoint queue (endpoint-queue.ts): the queue owns
 * retries on 429, 5xx and failed connections, so the SDK retries nothing, or a 429 would be sent
 * again by both and retries would multiply. The queue also times the wait for response headers
 * from when a request leaves it; the SDK's timeout would count the time spent waiting for a slot,
 * so it is set far out, as a last resort only.
 */
export const QUEUED_CLIENT_OPTIONS = { maxRetries: 0, timeoutMs: 60 * 60 * 1000 } as const;

/** The SDK refuses to start without a credential; this one is never sent (see below). */
const NO_KEY_PLACEHOLDER = 'sk-no-key-required';

/** The only place that builds an OpenAI client: retries, timeout and browser use are configured here once. */
export function createClient(options: CreateClientOptions): OpenAI {
  const apiKey = options.apiKey.trim();
  // Azure OpenAI takes its key in an `api-key` header, not as a Bearer token (its preset says so).
  const keyHeader = presetForEndpoint(options.baseUrl)?.quirks.keyHeader ?? 'authorization';
  const keyHeaders = !apiKey
    ? { Authorization: null }
    : keyHeader === 'api-key'
      ? { 'api-key': apiKey, Authorization: null }
      : {};
  return new OpenAI({
    baseURL: options.baseUrl.trim().replace(/\/+$/, ''),
    apiKey: apiKey || NO_KEY_PLACEHOLDER,
    // With no key, send no Authorization header at all rather than a made-up one: local servers
    // ignore it, and a proxy that does want a key answers 401, which we report as such.
    defaultHeaders: { ...options.headers, ...keyHeaders },
    // The key is the user's own, entered in the options page and sent only to the endpoint they chose.
    dangerouslyAllowBrowser: true,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch,
    // Pin these so an OPENAI_ORG_ID / OPENAI_PROJECT_ID in a developer's environment never leaks into requests.
    organization: null,
    project: null,
  });
}
