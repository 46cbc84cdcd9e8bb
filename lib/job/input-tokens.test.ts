import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_RATIO } from '@/lib/budget/request-plan';
import { JobManager } from '@/lib/job/job-manager';
import { createLlmRunners } from '@/lib/job/llm-runners';
import { DEFAULT_SETTINGS, NO_OVERRIDE, type Settings } from '@/lib/settings';
import { createFakeJobEnvironment } from '@/tests/support/fake-job-environment';
import { longArticle } from '@/tests/support/long-article';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { messagesText } from '@/tests/support/seed-fixtures';

/**
 * Issue 4's bound, held on what really goes out: every chat request a job sends, for articles of
 * 500 to 20,000 words, counted with gpt-4o-mini's real tokenizer against the article's own tokens.
 * The instructions are paid on every request; this fails when they grow past what the bound allows.
 */
const API_KEY = 'sk-input-tokens';
let server: OpenAITestServer;

beforeAll(async () => {
  server = await startOpenAITestServer({ apiKey: API_KEY });
});

afterAll(async () => {
  await server.close();
});

describe('input tokens of a whole job, counted with o200k', () => {
  it.each([500, 2_000, 8_000, 20_000])(
    'stay within 2.3× the article’s for %i words',
    async (words) => {
      const article = longArticle(words);
      const settings: Settings = {
        ...DEFAULT_SETTINGS,
        baseUrl: server.url,
        model: 'gpt-4o-mini',
        // The server is on loopback, which would get a local server's small window: gpt-4o-mini's limits.
        modelOverrides: {
          'gpt-4o-mini': { ...NO_OVERRIDE, contextTokens: 128_000, maxOutputTokens: 16_384 },
        },
        parallelRequests: 6,
      };
      const manager = new JobManager(
        createFakeJobEnvironment({
          article,
          settings,
          apiKey: API_KEY,
          ...createLlmRunners({ origin: 'chrome-extension://test' }),
        }),
      );
      const before = server.requests.length;
      await manager.start(1, { source: 'article', force: true });
      expect(manager.get(1)?.status).toBe('done');

      const chats = server.requests.slice(before).filter((request) => request.path === '/v1/chat/completions');
      const inputTokens = chats.reduce((sum, request) => sum + countTokens(messagesText(Object(request.body))), 0);
      const articleTokens = countTokens(article.paragraphs.map((paragraph) => paragraph.text).join('\n'));
      expect(inputTokens / articleTokens).toBeLessThanOrEqual(MAX_INPUT_RATIO);
    },
    60_000,
  );
});
