import { APIError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contextLengthError,
  insufficientQuotaError,
  invalidApiKeyError,
  modelNotFoundError,
  type OpenAITestServer,
  ollamaOriginRejected,
  openAIErrorBody,
  rateLimitError,
  type Scenario,
  serverError,
  startOpenAITestServer,
  unsupportedResponseFormatError,
} from '@/tests/support/openai-test-server';
import type { AppError } from '@/lib/errors';
import { createClient } from '@/lib/llm/client';
import { retryAfterSeconds, toAppError } from '@/lib/llm/error-mapping';
import { LlmError } from '@/lib/llm/llm-error';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
let server: OpenAITestServer;
let host: string;

beforeEach(async () => {
  server = await startOpenAITestServer();
  host = new URL(server.url).host;
});

afterEach(async () => {
  await server.close();
});

/** The error the real SDK throws for a scenario, mapped as the app maps it. */
async function mapped(
  scenario: Scenario,
  options: { stream?: boolean; timeoutMs?: number; signal?: AbortSignal } = {},
) {
  server.setResponder(() => scenario);
  const client = createClient({ baseUrl: server.url, apiKey: 'sk-test', maxRetries: 0, timeoutMs: options.timeoutMs });
  try {
    if (options.stream) {
      const stream = await client.chat.completions.create(
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true },
        { signal: options.signal },
      );
      for await (const _chunk of stream) {
        // read to the end, or to the failure
      }
    } else {
      await client.chat.completions.create(
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
        { signal: options.signal },
      );
    }
  } catch (error) {
    return toAppError(error, { host, model: 'gpt-4o-mini', origin: ORIGIN, duringStream: false });
  }
  throw new Error('the request did not fail');
}

