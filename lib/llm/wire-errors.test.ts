/**
 * Every error response in tests/fixtures/wire, sent byte for byte by the test server, read by the
 * real SDK and mapped by the real mapping: what the reader sees, for each provider and server.
 */
import { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { loadWireErrorFixture, wireErrorFixtureNames, wireErrorScenario } from '@/tests/support/wire-error-fixtures';
import type { AppError } from '@/lib/errors';
import { createClient } from '@/lib/llm/client';
import { listModels, testConnection } from '@/lib/llm/connection';
import { describeEndpointError, refusedRequestField, toAppError } from '@/lib/llm/error-mapping';

/** A host that is plainly not Ollama: requests to it are sent to the test server (see remoteFetch). */
const REMOTE_BASE_URL = 'https://llm-gateway.example.test/v1';
const REMOTE_HOST = 'llm-gateway.example.test';
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

interface Expectation {
  /** The AppError for a chat request to a remote host. */
  error: AppError;
  /** describeEndpointError's reading. */
  words: string;
  server?: string | null;
  errorCode?: string | null;
  refusedField?: string | null;
}

const EXPECTED: Record<string, Expectation> = {
  'anthropic/invalid-api-key.json': {
    error: { code: 'auth-failed', status: 401, host: REMOTE_HOST, detail: 'invalid x-api-key' },
    words: 'invalid x-api-key',
    errorCode: 'authentication_error',
  },
  'anthropic/400-credit-balance-too-low.json': {
    error: {
      code: 'out-of-credit',
      status: 400,
      host: REMOTE_HOST,
      detail: expect.stringMatching(/^Your credit balance is too low/),
    },
    words: expect.stringMatching(/^Your credit balance is too low/),
    refusedField: null,
  },
  'api-gateway/message-forbidden.json': {
    error: { code: 'auth-failed', status: 403, host: REMOTE_HOST, detail: 'Forbidden' },
    words: 'Forbidden',
  },
  'azure-openai/deployment-not-found.json': {
    error: { code: 'model-not-found', model: 'gpt-4o-mini', host: REMOTE_HOST },
    words: expect.stringMatching(/^The API deployment for this resource does not exist/),
    errorCode: 'DeploymentNotFound',
  },
  'cloudflare/403-1010-browser-signature.html': {
    error: {
      code: 'request-blocked',
      status: 403,
      host: REMOTE_HOST,
      by: 'Cloudflare',
      detail: 'Access denied (Cloudflare error 1010)',
      reference: '8f1a2b3c4d5e6f70',
    },
    words: 'Access denied (Cloudflare error 1010)',
    server: 'cloudflare',
    errorCode: '1010',
  },
  'cloudflare/403-1020-plain-text.json': {
    error: {
      code: 'request-blocked',
      status: 403,
      host: REMOTE_HOST,
      by: 'Cloudflare',
      detail: 'Access denied by a firewall rule (Cloudflare error 1020)',
      reference: '8f1a2b3c4d5e6f71',
    },
    words: 'Access denied by a firewall rule (Cloudflare error 1020)',
    server: 'cloudflare',
    errorCode: '1020',
  },
  'cloudflare/403-challenge.html': {
    error: {
      code: 'request-blocked',
      status: 403,
      host: REMOTE_HOST,
      by: 'Cloudflare',
      detail: 'Just a moment... (Cloudflare challenge)',
      reference: '8f1a2b3c4d5e6f72',
    },
    words: 'Just a moment... (Cloudflare challenge)',
    errorCode: 'challenge',
  },
  'cloudflare/429-1015-rate-limited.html': {
    error: {
      code: 'rate-limited',
      retryAfterSeconds: 60,
      detail: 'You are being rate limited (Cloudflare error 1015)',
    },
    words: 'You are being rate limited (Cloudflare error 1015)',
  },
  'cloudflare/502-bad-gateway.html': {
    error: {
      code: 'gateway-error',
      status: 502,
      host: REMOTE_HOST,
      by: 'Cloudflare',
      detail: 'Bad Gateway (Cloudflare)',
      reference: '8f1a2b3c4d5e6f73',
    },
    words: 'Bad Gateway (Cloudflare)',
  },
  'cloudflare/520-unknown-error.html': {
    error: {
      code: 'gateway-error',
      status: 520,
      host: REMOTE_HOST,
      by: 'Cloudflare',
      detail: 'Web server is returning an unknown error (Cloudflare)',
      reference: '8f1a2b3c4d5e6520',
    },
    words: 'Web server is returning an unknown error (Cloudflare)',
  },
  'cloudflare/521-web-server-down.html': {
    error: expect.objectContaining({ code: 'gateway-error', status: 521, detail: 'Web server is down (Cloudflare)' }),
    words: 'Web server is down (Cloudflare)',
  },
  'cloudflare/522-connection-timed-out.html': {
    error: expect.objectContaining({ code: 'gateway-error', status: 522, detail: 'Connection timed out (Cloudflare)' }),
    words: 'Connection timed out (Cloudflare)',
  },
  'cloudflare/523-origin-unreachable.html': {
    error: expect.objectContaining({
      code: 'gateway-error',
      status: 523,
      detail: 'Origin is unreachable (Cloudflare)',
    }),
    words: 'Origin is unreachable (Cloudflare)',
  },
  'cloudflare/524-timeout.html': {
    error: expect.objectContaining({ code: 'gateway-error', status: 524, detail: 'A timeout occurred (Cloudflare)' }),
    words: 'A timeout occurred (Cloudflare)',
  },
  'envoy/503-upstream-reset.json': {
    error: {
      code: 'gateway-error',
      status: 503,
      host: REMOTE_HOST,
      by: 'Envoy',
      detail: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    },
    words: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    server: 'envoy',
  },
  'deepseek/402-insufficient-balance.json': {
    error: { code: 'out-of-credit', status: 402, host: REMOTE_HOST, detail: 'Insufficient Balance' },
    words: 'Insufficient Balance',
  },
  'fastapi/detail-list.json': {
    error: { code: 'bad-request', status: 422, detail: 'response_format: Extra inputs are not permitted' },
    words: 'response_format: Extra inputs are not permitted',
    errorCode: 'extra_forbidden',
    refusedField: 'response_format',
  },
  'fastapi/detail-string.json': {
    error: { code: 'endpoint-unreachable', host: REMOTE_HOST, detail: 'HTTP 404: Not Found' },
    words: 'Not Found',
  },
  'google-gemini/429-resource-exhausted.json': {
    // A per-minute limit, whatever its words say about billing: the wait comes from the body's RetryInfo.
    error: {
      code: 'rate-limited',
      retryAfterSeconds: 37,
      detail: expect.stringMatching(/^You exceeded your current quota/),
    },
    words: expect.stringMatching(/^You exceeded your current quota/),
    errorCode: 'RESOURCE_EXHAUSTED',
  },
  'google-gemini/invalid-api-key.json': {
    error: {
      code: 'auth-failed',
      status: 400,
      host: REMOTE_HOST,
      detail: 'API key not valid. Please pass a valid API key.',
    },
    words: 'API key not valid. Please pass a valid API key.',
    errorCode: 'INVALID_ARGUMENT',
    refusedField: null,
  },
  'google-gemini/location-not-supported.json': {
    error: {
      code: 'request-blocked',
      status: 400,
      host: REMOTE_HOST,
      detail: 'User location is not supported for the API use.',
    },
    words: 'User location is not supported for the API use.',
    errorCode: 'FAILED_PRECONDITION',
  },
  'google-gemini/unknown-field-frequency-penalty.json': {
    error: {
      code: 'bad-request',
      status: 400,
      detail: 'Invalid JSON payload received. Unknown name "frequency_penalty": Cannot find field.',
    },
    words: 'Invalid JSON payload received. Unknown name "frequency_penalty": Cannot find field.',
    errorCode: 'INVALID_ARGUMENT',
    refusedField: 'frequency_penalty',
  },
  'llama-cpp/exceed-context-size.json': {
    error: { code: 'context-too-long', detail: 'the request exceeds the available context size, try increasing it' },
    words: 'the request exceeds the available context size, try increasing it',
    errorCode: 'exceed_context_size_error',
    refusedField: null,
  },
  'lmstudio/unexpected-endpoint.json': {
    error: {
      code: 'endpoint-unreachable',
      host: REMOTE_HOST,
      detail: 'HTTP 404: Unexpected endpoint or method. (POST /chat/completions)',
    },
    words: 'Unexpected endpoint or method. (POST /chat/completions)',
  },
  'mistral/extra-forbidden-stream-options.json': {
    error: {
      code: 'bad-request',
      status: 422,
      detail: 'stream_options.include_usage: Extra inputs are not permitted',
    },
    words: 'stream_options.include_usage: Extra inputs are not permitted',
    errorCode: 'extra_forbidden',
    refusedField: 'stream_options',
  },
  'nginx/404-not-found.html': {
    error: { code: 'endpoint-unreachable', host: REMOTE_HOST, detail: 'HTTP 404: Not Found (nginx)' },
    words: 'Not Found (nginx)',
    server: 'nginx',
  },
  'nginx/413-request-entity-too-large.html': {
    error: { code: 'context-too-long', detail: 'Request Entity Too Large (nginx)' },
    words: 'Request Entity Too Large (nginx)',
  },
  'nginx/502-bad-gateway.html': {
    error: { code: 'gateway-error', status: 502, host: REMOTE_HOST, by: 'nginx', detail: 'Bad Gateway (nginx)' },
    words: 'Bad Gateway (nginx)',
    server: 'nginx',
  },
  'nginx/504-gateway-timeout.html': {
    error: { code: 'gateway-error', status: 504, host: REMOTE_HOST, by: 'nginx', detail: 'Gateway Time-out (nginx)' },
    words: 'Gateway Time-out (nginx)',
  },
  'ollama/origin-rejected.json': {
    // From a remote host an empty 403 is no Ollama: see the local case below.
    error: { code: 'request-blocked', status: 403, host: REMOTE_HOST },
    words: '',
    server: null,
  },
  'openai/invalid-api-key.json': {
    error: {
      code: 'auth-failed',
      status: 401,
      host: REMOTE_HOST,
      detail: expect.stringMatching(/^Incorrect API key provided: sk-proj-\*+abcd\./),
    },
    words: expect.stringMatching(/^Incorrect API key provided/),
    // OpenAI's API sits behind Cloudflare: its JSON errors carry Cloudflare's headers but are the API's own.
    server: 'cloudflare',
    errorCode: 'invalid_api_key',
  },
  'openai/region-not-supported.json': {
    error: {
      code: 'request-blocked',
      status: 403,
      host: REMOTE_HOST,
      detail: 'Country, region, or territory not supported',
    },
    words: 'Country, region, or territory not supported',
    errorCode: 'unsupported_country_region_territory',
  },
  'openai/unsupported-max-tokens.json': {
    error: {
      code: 'bad-request',
      status: 400,
      detail:
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    },
    words: expect.stringContaining("'max_tokens' is not supported"),
    errorCode: 'unsupported_parameter',
    refusedField: 'max_tokens',
  },
  'openai/unsupported-temperature.json': {
    error: expect.objectContaining({ code: 'bad-request', status: 400 }),
    words: expect.stringContaining("'temperature' does not support 0.2"),
    errorCode: 'unsupported_value',
    refusedField: 'temperature',
  },
  'openrouter/402-insufficient-credits.json': {
    error: {
      code: 'out-of-credit',
      status: 402,
      host: REMOTE_HOST,
      detail: 'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
    },
    words: 'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
  },
  'openrouter/provider-returned-error.json': {
    error: {
      code: 'bad-request',
      status: 400,
      detail: 'Provider returned error (DeepInfra: response_format json_schema is not supported by this model)',
    },
    words: 'Provider returned error (DeepInfra: response_format json_schema is not supported by this model)',
    refusedField: 'response_format',
  },
  'plain-text/internal-server-error.json': {
    error: { code: 'server-error', status: 500, host: REMOTE_HOST, detail: 'Internal Server Error' },
    words: 'Internal Server Error',
  },
  'vllm/context-too-long.json': {
    error: { code: 'context-too-long', detail: expect.stringContaining('maximum context length is 4096 tokens') },
    words: expect.stringContaining('maximum context length'),
    refusedField: null,
  },
  'vllm/extra-forbidden-python-list.json': {
    error: {
      code: 'bad-request',
      status: 400,
      detail: expect.stringContaining("'loc': ('body', 'stream_options')"),
    },
    words: expect.stringContaining('Extra inputs are not permitted'),
    errorCode: 'BadRequestError',
    refusedField: 'stream_options',
  },
  'xai/incorrect-api-key.json': {
    error: {
      code: 'auth-failed',
      status: 400,
      host: REMOTE_HOST,
      detail: 'Incorrect API key provided: xa***cd. You can obtain an API key from https://console.x.ai.',
    },
    words: expect.stringMatching(/^Incorrect API key provided/),
    refusedField: null,
  },
};

let server: OpenAITestServer;

beforeAll(async () => {
  server = await startOpenAITestServer();
});

afterAll(async () => {
  await server.close();
});

/** fetch that sends requests for the remote-looking host to the test server, as DNS would. */
const remoteFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  return fetch(url.replace(REMOTE_BASE_URL, server.url), init);
};

