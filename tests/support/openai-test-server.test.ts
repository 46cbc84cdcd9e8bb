import { afterEach, describe, expect, it } from 'vitest';
import { PROMPT_MARKERS } from '@/lib/llm/prompts';
import {
  contextLengthError,
  insufficientQuotaError,
  type OpenAITestServer,
  ollamaOriginRejected,
  rateLimitError,
  serverError,
  startOpenAITestServer,
  unsupportedResponseFormatError,
} from '@/tests/support/openai-test-server';
import { seedFixtures } from '@/tests/support/seed-fixtures';

let server: OpenAITestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(options: Parameters<typeof startOpenAITestServer>[0] = {}) {
  server = await startOpenAITestServer(options);
  return server;
}

function chatRequest(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...headers },
    body: JSON.stringify(body),
  });
}

const analysisMessages = [
  { role: 'system', content: `${PROMPT_MARKERS.analysis}\nInstructions.` },
  { role: 'user', content: '<article>\n[p1] Text.\n</article>' },
];
const translationMessages = [
  { role: 'system', content: `${PROMPT_MARKERS.translation}\nInstructions.` },
  { role: 'user', content: '<article>\n[p1] Text.\n</article>' },
];

/** Splits a raw SSE body into its `data:` payloads, checking the framing on the way. */
function ssePayloads(raw: string): string[] {
  expect(raw.endsWith('\n\n')).toBe(true);
  return raw
    .split('\n\n')
    .filter((event) => event !== '')
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      expect(event.includes('\n')).toBe(false);
      return event.slice('data: '.length);
    });
}

describe('streaming wire format', () => {
  it('streams role chunk, content deltas, finish chunk, usage chunk and [DONE]', async () => {
    const { url } = await start({
      respond: (request) =>
        request.path === '/v1/chat/completions'
          ? { kind: 'stream', content: 'Hallo Welt, wie geht’s? 👋', chunkSize: 5 }
          : undefined,
    });
    const response = await chatRequest(url, {
      model: 'gpt-4o-mini',
      messages: translationMessages,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');

    const payloads = ssePayloads(await response.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload));
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: 'gpt-4o-mini' });
      expect(chunk.id).toMatch(/^chatcmpl-/);
      expect(typeof chunk.created).toBe('number');
      expect(typeof chunk.system_fingerprint).toBe('string');
    }
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);

    const [first, ...rest] = chunks;
    expect(first.choices).toEqual([
      { index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null },
    ]);
    const usageChunk = rest.pop();
    const finishChunk = rest.pop();
    expect(finishChunk.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: 7 });
    expect(usageChunk.usage.total_tokens).toBe(usageChunk.usage.prompt_tokens + usageChunk.usage.completion_tokens);

    const pieces = rest.map((chunk) => chunk.choices[0].delta.content);
    expect(pieces.join('')).toBe('Hallo Welt, wie geht’s? 👋');
    // Split by code points: the emoji arrives whole.
    expect(pieces).toEqual(['Hallo', ' Welt', ', wie', ' geht', '’s? 👋']);
    for (const chunk of rest) expect(chunk.choices[0].finish_reason).toBeNull();
  });

  it('sends no usage chunk unless stream_options.include_usage is set, and finish_reason length on request', async () => {
    const { url } = await start({ respond: () => ({ kind: 'stream', content: 'abc', finishReason: 'length' }) });
    const response = await chatRequest(url, { model: 'gpt-4o-mini', messages: translationMessages, stream: true });
    const payloads = ssePayloads(await response.text());
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload));
    expect(chunks.some((chunk) => chunk.choices.length === 0)).toBe(false);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('length');
  });

  it('streams the seed fixtures by default, telling analysis and translation requests apart', async () => {
    const { url } = await start();
    const fixtures = seedFixtures();
    const read = async (messages: unknown[]) => {
      const response = await chatRequest(url, { model: 'gpt-4o-mini', messages, stream: true });
      const payloads = ssePayloads(await response.text()).slice(0, -1);
      return payloads.map((payload) => JSON.parse(payload).choices[0]?.delta.content ?? '').join('');
    };
    expect(await read(analysisMessages)).toBe(fixtures.analysis);
    expect(await read(translationMessages)).toBe(fixtures.translation);
  });

  it('answers a non-streamed request with a chat.completion object', async () => {
    const { url } = await start();
    const response = await chatRequest(url, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Say OK' }] });
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.json();
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }],
      usage: { completion_tokens: 1 },
    });
  });

  it('drops the connection mid-stream when told to, without [DONE]', async () => {
    const { url } = await start({
      respond: () => ({ kind: 'stream', content: 'x'.repeat(100), chunkSize: 10, cutAfterChunks: 3 }),
    });
    const response = await chatRequest(url, { model: 'gpt-4o-mini', messages: translationMessages, stream: true });
    const decoder = new TextDecoder();
    let received = '';
    const reader = response.body?.getReader();
    await expect(
      (async () => {
        for (;;) {
          const part = await reader?.read();
          if (!part || part.done) return;
          received += decoder.decode(part.value, { stream: true });
        }
      })(),
    ).rejects.toThrow();
    expect(received).toContain('xxxxxxxxxx');
    expect(received).not.toContain('[DONE]');
  });

  it('sends a line that is not JSON when told to', async () => {
    const { url } = await start({
      respond: () => ({ kind: 'stream', content: 'abcdef', chunkSize: 2, malformedLineAfter: 1 }),
    });
    const response = await chatRequest(url, { model: 'gpt-4o-mini', messages: translationMessages, stream: true });
    const payloads = ssePayloads(await response.text());
    expect(() => payloads.map((payload) => (payload === '[DONE]' ? null : JSON.parse(payload)))).toThrow(SyntaxError);
  });
});

