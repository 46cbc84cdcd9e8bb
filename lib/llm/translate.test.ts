import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { createClient } from '@/lib/llm/client';
import { LlmError } from '@/lib/llm/llm-error';
import { streamTranslation } from '@/lib/llm/translate';

const article = seedArticle();
let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer();
});

afterEach(async () => {
  await server.close();
});

async function translate(signal?: AbortSignal) {
  const deltas: string[] = [];
  const result = await streamTranslation({
    client: createClient({ baseUrl: server.url, apiKey: 'sk-test', maxRetries: 0 }),
    model: 'gpt-4o-mini',
    article,
    targetLanguage: 'English',
    signal,
    onDelta: (text) => deltas.push(text),
  }).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { result, deltas, text: deltas.join('') };
}

describe('streamTranslation', () => {
  it('streams the seed translation delta by delta and reports usage', async () => {
    const { result, deltas, text } = await translate();
    expect(text).toBe(seedFixtures().translation);
    expect(deltas.length).toBeGreaterThan(50);
    expect(result.ok && result.value.usage).toMatchObject({ completionTokens: Math.ceil(text.length / 4) });
  });

  it('sends the translation prompt with the article, streaming and include_usage, without response_format', async () => {
    await translate();
    const request = server.requests.find((candidate) => candidate.method === 'POST');
    expect(request?.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(request?.body).not.toHaveProperty('response_format');
    expect(JSON.stringify(request?.body)).toContain('[p7] Bei den Präsidentschaftswahlen');
  });

  it('hides a reasoning block at the start of the answer', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: '<think>\nKeep “laut” as “according to”.\n</think>\n\nAn allegedly big deal.',
      chunkSize: 5,
    }));
    expect((await translate()).text).toBe('An allegedly big deal.');
  });

  it('throws answer-cut at the output limit, after delivering what arrived', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: 'An allegedly significant agreement',
      finishReason: 'length',
    }));
    const { result, text } = await translate();
    expect(text).toBe('An allegedly significant agreement');
    expect(!result.ok && result.error instanceof LlmError && result.error.appError.code).toBe('answer-cut');
  });

  it('throws stream-interrupted when the connection drops, after delivering what arrived', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: seedFixtures().translation,
      chunkSize: 40,
      cutAfterChunks: 3,
    }));
    const { result, text } = await translate();
    expect(seedFixtures().translation.startsWith(text)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
    expect(!result.ok && result.error instanceof LlmError && result.error.appError.code).toBe('stream-interrupted');
  });

  it('throws cancelled when aborted', async () => {
    server.setResponder(() => ({ kind: 'stream', content: seedFixtures().translation, chunkSize: 20, delayMs: 10 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { result, text } = await translate(controller.signal);
    expect(!result.ok && result.error instanceof LlmError && result.error.appError).toEqual({ code: 'cancelled' });
    expect(text.length).toBeLessThan(seedFixtures().translation.length);
  });

  it('maps a failing request, e.g. an unknown model', async () => {
    const result = await streamTranslation({
      client: createClient({ baseUrl: server.url, apiKey: '', maxRetries: 0 }),
      model: 'no-such-model',
      article,
      targetLanguage: 'English',
      onDelta: () => undefined,
    }).catch((error: unknown) => error);
    expect(result instanceof LlmError && result.appError).toEqual({
      code: 'model-not-found',
      model: 'no-such-model',
      host: new URL(server.url).host,
    });
  });
});