async function thrownBy(request: () => Promise<unknown>): Promise<unknown> {
  try {
    await request();
  } catch (error) {
    return error;
  }
  throw new Error('the request did not fail');
}

function remoteClient() {
  return createClient({ baseUrl: REMOTE_BASE_URL, apiKey: 'sk-test', maxRetries: 0, fetch: remoteFetch });
}

const chat = () =>
  remoteClient().chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
    stream: true,
    stream_options: { include_usage: true },
  });

describe('the wire corpus of error responses', () => {
  it('has an expectation for every fixture, and every fixture names its source', () => {
    const names = wireErrorFixtureNames();
    expect(names).toEqual(Object.keys(EXPECTED).sort());
    for (const name of names) expect(loadWireErrorFixture(name).source.length).toBeGreaterThan(30);
  });
});

describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
  const fixture = loadWireErrorFixture(name);

  it('a chat request: the reader sees the endpoint’s words, never markup, and the right diagnosis', async () => {
    server.setResponder(() => wireErrorScenario(fixture));
    const error = await thrownBy(chat);
    const appError = toAppError(error, { host: REMOTE_HOST, model: 'gpt-4o-mini', origin: ORIGIN });
    expect(appError).toEqual(expected.error);
    expect(JSON.stringify(appError)).not.toMatch(/<[a-z!/]/i);
    expect(appError.code).not.toBe('origin-rejected');
  });

  it('describeEndpointError and refusedRequestField read it', async () => {
    server.setResponder(() => wireErrorScenario(fixture));
    const error = await thrownBy(chat);
    if (!(error instanceof APIError)) throw new Error('not an SDK error');
    const described = describeEndpointError(error);
    expect(described.words).toEqual(expected.words);
    expect(described.words.length).toBeLessThanOrEqual(300);
    if (expected.server !== undefined) expect(described.server).toBe(expected.server);
    if (expected.errorCode !== undefined) expect(described.errorCode).toBe(expected.errorCode);
    expect(refusedRequestField(error)).toBe(expected.refusedField ?? null);
    expect(described.refusedField).toBe(expected.refusedField ?? null);
  });

  it('Test connection and List models report the same, once (no retry loop)', async () => {
    server.setResponder(() => wireErrorScenario(fixture));
    const before = server.requests.length;
    const tested = await testConnection(
      { baseUrl: REMOTE_BASE_URL, apiKey: 'sk-test', model: 'gpt-4o-mini' },
      { fetch: remoteFetch, origin: ORIGIN },
    );
    expect(tested.ok).toBe(false);
    if (!tested.ok) expect(tested.error).toEqual(expected.error);
    const listed = await listModels(
      { baseUrl: REMOTE_BASE_URL, apiKey: 'sk-test' },
      { fetch: remoteFetch, origin: ORIGIN },
    );
    expect(listed.ok).toBe(false);
    if (!listed.ok) expect(JSON.stringify(listed.error)).not.toMatch(/<[a-z!/]/i);
    if (fixture.status === 403) {
      // One request each: a 403 is never retried.
      expect(server.requests.length - before).toBe(2);
    }
  });
});

