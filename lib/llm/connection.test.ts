import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  maskApiKey,
  type OpenAITestServer,
  rateLimitError,
  startOpenAITestServer,
} from '@/tests/support/openai-test-server';
import { loadTranscript, replayTranscript } from '@/tests/support/wire-transcript';
import { listModels, testConnection } from '@/lib/llm/connection';
import { createShapeMemory } from '@/lib/llm/request-shape-memory';

const API_KEY = 'sk-test-connection-9876';
let server: OpenAITestServer;
let host: string;

beforeEach(async () => {
  server = await startOpenAITestServer({ apiKey: API_KEY, models: ['zeta-model', 'gpt-4o-mini', 'alpha-model'] });
  host = new URL(server.url).host;
});

afterEach(async () => {
  await server.close();
});

describe('testConnection', () => {
  it('sends what a job sends, streamed, and reports what it learnt', async () => {
    const result = await testConnection({ baseUrl: server.url, apiKey: API_KEY, model: 'gpt-4o-mini' });
    expect(result).toEqual({
      ok: true,
      model: 'gpt-4o-mini',
      latencyMs: expect.any(Number),
      reply: '{"ok":true}',
      structured: 'json_schema',
      usageReported: true,
      reasoning: false,
      dropped: [],
    });
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      response_format: { type: 'json_schema' },
    });
  });

  it('measures latency to the end of the answer', async () => {
    server.setResponder(async (request) =>
      request.method === 'POST' ? { kind: 'stream', content: '{"ok":true}', headersDelayMs: 120 } : undefined,
    );
    const result = await testConnection({ baseUrl: server.url, apiKey: API_KEY, model: 'gpt-4o-mini' });
    expect(result.ok && result.latencyMs).toBeGreaterThanOrEqual(100);
  });

  it('is connected after dropping a refused field, says which, and the next job starts without it', async () => {
    server.setResponder(replayTranscript(loadTranscript('strict-proxy/stream-options-rejected')));
    const memory = createShapeMemory();
    const result = await testConnection({ baseUrl: server.url, apiKey: API_KEY, model: 'gpt-4o-mini' }, { memory });
    expect(result).toMatchObject({ ok: true, usageReported: false, dropped: ['stream_options'] });
    expect(memory.get(new URL(server.url).origin, 'gpt-4o-mini')).toMatchObject({ streamUsage: false });
  });

  it('never says Connected for an endpoint whose every answer stops without finishing', async () => {
    server.setResponder(() => ({ kind: 'stream', content: '{"ok":', endAfterChunks: 1 }));
    const result = await testConnection({ baseUrl: server.url, apiKey: API_KEY, model: 'gpt-4o-mini' });
    expect(result).toMatchObject({ ok: false, error: { code: 'stream-interrupted' } });
  });

  it('returns auth-failed for a wrong key, without throwing', async () => {
    const result = await testConnection({ baseUrl: server.url, apiKey: 'sk-wrong-key-abcd', model: 'gpt-4o-mini' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'auth-failed', status: 401, host, detail: invalidApiKeyDetail('sk-wrong-key-abcd') },
    });
  });

  it('sends no Authorization header for an empty key', async () => {
    const result = await testConnection({ baseUrl: server.url, apiKey: '', model: 'gpt-4o-mini' });
    expect(result).toMatchObject({ ok: false, error: { code: 'auth-failed', status: 401 } });
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('returns model-not-found for a model the endpoint lacks', async () => {
    const result = await testConnection({ baseUrl: server.url, apiKey: API_KEY, model: 'gpt-9' });
    expect(result).toEqual({ ok: false, error: { code: 'model-not-found', model: 'gpt-9', host } });
  });

  it('returns rate-limited at once, without the SDK’s retries', async () => {
    server.setResponder(() => rateLimitError({ retryAfterSeconds: 30 }));
    const result = await testConnection({ baseUrl: server.url, apiKey: API_KEY, model: 'gpt-4o-mini' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rate-limited', retryAfterSeconds: 30 } });
    expect(server.requests).toHaveLength(1);
  });

  it('returns missing-model when no model is given', async () => {
    expect(await testConnection({ baseUrl: server.url, apiKey: API_KEY, model: '  ' })).toEqual({
      ok: false,
      error: { code: 'missing-model' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('returns endpoint-unreachable when nothing listens', async () => {
    const closed = await startOpenAITestServer();
    await closed.close();
    const result = await testConnection({ baseUrl: closed.url, apiKey: '', model: 'gpt-4o-mini' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'endpoint-unreachable', host: new URL(closed.url).host },
    });
  });
});

describe('listModels', () => {
  it('lists the endpoint’s models, sorted', async () => {
    expect(await listModels({ baseUrl: server.url, apiKey: API_KEY })).toEqual({
      ok: true,
      models: ['alpha-model', 'gpt-4o-mini', 'zeta-model'],
    });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
  });

  it('accepts a base URL with a trailing slash', async () => {
    expect(await listModels({ baseUrl: `${server.url}/`, apiKey: API_KEY })).toMatchObject({ ok: true });
  });

  it('returns auth-failed for a wrong key', async () => {
    expect(await listModels({ baseUrl: server.url, apiKey: 'sk-nope-1234' })).toMatchObject({
      ok: false,
      error: { code: 'auth-failed', status: 401, host },
    });
  });

  it('returns endpoint-unreachable for a base URL without /v1', async () => {
    const result = await listModels({ baseUrl: server.url.replace(/\/v1$/, ''), apiKey: API_KEY });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'endpoint-unreachable', host, detail: expect.stringMatching(/404/) },
    });
  });
});

function invalidApiKeyDetail(apiKey: string): string {
  return `Incorrect API key provided: ${maskApiKey(apiKey)}. You can find your API key at https://platform.openai.com/account/api-keys.`;
}