describe('toAppError with real SDK errors from the test server', () => {
  const cases: [string, () => Scenario, (host: string) => AppError][] = [
    [
      '401 invalid key',
      () => invalidApiKeyError('sk-wrong-abcd'),
      (host) => ({
        code: 'auth-failed',
        status: 401,
        host,
        detail: expect.stringMatching(/^Incorrect API key provided: sk-\*+abcd\./),
      }),
    ],
    [
      '403 with a body (region)',
      () => ({
        kind: 'error',
        status: 403,
        body: openAIErrorBody(
          'Country, region, or territory not supported',
          'request_forbidden',
          'unsupported_country_region_territory',
        ),
      }),
      // A region refusal is no key problem.
      (host) => ({ code: 'request-blocked', status: 403, host, detail: 'Country, region, or territory not supported' }),
    ],
    [
      '403 empty body (Ollama origin)',
      ollamaOriginRejected,
      (host) => ({ code: 'origin-rejected', host, origin: ORIGIN }),
    ],
    [
      '403 naming the origin',
      () => ({ kind: 'error', status: 403, body: { error: 'origin not allowed' } }),
      (host) => ({ code: 'origin-rejected', host, origin: ORIGIN }),
    ],
    [
      '404 model_not_found',
      () => modelNotFoundError('gpt-4o-mini'),
      (host) => ({ code: 'model-not-found', model: 'gpt-4o-mini', host }),
    ],
    [
      '404 Ollama model not pulled',
      () => ({
        kind: 'error',
        status: 404,
        body: openAIErrorBody('model "gpt-4o-mini" not found, try pulling it first', 'api_error', null),
      }),
      (host) => ({ code: 'model-not-found', model: 'gpt-4o-mini', host }),
    ],
    [
      '404 wrong path',
      () => ({
        kind: 'error',
        status: 404,
        body: openAIErrorBody('Invalid URL (POST /chat/completions)', 'invalid_request_error', null),
      }),
      (host) => ({ code: 'endpoint-unreachable', host, detail: 'HTTP 404: Invalid URL (POST /chat/completions)' }),
    ],
    [
      '429 retry-after seconds',
      () => rateLimitError({ retryAfterSeconds: 7 }),
      () => ({ code: 'rate-limited', retryAfterSeconds: 7, detail: expect.stringContaining('Rate limit reached') }),
    ],
    [
      '429 retry-after-ms',
      () => ({ kind: 'error', status: 429, headers: { 'retry-after-ms': '1500' } }),
      () => ({ code: 'rate-limited', retryAfterSeconds: 1.5, detail: 'HTTP 429' }),
    ],
    [
      '429 quota, no retry-after',
      insufficientQuotaError,
      // No wait ends an exhausted quota: this is a billing matter, not a rate limit.
      (host) => ({
        code: 'out-of-credit',
        status: 429,
        host,
        detail: expect.stringContaining('exceeded your current quota'),
      }),
    ],
    [
      '400 context_length_exceeded',
      contextLengthError,
      () => ({ code: 'context-too-long', detail: expect.stringContaining('maximum context length is 128000 tokens') }),
    ],
    [
      '400 context length without a code (vLLM)',
      () => ({
        kind: 'error',
        status: 400,
        body: openAIErrorBody(
          "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens.",
          'BadRequestError',
          null,
        ),
      }),
      () => ({ code: 'context-too-long', detail: expect.any(String) }),
    ],
    [
      '400 other',
      unsupportedResponseFormatError,
      () => ({
        code: 'bad-request',
        status: 400,
        detail: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
      }),
    ],
    [
      '422',
      () => ({ kind: 'error', status: 422, body: { detail: 'unprocessable' } }),
      () => ({ code: 'bad-request', status: 422, detail: expect.any(String) }),
    ],
    [
      '500',
      () => serverError(500),
      (host) => ({
        code: 'server-error',
        status: 500,
        host,
        detail: expect.stringContaining('The server had an error'),
      }),
    ],
    [
      '503',
      () => serverError(503),
      (host) => ({ code: 'server-error', status: 503, host, detail: expect.stringContaining('overloaded') }),
    ],
  ];

  it.each(cases)('%s', async (_name, scenario, expected) => {
    expect(await mapped(scenario())).toEqual(expected(host));
  });

  it('a stream cut mid-way → stream-interrupted', async () => {
    const appError = await mapped(
      { kind: 'stream', content: 'x'.repeat(200), chunkSize: 10, cutAfterChunks: 2 },
      { stream: true },
    );
    expect(appError).toMatchObject({ code: 'stream-interrupted' });
  });

  it('an error event inside the stream → the endpoint reported an error mid-answer, with its words', () => {
    // What the SDK throws for `data: {"error": {...}}` in a stream that had started.
    const appError = toAppError(new APIError(undefined, { message: 'upstream failed' }, undefined, new Headers()), {
      host,
      model: 'm',
    });
    expect(appError).toEqual({ code: 'endpoint-error-mid-answer', host, detail: 'upstream failed' });
    // vLLM's error object without choices, as the SDK hands it over.
    const vllm = new APIError(
      undefined,
      { object: 'error', message: 'CUDA out of memory', code: 500 },
      undefined,
      new Headers(),
    );
    expect(toAppError(vllm, { host, model: 'm' })).toEqual({
      code: 'endpoint-error-mid-answer',
      host,
      detail: 'CUDA out of memory',
    });
  });

  it('a timeout → endpoint-unreachable', async () => {
    expect(await mapped({ kind: 'hang' }, { timeoutMs: 50 })).toMatchObject({ code: 'endpoint-unreachable', host });
  });

  it('an abort → cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(await mapped({ kind: 'hang' }, { signal: controller.signal })).toEqual({ code: 'cancelled' });
  });

  it('nothing listening → endpoint-unreachable, naming the cause', async () => {
    const closed = await startOpenAITestServer();
    await closed.close();
    const client = createClient({ baseUrl: closed.url, apiKey: 'sk-test', maxRetries: 0 });
    const error = await client.models.list().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    const closedHost = new URL(closed.url).host;
    expect(toAppError(error, { host: closedHost, model: '' })).toEqual({
      code: 'endpoint-unreachable',
      host: closedHost,
      detail: expect.stringMatching(/Connection error\..*ECONNREFUSED/),
    });
  });
});

