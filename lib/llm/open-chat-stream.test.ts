import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { loadTranscript, replayTranscript } from '@/tests/support/wire-transcript';
import { streamAnalysis } from '@/lib/llm/analyse';
import { createClient } from '@/lib/llm/client';
import { createShapeMemory, type ShapeStore } from '@/lib/llm/request-shape-memory';
import { streamTranslation } from '@/lib/llm/translate';

// Some cases parse the seed's whole analysis as it streams, twice: seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setResponder(null);
});

const client = () => createClient({ baseUrl: server.url, apiKey: 'sk-shape', maxRetries: 0 });
const chatBodies = () =>
  server.requests
    .filter((request) => request.method === 'POST')
    .map((request) => request.body as Record<string, unknown>);
const translate = (memory = createShapeMemory()) =>
  streamTranslation({
    client: client(),
    model: 'gpt-4o-mini',
    article: seedArticle(),
    targetLanguage: 'English',
    memory,
    onDelta: () => undefined,
  });
const analyse = (memory = createShapeMemory()) =>
  streamAnalysis({ client: client(), model: 'gpt-4o-mini', article: seedArticle(), targetLanguage: 'English', memory });

describe('openChatStream: refused fields', () => {
  it('sends a refused stream_options once, then never again for that endpoint and model', async () => {
    server.setResponder(replayTranscript(loadTranscript('strict-proxy/stream-options-rejected')));
    const memory = createShapeMemory();
    await translate(memory);
    expect(chatBodies().map((body) => 'stream_options' in body)).toEqual([true, false]);
    server.requests.length = 0;
    await analyse(memory);
    await translate(memory);
    expect(chatBodies().map((body) => 'stream_options' in body)).toEqual([false, false]);
  });

  it('keeps what it learnt in storage, for the next service worker', async () => {
    server.setResponder(replayTranscript(loadTranscript('openai/temperature-unsupported')));
    let stored: unknown = null;
    const store: ShapeStore = {
      load: async () => stored,
      save: async (record) => {
        stored = record;
      },
    };
    await translate(createShapeMemory(store));
    server.requests.length = 0;
    await translate(createShapeMemory(store));
    expect(chatBodies()).toHaveLength(1);
    expect(chatBodies()[0]).not.toHaveProperty('temperature');
  });

  it('steps down from json_schema to json_object to the prompt alone, once each', async () => {
    server.setResponder((request) => {
      const body = request.body as Record<string, unknown> | null;
      return body && 'response_format' in body
        ? {
            kind: 'error',
            status: 400,
            body: { error: { message: 'response_format is not supported by this server', param: 'response_format' } },
          }
        : undefined;
    });
    const outcome = await analyse();
    expect(outcome.mode).toBe('prompt');
    expect(chatBodies().map((body) => (body.response_format as { type?: string } | undefined)?.type ?? 'none')).toEqual(
      ['json_schema', 'json_object', 'none'],
    );
  });

  it('never loops: an endpoint that refuses everything gets a bounded number of requests, and its words', async () => {
    server.setResponder((request) =>
      request.method === 'POST'
        ? { kind: 'error', status: 422, body: 'Unprocessable request', headers: { 'content-type': 'text/plain' } }
        : undefined,
    );
    await expect(analyse()).rejects.toMatchObject({ appError: { code: 'bad-request', status: 422 } });
    // The full request, then one plain retry without every optional field: no more.
    expect(chatBodies()).toHaveLength(2);
    expect(chatBodies()[1]).toEqual(expect.not.objectContaining({ stream_options: expect.anything() }));
  });

  it('does not retry a refusal about something else', async () => {
    server.setResponder((request) =>
      request.method === 'POST'
        ? {
            kind: 'error',
            status: 400,
            body: {
              error: {
                message: "This model's maximum context length is 8192 tokens.",
                code: 'context_length_exceeded',
              },
            },
          }
        : undefined,
    );
    await expect(translate()).rejects.toMatchObject({ appError: { code: 'context-too-long' } });
    expect(chatBodies()).toHaveLength(1);
  });
});
