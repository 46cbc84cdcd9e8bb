/**
 * What the test server can be told to answer, and helpers that build the error answers real
 * endpoints give (bodies and headers as OpenAI and Ollama send them).
 */

import type { WireTranscript } from '@/tests/support/wire-transcript';

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The parsed JSON body; null when there was none, the raw text when it was not JSON. */
  body: unknown;
  /** `Date.now()` when the request had been read, body included. */
  receivedAt: number;
  /** `Date.now()` when its request line and headers arrived, before the body was read. */
  arrivedAt?: number;
  /** `Date.now()` when the first content delta of its streamed answer was written. */
  firstContentAt?: number;
  /** `Date.now()` when the connection closed before the answer was complete: a client abort, or a cutting scenario. */
  clientClosedAt?: number;
}

export type Scenario =
  | StreamScenario
  | { kind: 'json'; content: string; finishReason?: 'stop' | 'length' }
  | {
      kind: 'error';
      status: number;
      /** An object is sent as JSON, a string as it is ('' for an empty body). Defaults to OpenAI's shape. */
      body?: unknown;
      headers?: Record<string, string>;
      /** false: answer without CORS headers, as Ollama does for an origin it does not allow. */
      cors?: boolean;
    }
  /** GET /v1/models: the list in OpenAI's shape. */
  | { kind: 'models'; models: string[] }
  /** Never answers; the request stays open until the client gives up or the server closes. */
  | { kind: 'hang' }
  /** A wire transcript (tests/fixtures/wire/), replayed with this request's answer in it. */
  | { kind: 'wire'; transcript: WireTranscript };

export interface StreamScenario {
  kind: 'stream';
  content: string;
  /** Characters per content delta (default 24). */
  chunkSize?: number;
  /** Pause between deltas (default 0: every delta is still written on its own). */
  delayMs?: number;
  /** Pause after the role chunk, before the first content delta. */
  firstTokenDelayMs?: number;
  /**
   * Paces the content like a model generating this many tokens a second (a token counted as four
   * characters): whatever is due is sent every few milliseconds, measured against the clock so
   * timer jitter does not add up. Replaces chunkSize and delayMs.
   */
  tokensPerSecond?: number;
  /** Pause before the status line and headers: a slow prompt evaluation or model load. */
  headersDelayMs?: number;
  finishReason?: 'stop' | 'length' | 'content_filter';
  /** Destroy the socket after this many content deltas: the answer stops mid-way, without [DONE]. */
  cutAfterChunks?: number;
  /** End the response cleanly after this many content deltas, without finish chunk or [DONE] (a proxy giving up). */
  endAfterChunks?: number;
  /** Send a `data:` line that is not JSON after this many content deltas. */
  malformedLineAfter?: number;
  /** Sent as `delta.refusal` instead of content, as OpenAI does when the model declines. */
  refusal?: string;
}

export type Responder = (request: RecordedRequest) => Scenario | undefined | Promise<Scenario | undefined>;

export function openAIErrorBody(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

/** The key as OpenAI shows it in the 401 message: first three characters, stars, last four. */
export function maskApiKey(apiKey: string): string {
  if (apiKey.length <= 8) return `${apiKey.slice(0, 3)}***`;
  return `${apiKey.slice(0, 3)}${'*'.repeat(Math.min(20, apiKey.length - 7))}${apiKey.slice(-4)}`;
}

export function invalidApiKeyError(apiKey: string): Scenario {
  return {
    kind: 'error',
    status: 401,
    body: openAIErrorBody(
      `Incorrect API key provided: ${maskApiKey(apiKey)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      'invalid_api_key',
    ),
  };
}

export function missingApiKeyError(): Scenario {
  return {
    kind: 'error',
    status: 401,
    body: openAIErrorBody(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      'invalid_request_error',
      null,
    ),
  };
}

export function modelNotFoundError(model: string): Scenario {
  return {
    kind: 'error',
    status: 404,
    body: openAIErrorBody(
      `The model \`${model}\` does not exist or you do not have access to it.`,
      'invalid_request_error',
      'model_not_found',
    ),
  };
}

/** 429 with `retry-after` and the x-ratelimit-* headers OpenAI sends. `retryAfterSeconds: null` omits retry-after. */
export function rateLimitError(options: { retryAfterSeconds?: number | null; model?: string } = {}): Scenario {
  const seconds = options.retryAfterSeconds === undefined ? 20 : options.retryAfterSeconds;
  const model = options.model ?? 'gpt-4o-mini';
  return {
    kind: 'error',
    status: 429,
    headers: {
      ...(seconds === null ? {} : { 'retry-after': String(seconds) }),
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${seconds ?? 20}s`,
      'x-ratelimit-limit-tokens': '40000',
      'x-ratelimit-remaining-tokens': '38210',
      'x-ratelimit-reset-tokens': '2.685s',
    },
    body: openAIErrorBody(
      `Rate limit reached for ${model} in organization org-sourcelens on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${seconds ?? 20}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
      'requests',
      'rate_limit_exceeded',
    ),
  };
}

/** The other 429: no credit left. Waiting does not help, so no retry-after. */
export function insufficientQuotaError(): Scenario {
  return {
    kind: 'error',
    status: 429,
    body: openAIErrorBody(
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
      'insufficient_quota',
      'insufficient_quota',
    ),
  };
}

export function contextLengthError(options: { limit?: number; requested?: number } = {}): Scenario {
  const limit = options.limit ?? 128000;
  const requested = options.requested ?? 131072;
  return {
    kind: 'error',
    status: 400,
    body: openAIErrorBody(
      `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${requested} tokens. Please reduce the length of the messages.`,
      'invalid_request_error',
      'context_length_exceeded',
      'messages',
    ),
  };
}

export function unsupportedResponseFormatError(type: 'json_schema' | 'json_object' = 'json_schema'): Scenario {
  return {
    kind: 'error',
    status: 400,
    body: openAIErrorBody(
      `Invalid parameter: 'response_format' of type '${type}' is not supported with this model.`,
      'invalid_request_error',
      null,
      'response_format',
    ),
  };
}

export function serverError(status: 500 | 502 | 503 = 500): Scenario {
  const message =
    status === 503
      ? 'The engine is currently overloaded, please try again later.'
      : 'The server had an error while processing your request. Sorry about that!';
  return { kind: 'error', status, body: openAIErrorBody(message, 'server_error', null) };
}

/** What Ollama answers to a request whose Origin it does not allow (OLLAMA_ORIGINS): 403, empty body, no CORS. */
export function ollamaOriginRejected(): Scenario {
  return { kind: 'error', status: 403, body: '', cors: false };
}
