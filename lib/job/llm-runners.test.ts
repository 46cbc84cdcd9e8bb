import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRequests } from '@/lib/budget/request-plan';
import type { LlmRequest } from '@/lib/job/job-environment';
import { createLlmRunners } from '@/lib/job/llm-runners';
import type { EndpointPause } from '@/lib/llm/endpoint-pause';
import { LlmError } from '@/lib/llm/llm-error';
import { type OpenAITestServer, rateLimitError, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';

const article = seedArticle();
let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer({ apiKey: 'sk-runners' });
});

afterEach(async () => {
  await server.close();
});

function request(pauses: Array<EndpointPause | null>): LlmRequest & { onDelta(text: string): void } {
  return {
    baseUrl: server.url,
    apiKey: 'sk-runners',
    model: 'gpt-4o-mini',
    article,
    targetLanguage: 'English',
    signal: new AbortController().signal,
    plan: planRequests(article, {
      model: 'gpt-4o-mini',
      targetLanguage: 'English',
      limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
      parallelRequests: 6,
      translate: true,
    }),
    onPause: (pause) => pauses.push(pause),
    onThinking: () => undefined,
    onActivity: () => undefined,
    onDelta: () => undefined,
  };
}

/** A 429 whose wait is short enough for a test: retry-after-ms is what OpenAI sends alongside retry-after. */
const briefRateLimit = () => ({ ...rateLimitError({ retryAfterSeconds: null }), headers: { 'retry-after-ms': '150' } });

describe('createLlmRunners', () => {
  it('sits out a 429 for its retry-after and then finishes, sending the request once more and no more', async () => {
    let limited = false;
    server.setResponder((incoming) => {
      if (incoming.path !== '/v1/chat/completions' || limited) return undefined;
      limited = true;
      return briefRateLimit();
    });
    const pauses: Array<EndpointPause | null> = [];
    const runners = createLlmRunners({ origin: 'chrome-extension://test' });
    const result = await runners.runTranslation(request(pauses));
    expect(result.usage?.completionTokens).toBe(Math.ceil(seedFixtures().translation.length / 4));
    expect(server.requests.filter((incoming) => incoming.path === '/v1/chat/completions')).toHaveLength(2);
    expect(pauses.map((pause) => pause?.reason ?? null)).toEqual(['rate-limit', null]);
  });

  it('gives up after five 429s with the rate-limited error and its wait', async () => {
    server.setResponder((incoming) =>
      incoming.path === '/v1/chat/completions'
        ? { ...rateLimitError({ retryAfterSeconds: null }), headers: { 'retry-after-ms': '20' } }
        : undefined,
    );
    const runners = createLlmRunners({ origin: 'chrome-extension://test' });
    const error = await runners.runTranslation(request([])).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ appError: { code: 'rate-limited', retryAfterSeconds: 0.02 } });
    expect(server.requests.filter((incoming) => incoming.path === '/v1/chat/completions')).toHaveLength(5);
  });
});