describe('a 403 from a server on this machine', () => {
  async function mappedLocal(scenario: Parameters<OpenAITestServer['setResponder']>[0]) {
    server.setResponder(scenario);
    const client = createClient({ baseUrl: server.url, apiKey: '', maxRetries: 0 });
    const error = await thrownBy(() => client.models.list());
    return toAppError(error, { host: new URL(server.url).host, model: '', origin: ORIGIN });
  }

  it('empty (Ollama refusing the origin): the OLLAMA_ORIGINS advice', async () => {
    const fixture = loadWireErrorFixture('ollama/origin-rejected.json');
    expect(await mappedLocal(() => wireErrorScenario(fixture))).toEqual({
      code: 'origin-rejected',
      host: new URL(server.url).host,
      origin: ORIGIN,
    });
  });

  it('naming the origin: the same advice', async () => {
    expect(
      await mappedLocal(() => ({ kind: 'error', status: 403, body: { error: 'origin not allowed' } })),
    ).toMatchObject({ code: 'origin-rejected' });
  });

  it('a firewall page, even on a local address: blocked, never the Ollama advice', async () => {
    const fixture = loadWireErrorFixture('cloudflare/403-1010-browser-signature.html');
    expect(await mappedLocal(() => wireErrorScenario(fixture))).toMatchObject({
      code: 'request-blocked',
      detail: 'Access denied (Cloudflare error 1010)',
    });
  });

  it('from a remote host naming the origin: blocked, not the key and not Ollama', async () => {
    server.setResponder(() => ({ kind: 'error', status: 403, body: { error: 'CORS: origin not allowed' } }));
    const error = await thrownBy(() => remoteClient().models.list());
    expect(toAppError(error, { host: REMOTE_HOST, model: '', origin: ORIGIN })).toEqual({
      code: 'request-blocked',
      status: 403,
      host: REMOTE_HOST,
      detail: 'CORS: origin not allowed',
    });
  });
});

describe('a plain-text 403 from a remote host', () => {
  it('is a blocked request, not a rejected key: a proxy in the way is as likely', async () => {
    server.setResponder(() => ({
      kind: 'error',
      status: 403,
      headers: { 'content-type': 'text/plain', server: 'uvicorn' },
      body: 'Forbidden',
    }));
    const error = await thrownBy(chat);
    expect(toAppError(error, { host: REMOTE_HOST, model: 'gpt-4o-mini', origin: ORIGIN })).toEqual({
      code: 'request-blocked',
      status: 403,
      host: REMOTE_HOST,
      detail: 'Forbidden',
    });
  });
});
