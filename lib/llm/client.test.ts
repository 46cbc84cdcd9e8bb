import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAITestServer, serverError, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { createClient } from '@/lib/llm/client';

let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer();
});

afterEach(async () => {
  await server.close();
});

describe('createClient', () => {
  it('sends the key as a bearer token to the base URL', async () => {
    await createClient({ baseUrl: server.url, apiKey: ' sk-abc ' }).models.list();
    expect(server.requests[0]).toMatchObject({ path: '/v1/models', headers: { authorization: 'Bearer sk-abc' } });
  });

  it('sends no Authorization header when the key is empty (local servers)', async () => {
    await createClient({ baseUrl: server.url, apiKey: '' }).models.list();
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('sends custom headers with every request, with or without a key', async () => {
    const headers = { 'HTTP-Referer': 'https://sourcelens.dev', 'X-Title': 'Sourcelens' };
    await createClient({ baseUrl: server.url, apiKey: 'sk-abc', headers }).models.list();
    await createClient({ baseUrl: server.url, apiKey: '', headers }).models.list();
    for (const request of server.requests) {
      expect(request.headers).toMatchObject({ 'http-referer': 'https://sourcelens.dev', 'x-title': 'Sourcelens' });
    }
    expect(server.requests[0]?.headers).toMatchObject({ authorization: 'Bearer sk-abc' });
    expect(server.requests[1]?.headers).not.toHaveProperty('authorization');
  });

  it('sends the key in an api-key header, and no bearer token, to an Azure OpenAI resource', async () => {
    const seen: Headers[] = [];
    const recordingFetch: typeof fetch = async (_input, init) => {
      seen.push(new Headers(init?.headers));
      return new Response(JSON.stringify({ object: 'list', data: [] }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const baseUrl = 'https://contoso.openai.azure.com/openai/v1';
    await createClient({ baseUrl, apiKey: 'azure-key-0123', fetch: recordingFetch }).models.list();
    expect(seen[0]?.get('api-key')).toBe('azure-key-0123');
    expect(seen[0]?.has('authorization')).toBe(false);
  });

  it('retries a 500 twice by default, and not at all with maxRetries 0', async () => {
    server.setResponder(() => ({ ...serverError(500), headers: { 'retry-after-ms': '1' } }));
    await expect(createClient({ baseUrl: server.url, apiKey: 'k' }).models.list()).rejects.toThrow();
    expect(server.requests).toHaveLength(3);
    await expect(createClient({ baseUrl: server.url, apiKey: 'k', maxRetries: 0 }).models.list()).rejects.toThrow();
    expect(server.requests).toHaveLength(4);
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await createClient({ baseUrl: `${server.url}/`, apiKey: 'k', fetch: recordingFetch }).models.list();
    expect(calls).toEqual([`${server.url}/models`]);
  });
});
