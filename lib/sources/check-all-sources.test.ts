import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/llm/client';
import { checkAllSources, type SourceCheckOutcome } from '@/lib/sources/check-all-sources';
import type { SourcePageRead } from '@/lib/sources/source-page-read';
import { type OpenAITestServer, serverError, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { messagesText } from '@/tests/support/request-paragraphs';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { sourcePageArticle } from '@/tests/support/source-page';
import { REUTERS_URL, threeLinkedSources, ZEIT_URL } from '@/tests/support/three-linked-sources';

const REUTERS = REUTERS_URL;
const ARCHIVE = ZEIT_URL;
const { article, notes } = threeLinkedSources();

let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer({
    apiKey: 'sk-test',
    // Die Zeit's check meets a server error, every time (the client retries nothing here).
    respond: (request) =>
      typeof request.body === 'object' &&
      request.body !== null &&
      messagesText(request.body).includes('Source: Die Zeit')
        ? serverError(500)
        : sourceCheckResponder()(request),
  });
});

afterEach(async () => {
  await server.close();
});

async function readPage(url: string): Promise<SourcePageRead> {
  if (url === REUTERS) return { ok: false, problem: { kind: 'refused', host: 'www.reuters.com', status: 401 } };
  const page = url === ARCHIVE ? { ...sourcePageArticle(), url, language: 'de' } : sourcePageArticle();
  return { ok: true, article: page, retrievedAt: '2026-11-29T12:00:00.000Z' };
}

describe('checkAllSources', () => {
  it('checks every linked source side by side; one’s failure leaves the others', async () => {
    const seen: SourceCheckOutcome['status'][] = [];
    const outcomes = await checkAllSources({
      client: createClient({ baseUrl: server.url, apiKey: 'sk-test', maxRetries: 0 }),
      model: 'gpt-4o-mini',
      article,
      notes,
      targetLanguage: 'English',
      limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
      readPage,
      onOutcome: (outcome) => seen.push(outcome.status),
    });
    expect(outcomes.map((outcome) => [outcome.source.name, outcome.status])).toEqual([
      ['The New York Times', 'checked'],
      ['Reuters', 'unreadable'],
      ['Die Zeit', 'failed'],
    ]);
    const [nyt, reuters, zeit] = outcomes;
    expect(nyt?.status === 'checked' && nyt.result.claims.map((claim) => claim.verdict)).toEqual([
      'supported',
      'supported',
      'not-found',
      'supported',
      'partly-supported',
    ]);
    expect(reuters?.status === 'unreadable' && reuters.problem).toEqual({
      kind: 'refused',
      host: 'www.reuters.com',
      status: 401,
    });
    expect(zeit?.status === 'failed' && zeit.error.code).toBe('server-error');
    expect(seen.sort()).toEqual(['checked', 'failed', 'unreadable']);
    // The Reuters page was never read, so never sent: two check requests.
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });
});