describe('default checks', () => {
  it('rejects a wrong key with OpenAI’s 401 body', async () => {
    const { url } = await start({ apiKey: 'sk-right-key-0000' });
    const response = await chatRequest(
      url,
      { model: 'gpt-4o-mini', messages: [] },
      { authorization: 'Bearer sk-wrong-key-abcd' },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const body = await response.json();
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key', param: null });
    expect(body.error.message).toMatch(
      /^Incorrect API key provided: sk-\*+abcd\. You can find your API key at https:\/\/platform\.openai\.com\/account\/api-keys\.$/,
    );
  });

  it('answers 404 model_not_found for a model it does not list', async () => {
    const { url } = await start({ models: ['only-this'] });
    const response = await chatRequest(url, { model: 'gpt-9', messages: [] });
    expect(response.status).toBe(404);
    expect((await response.json()).error).toEqual({
      message: 'The model `gpt-9` does not exist or you do not have access to it.',
      type: 'invalid_request_error',
      param: null,
      code: 'model_not_found',
    });
  });

  it('lists models in OpenAI’s shape', async () => {
    const { url } = await start({ models: ['b-model', 'a-model'] });
    const response = await fetch(`${url}/models`);
    expect(await response.json()).toEqual({
      object: 'list',
      data: [
        { id: 'b-model', object: 'model', created: expect.any(Number), owned_by: 'system' },
        { id: 'a-model', object: 'model', created: expect.any(Number), owned_by: 'system' },
      ],
    });
  });

  it('answers CORS preflights with the SDK’s headers allowed', async () => {
    const { url, requests } = await start();
    const response = await fetch(`${url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdefghijklmnop',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-os,x-stainless-retry-count',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'authorization',
      'content-type',
      'x-stainless-os',
      'x-stainless-retry-count',
      'x-stainless-timeout',
    ]) {
      expect(allowed).toContain(header);
    }
    expect(requests.map((request) => request.method)).toEqual(['OPTIONS']);
  });

  it('emulates Ollama’s origin check: 403, empty body, no CORS headers', async () => {
    const { url } = await start({ allowedOrigins: ['http://localhost', 'http://127.0.0.1:*'] });
    const rejected = await chatRequest(
      url,
      { model: 'gpt-4o-mini', messages: [] },
      { origin: 'chrome-extension://abc' },
    );
    expect(rejected.status).toBe(403);
    expect(await rejected.text()).toBe('');
    expect(rejected.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await chatRequest(url, { model: 'gpt-4o-mini', messages: [] }, { origin: 'http://127.0.0.1:5173' });
    expect(allowed.status).toBe(200);
  });

  it('records method, path, headers, parsed body and time', async () => {
    const { url, requests } = await start();
    const before = Date.now();
    await chatRequest(url, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(requests[0]?.receivedAt).toBeGreaterThanOrEqual(before);
  });
});

describe('error helpers', () => {
  it.each([
    [
      'rate limit',
      rateLimitError({ retryAfterSeconds: 7 }),
      429,
      'rate_limit_exceeded',
      { 'retry-after': '7', 'x-ratelimit-reset-requests': '7s' },
    ],
    ['quota', insufficientQuotaError(), 429, 'insufficient_quota', {}],
    ['context length', contextLengthError(), 400, 'context_length_exceeded', {}],
    ['response_format', unsupportedResponseFormatError(), 400, null, {}],
    ['server error', serverError(503), 503, null, {}],
  ])('%s: status, body and headers as the real API', async (_name, scenario, status, code, headers) => {
    const { url } = await start({ respond: () => scenario });
    const response = await chatRequest(url, { model: 'gpt-4o-mini', messages: [] });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    for (const [name, value] of Object.entries(headers)) expect(response.headers.get(name)).toBe(value);
    const body = await response.json();
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(body.error).toHaveProperty('param');
  });

  it('words the response_format refusal as OpenAI does', async () => {
    const { url } = await start({ respond: () => unsupportedResponseFormatError('json_schema') });
    const body = await (await chatRequest(url, { model: 'gpt-4o-mini', messages: [] })).json();
    expect(body.error).toEqual({
      message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
      type: 'invalid_request_error',
      param: 'response_format',
      code: null,
    });
  });

  it('gives the Ollama origin answer through a responder too', async () => {
    const { url } = await start({ respond: () => ollamaOriginRejected() });
    const response = await chatRequest(url, { model: 'gpt-4o-mini', messages: [] });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
  });
});