describe('toAppError with an endpoint that echoes the key back', () => {
  /** Shaped like no provider's prefix: only knowing the key can find it. */
  const KEY = 'gateway-Zq81-canary-7m2x-Tt40';

  async function mappedWith(scenario: Scenario, apiKey: string | undefined) {
    server.setResponder(() => scenario);
    const client = createClient({ baseUrl: server.url, apiKey: KEY, maxRetries: 0 });
    try {
      await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    } catch (error) {
      return toAppError(error, { host, model: 'gpt-4o-mini', origin: ORIGIN, apiKey });
    }
    throw new Error('the request did not fail');
  }

  const echoes: [string, Scenario][] = [
    [
      '401',
      {
        kind: 'error',
        status: 401,
        body: openAIErrorBody(`Incorrect API key provided: ${KEY}.`, 'invalid_request_error', 'invalid_api_key'),
      },
    ],
    ['403', { kind: 'error', status: 403, body: openAIErrorBody(`Key ${KEY} is disabled`, 'permission_error', null) }],
    ['400', { kind: 'error', status: 400, body: openAIErrorBody(`Invalid token: ${KEY}`, 'invalid_request', null) }],
    [
      '429',
      {
        kind: 'error',
        status: 429,
        body: openAIErrorBody(`Rate limit reached for key ${KEY}`, 'requests', 'rate_limit_exceeded'),
      },
    ],
    ['500', { kind: 'error', status: 500, body: openAIErrorBody(`upstream refused ${KEY}`, 'server_error', null) }],
  ];

  it.each(echoes)(
    '%s: keeps the endpoint’s words, with the key cut to its last four characters',
    async (_name, scenario) => {
      const appError = await mappedWith(scenario, KEY);
      const detail = 'detail' in appError ? String(appError.detail) : '';
      expect(JSON.stringify(appError)).not.toContain(KEY.slice(0, -4));
      expect(detail).toContain('…Tt40');
    },
  );

  it('redacts a prefixed key even where the caller does not pass the key', async () => {
    const openAiStyle = 'sk-proj-0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P';
    const appError = await mappedWith(
      {
        kind: 'error',
        status: 401,
        body: openAIErrorBody(
          `Incorrect API key provided: ${openAiStyle}.`,
          'invalid_request_error',
          'invalid_api_key',
        ),
      },
      undefined,
    );
    expect(appError).toEqual({ code: 'auth-failed', status: 401, host, detail: 'Incorrect API key provided: …4o5P.' });
  });

  it('redacts an error already mapped further down (an LlmError) once the key is known', () => {
    const inner = new LlmError({ code: 'auth-failed', status: 401, host, detail: `bad key ${KEY}` });
    expect(toAppError(inner, { host, model: 'm', apiKey: KEY })).toEqual({
      code: 'auth-failed',
      status: 401,
      host,
      detail: 'bad key …Tt40',
    });
  });
});

describe('toAppError with other values', () => {
  const context = { host: 'api.example.com', model: 'm' };

  it('passes an AppError and an LlmError through', () => {
    const appError: AppError = { code: 'answer-cut', detail: 'x' };
    expect(toAppError(appError, context)).toBe(appError);
    expect(toAppError(new LlmError(appError), context)).toBe(appError);
  });

  it('maps a DOM AbortError to cancelled', () => {
    expect(toAppError(new DOMException('The operation was aborted.', 'AbortError'), context)).toEqual({
      code: 'cancelled',
    });
  });

  it.each([
    [new TypeError('terminated')],
    [new TypeError('network error')],
    [new SyntaxError('Error reading response: malformed server-sent event JSON.')],
  ])('maps a broken body (%s) to stream-interrupted', (error) => {
    expect(toAppError(error, context)).toMatchObject({ code: 'stream-interrupted' });
  });

  it('maps anything during a stream to stream-interrupted', () => {
    expect(toAppError(new Error('reader gone'), { ...context, duringStream: true })).toEqual({
      code: 'stream-interrupted',
      detail: 'reader gone',
    });
  });

  it('maps the rest to unknown, keeping the message', () => {
    expect(toAppError(new Error('boom'), context)).toEqual({ code: 'unknown', detail: 'boom' });
    expect(toAppError(undefined, context)).toEqual({ code: 'unknown', detail: '' });
    const systemError = Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' });
    expect(toAppError(systemError, context)).toEqual({ code: 'unknown', detail: 'connect failed' });
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2025-02-14T12:00:00Z');
  it.each([
    [{ 'retry-after': '20' }, 20],
    [{ 'retry-after': '0.5' }, 0.5],
    [{ 'retry-after-ms': '250', 'retry-after': '20' }, 0.25],
    [{ 'retry-after': 'Fri, 14 Feb 2025 12:00:30 GMT' }, 30],
    [{ 'retry-after': 'Fri, 14 Feb 2025 11:00:00 GMT' }, 0],
    [{ 'x-ratelimit-reset-requests': '1m30s' }, 90],
    [{ 'x-ratelimit-reset-requests': '250ms' }, 0.25],
    [{ 'x-ratelimit-reset-tokens': '2.685s' }, 2.685],
    [{ 'retry-after': 'soon' }, null],
    [{}, null],
  ])('%j → %s', (headers, expected) => {
    expect(retryAfterSeconds(new Headers(headers), now)).toBe(expected);
  });
});
