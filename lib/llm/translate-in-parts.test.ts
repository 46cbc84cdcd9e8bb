import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type OpenAITestServer, type RecordedRequest, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { requestParagraphs } from '@/tests/support/request-paragraphs';
import { seedArticle } from '@/tests/support/seed-article';
import { seedTranslationFor } from '@/tests/support/seed-fixtures';
import type { Article } from '@/lib/article/article';
import { type PlannedPart, planParts } from '@/lib/translation/plan-parts';
import { createClient, QUEUED_CLIENT_OPTIONS } from '@/lib/llm/client';
import { EndpointQueue } from '@/lib/llm/endpoint-queue';
import { LlmError } from '@/lib/llm/llm-error';
import { streamTranslationInParts } from '@/lib/llm/translate-in-parts';

const seed = seedArticle();
/** The seed's seven paragraphs three times over: p1–p21. */
const longArticle: Article = {
  ...seed,
  paragraphs: [...seed.paragraphs, ...seed.paragraphs, ...seed.paragraphs].map((paragraph, index) => ({
    id: `p${index + 1}`,
    text: paragraph.text,
  })),
};
const countWords = (text: string) => text.split(/\s+/).length;
const threeParts = planParts(longArticle.paragraphs, {
  maxPartTokens: 10_000,
  targetParts: 3,
  countTokens: countWords,
});

let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer();
});

afterEach(async () => {
  await server.close();
});

/** Which part of the article a request is, from the `part k of n` in its task. */
function partOf(request: RecordedRequest): number {
  const match = JSON.stringify(request.body).match(/These are part (\d+) of/);
  return match ? Number(match[1]) - 1 : -1;
}

function translate(parts: PlannedPart[], options: { signal?: AbortSignal; concurrency?: number } = {}) {
  const queue = new EndpointQueue({ concurrency: options.concurrency ?? 6 });
  const deltas: Array<{ text: string; at: number }> = [];
  const result = streamTranslationInParts({
    client: createClient({
      baseUrl: server.url,
      apiKey: 'sk-test',
      ...QUEUED_CLIENT_OPTIONS,
      fetch: queue.bind(fetch),
    }),
    model: 'gpt-4o-mini',
    article: longArticle,
    targetLanguage: 'English',
    parts,
    signal: options.signal,
    onDelta: (text) => deltas.push({ text, at: performance.now() }),
  }).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { result, deltas, text: () => deltas.map((delta) => delta.text).join('') };
}

/** What the test server answers for each part, joined as the paragraphs of one translation. */
function expectedTranslation(parts: PlannedPart[]): string {
  return parts
    .map((part) => {
      const lines = part.pieces.map((piece) => `[${piece.paragraphId}] ${piece.text}`).join('\n');
      return seedTranslationFor({ messages: [{ content: `<article>\n${lines}\n</article>` }] });
    })
    .join('\n\n');
}

const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');

