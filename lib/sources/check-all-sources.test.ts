import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Article, ArticleLinkSchema } from '@/lib/article/article';
import { AnalysisSchema, type Note } from '@/lib/attribution/analysis';
import { createClient } from '@/lib/llm/client';
import { checkAllSources, type SourceCheckOutcome } from '@/lib/sources/check-all-sources';
import type { SourcePageRead } from '@/lib/sources/source-page-read';
import { type OpenAITestServer, serverError, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { messagesText } from '@/tests/support/request-paragraphs';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { sourcePageArticle } from '@/tests/support/source-page';

const seedLinks = ArticleLinkSchema.array().parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/pages/seed-de/expected.json'), 'utf8'))
    .expected.links,
);
const REUTERS = 'https://www.reuters.com/world/europe/belarus-prisoners-2025-02-13/';
const ARCHIVE = 'https://www.zeit.example/2025/belarus-sanktionen';
const article: Article = {
  ...seedArticle(),
  links: [
    ...seedLinks,
    { text: 'Reuters', url: REUTERS, paragraphId: 'p3' },
    { text: 'Die Zeit', url: ARCHIVE, paragraphId: 'p5' },
  ],
};
const seedNotes = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes;
const noteFor = (name: string, index: number): Note => ({
  ...(seedNotes[index] as Note),
  source: { name, role: null, type: 'media-outlet' },
});
const notes = [...seedNotes, noteFor('Reuters', 4), noteFor('Die Zeit', 7)];

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
