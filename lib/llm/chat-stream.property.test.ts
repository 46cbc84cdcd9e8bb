import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAITestServer, type Scenario, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { createClient } from '@/lib/llm/client';
import { LlmError } from '@/lib/llm/llm-error';
import { streamTranslation } from '@/lib/llm/translate';

let server: OpenAITestServer;
let scenario: Scenario = { kind: 'stream', content: '' };

beforeAll(async () => {
  server = await startOpenAITestServer({ respond: () => scenario });
});
afterAll(() => server.close());

async function translate(): Promise<{ text: string; error: unknown }> {
  let text = '';
  try {
    await streamTranslation({
      client: createClient({ baseUrl: server.url, apiKey: 'sk-test', maxRetries: 0 }),
      model: 'gpt-4o-mini',
      article: seedArticle(),
      targetLanguage: 'English',
      onDelta: (delta) => {
        text += delta;
      },
    });
    return { text, error: null };
  } catch (error) {
    return { text, error };
  }
}

const content = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }).filter((value) => !/<think/i.test(value));

describe('SSE streams, over a real socket, whatever their framing', () => {
  it('deliver exactly the content for any delta size', async () => {
    await fc.assert(
      fc.asyncProperty(content, fc.integer({ min: 1, max: 64 }), async (text, chunkSize) => {
        scenario = { kind: 'stream', content: text, chunkSize };
        const result = await translate();
        expect(result.error).toBeNull();
        expect(result.text).toBe(text);
      }),
      { numRuns: 25 },
    );
  });

  it('end in stream-interrupted, keeping a prefix of the content, when cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(content, fc.integer({ min: 1, max: 16 }), fc.nat({ max: 20 }), async (text, chunkSize, cut) => {
        // The server splits by code points, never inside a character.
        const deltas = Math.ceil(Array.from(text).length / chunkSize);
        fc.pre(cut < deltas);
        scenario = { kind: 'stream', content: text, chunkSize, cutAfterChunks: cut };
        const result = await translate();
        expect(result.error).toBeInstanceOf(LlmError);
        expect((result.error as LlmError).appError.code).toBe('stream-interrupted');
        expect(text.startsWith(result.text)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