describe('streamTranslationInParts', () => {
  it('sends one request per part, all at once, each with the same instructions first and its own paragraphs', async () => {
    expect(threeParts).toHaveLength(3);
    const { result, text } = await translate(threeParts);
    await result;
    const requests = chatRequests();
    expect(requests.map(partOf).sort()).toEqual([0, 1, 2]);
    const systemMessages = new Set(
      requests.map((request) => JSON.stringify(Reflect.get(Object(request.body), 'messages')[0])),
    );
    expect(systemMessages.size).toBe(1);
    for (const request of requests) {
      const ids = requestParagraphs(request.body).map((paragraph) => paragraph.id);
      expect(ids).toEqual(threeParts[partOf(request)]?.pieces.map((piece) => piece.paragraphId));
    }
    const expected = expectedTranslation(threeParts);
    expect(text()).toBe(expected);
  });

  it('streams parts into place in order, even when a later part finishes first', async () => {
    server.setResponder((request) => {
      if (request.path !== '/v1/chat/completions') return undefined;
      // The first part streams slowest (about 0.7 s), the last one at once.
      const delayMs = [12, 4, 0][partOf(request)] ?? 0;
      return { kind: 'stream', content: seedTranslationFor(request.body), chunkSize: 40, delayMs };
    });
    const unordered = await translate(threeParts);
    await unordered.result;
    const { result, deltas, text } = unordered;
    expect((await result).ok).toBe(true);
    const expected = expectedTranslation(threeParts);
    expect(text()).toBe(expected);
    // When the last part's text first shows, the two before it are already complete.
    let shown = '';
    for (const delta of deltas) {
      if (delta.text.includes('[p15]') || `${shown}${delta.text}`.includes('[p15]')) break;
      shown += delta.text;
    }
    expect(shown).toBe(expected.slice(0, expected.indexOf('[p15]')));
  });

  it('sums the usage of every part', async () => {
    const { result } = await translate(threeParts);
    const outcome = await result;
    expect(outcome.ok && outcome.value.usage).toEqual({
      promptTokens: expect.any(Number),
      completionTokens: expect.any(Number),
      totalTokens: expect.any(Number),
    });
    const completion = chatRequests().length;
    expect(completion).toBe(3);
  });

  it('cancels every part at once: running streams and requests still queued', async () => {
    server.setResponder((request) =>
      request.path === '/v1/chat/completions'
        ? { kind: 'stream', content: seedTranslationFor(request.body), chunkSize: 10, delayMs: 20 }
        : undefined,
    );
    const controller = new AbortController();
    const { result, text } = translate(threeParts, { signal: controller.signal, concurrency: 2 });
    // Both running streams have begun (each lasts over a second); the third part waits in the queue.
    await vi.waitFor(() => expect(chatRequests()).toHaveLength(2));
    controller.abort();
    const outcome = await result;
    expect(!outcome.ok && outcome.error instanceof LlmError && outcome.error.appError).toEqual({ code: 'cancelled' });
    const shown = text();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Only two were ever sent (the queue's bound), and nothing more arrives after the cancel.
    expect(chatRequests()).toHaveLength(2);
    expect(text()).toBe(shown);
  });

  it('keeps the text before a failed part, drops the parts after it, and reports its error', async () => {
    server.setResponder((request) => {
      if (request.path !== '/v1/chat/completions') return undefined;
      if (partOf(request) === 1)
        return {
          kind: 'error',
          status: 400,
          body: { error: { message: 'Bad part', type: 'invalid_request_error', param: null, code: null } },
        };
      return { kind: 'stream', content: seedTranslationFor(request.body), chunkSize: 40 };
    });
    const { result, text } = await translate(threeParts);
    const outcome = await result;
    expect(!outcome.ok && outcome.error instanceof LlmError && outcome.error.appError).toMatchObject({
      code: 'bad-request',
      detail: 'Bad part',
    });
    expect(text()).toContain('[p1] ');
    expect(text()).toContain('[p7] ');
    expect(text()).not.toContain('[p8] ');
    expect(text()).not.toContain('[p15] ');
  });

  it('joins the pieces of a paragraph split across parts into one paragraph, without a repeated marker', async () => {
    const giant: Article = {
      ...seed,
      paragraphs: [{ id: 'p1', text: seed.paragraphs.map((paragraph) => paragraph.text).join(' ') }],
    };
    const parts = planParts(giant.paragraphs, { maxPartTokens: 120, countTokens: countWords });
    expect(parts.length).toBeGreaterThan(1);
    server.setResponder((request) => {
      if (request.path !== '/v1/chat/completions') return undefined;
      // Echo each piece as its "translation", marker first, as a model would.
      const [piece] = requestParagraphs(request.body);
      return { kind: 'stream', content: `[${piece?.id}] ${piece?.text}`, chunkSize: 3 };
    });
    const queue = new EndpointQueue({ concurrency: 6 });
    let text = '';
    await streamTranslationInParts({
      client: createClient({ baseUrl: server.url, apiKey: 'k', ...QUEUED_CLIENT_OPTIONS, fetch: queue.bind(fetch) }),
      model: 'gpt-4o-mini',
      article: giant,
      targetLanguage: 'English',
      parts,
      onDelta: (delta) => {
        text += delta;
      },
    });
    expect(text).toBe(`[p1] ${giant.paragraphs[0]?.text}`);
  });
});
