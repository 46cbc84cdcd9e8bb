import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Article, ArticleLinkSchema } from '@/lib/article/article';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { contentHash } from '@/lib/job/content-hash';
import { createClient } from '@/lib/llm/client';
import { LlmError } from '@/lib/llm/llm-error';
import { createShapeMemory } from '@/lib/llm/request-shape-memory';
import {
  type CheckSourceOptions,
  checkSource,
  estimateSourceCheck,
  sourceCheckCacheKeyOf,
} from '@/lib/sources/check-source';
import { type CheckableSource, checkableSources } from '@/lib/sources/checkable-sources';
import { followableSources } from '@/lib/sources/follow-sources';
import { createSourceCheckCache } from '@/lib/sources/source-check-cache';
import { SOURCE_CHECK_MARKER } from '@/lib/sources/source-check-prompt';
import { sourceCheckTally } from '@/lib/sources/source-check-tally';
import { type OpenAITestServer, rateLimitError, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { sourcePageArticle } from '@/tests/support/source-page';
import { loadTranscript, replayTranscript } from '@/tests/support/wire-transcript';

const API_KEY = 'sk-test-source-check-1234';
const seedLinks = ArticleLinkSchema.array().parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/pages/seed-de/expected.json'), 'utf8'))
    .expected.links,
);
const article: Article = { ...seedArticle(), links: seedLinks };
const notes = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes;
const page = sourcePageArticle();

let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer({ apiKey: API_KEY, respond: sourceCheckResponder() });
});

afterEach(async () => {
  await server.close();
});

function nytSource(): CheckableSource {
  const [source] = checkableSources(article, notes);
  if (!source) throw new Error('the seed article should have a checkable source');
  return source;
}

function options(overrides: Partial<CheckSourceOptions> = {}): CheckSourceOptions {
  return {
    client: createClient({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 }),
    model: 'gpt-4o-mini',
    source: nytSource(),
    page,
    articleLanguage: article.language,
    targetLanguage: 'English',
    limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
    retrievedAt: '2026-11-29T12:00:00.000Z',
    ...overrides,
  };
}

const checkRequests = () =>
  server.requests.filter((request) => request.method === 'POST' && request.path === '/v1/chat/completions');

describe('checkSource on the seed article and the stand-in NYT page', () => {
  it('matches, asks, verifies and tallies: 3 supported, 1 partly, 1 not found', async () => {
    const result = await checkSource(options());
    expect(result.claims.map((claim) => [claim.claimId, claim.verdict])).toEqual([
      ['c1', 'supported'],
      ['c2', 'supported'],
      ['c3', 'not-found'],
      ['c4', 'supported'],
      ['c5', 'partly-supported'],
    ]);
    expect(sourceCheckTally(result)).toBe(
      "4 of 5 claims attributed to The New York Times found in its article; 1 partly: the article says the US 'would ease' the sanctions; the source says only that it 'could consider easing some'; 1 not found: “Smith’s meeting with Lukashenko reportedly took place in secret”",
    );
    expect(result).toMatchObject({
      url: 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html',
      name: 'The New York Times',
      language: 'en',
      publishedTime: '2025-02-14T17:05:00-05:00',
      partial: null,
      paragraphsSent: 6,
      paragraphsTotal: 6,
      sourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      fromCache: false,
    });
    expect(result.usage?.completionTokens).toBeGreaterThan(0);
  });

  it('gets the same answer from the test server’s default, without a responder', async () => {
    server.setResponder(null);
    const result = await checkSource(options());
    expect(result.claims.map((claim) => claim.verdict)).toEqual([
      'supported',
      'supported',
      'not-found',
      'supported',
      'partly-supported',
    ]);
  });

  it('keeps each passage as the source has it, with offsets and a text-fragment link', async () => {
    const result = await checkSource(options());
    const speech = result.claims[3]?.passage;
    // The model retyped the curly quotes straight; the passage shown is the source's own.
    expect(speech?.text).toContain('“special operation”');
    expect(speech?.paragraphId).toBe('p3');
    const paragraph = page.paragraphs.find((candidate) => candidate.id === 'p3')?.text ?? '';
    expect(paragraph.slice(speech?.start, speech?.end)).toBe(speech?.text);
    expect(speech?.link).toMatch(/^https:\/\/www\.nytimes\.com\/.*#:~:text=Speaking%20at%20the%20U\.S\./);
    expect(result.claims[2]?.passage).toBeNull();
  });

  it('sends one request in the source’s language, with both wordings of every claim and the source’s paragraphs', async () => {
    await checkSource(options());
    const requests = checkRequests();
    expect(requests).toHaveLength(1);
    const body = JSON.stringify(requests[0]?.body);
    expect(body).toContain(SOURCE_CHECK_MARKER);
    expect(body).toContain('copy passages in English');
    expect(body).toContain('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
    expect(body).toContain('Smith’s meeting with Lukashenko reportedly took place in secret.');
    expect(body).toContain('[p6] The State Department did not respond to a request for comment on Friday.');
    expect(requests[0]?.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      response_format: { type: 'json_schema', json_schema: { name: 'sourcelens_source_check', strict: true } },
    });
    // Strict mode: every field required, attributedTo among them, nullable.
    const schema = JSON.stringify(Reflect.get(Object(requests[0]?.body), 'response_format'));
    expect(schema).toMatch(
      /"required":\["claimId","verdict","difference","passage","passageTranslation","attributedTo"\]/,
    );
    expect(schema).toMatch(/"attributedTo":\{[^}]*"type":\["string","null"\]/);
  });

  it('shows a supported verdict whose passage the source does not have as unverified', async () => {
    server.setResponder(
      sourceCheckResponder({
        change: (checks) =>
          checks.map((check) =>
            check.claimId === 'c3'
              ? { ...check, verdict: 'supported', passage: 'The meeting in Minsk was held in secret.' }
              : check,
          ),
      }),
    );
    const result = await checkSource(options());
    expect(result.claims[2]).toMatchObject({
      verdict: 'unverified',
      modelVerdict: 'supported',
      unverifiedReason: 'passage-not-in-source',
      claimedPassage: 'The meeting in Minsk was held in secret.',
      passage: null,
    });
    expect(sourceCheckTally(result)).toContain('1 check unverified');
  });

  it('cuts the source to what fits a small model and says so', async () => {
    // A window 60 tokens short of the whole request: the last paragraph or two must go.
    const whole = estimateSourceCheck(options(), null);
    const contextTokens = Math.floor((whole.inputTokens + whole.outputTokens) / 0.9) - 60;
    const result = await checkSource(options({ limits: { contextTokens, maxOutputTokens: 16_384 } }));
    expect(result.partial).toBe('cut-to-fit');
    expect(result.paragraphsSent).toBeLessThan(6);
    const body = JSON.stringify(checkRequests()[0]?.body);
    expect(body).toContain('Only the start of the source is given');
    expect(body).not.toContain('[p6]');
  });

  it('refuses before sending when not even the first paragraph fits', async () => {
    const error = await checkSource(options({ limits: { contextTokens: 900, maxOutputTokens: 512 } })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(LlmError);
    expect(error instanceof LlmError ? error.appError.code : null).toBe('context-too-long');
    expect(checkRequests()).toHaveLength(0);
  });

  it.each([
    ['a proxy refusing stream_options (field case 07)', 'strict-proxy/stream-options-rejected'],
    ['a thinking model with no opening <think> (field case 09)', 'qwen3-thinking/no-opening-tag'],
    ['reasoning in reasoning_content (vLLM)', 'vllm/reasoning-content'],
  ])('checks through %s, as a job does', async (_name, transcript) => {
    server.setResponder(replayTranscript(loadTranscript(transcript)));
    const result = await checkSource(options({ memory: createShapeMemory() }));
    expect(result.claims.map((claim) => claim.verdict)).toEqual([
      'supported',
      'supported',
      'not-found',
      'supported',
      'partly-supported',
    ]);
  });

  it('says when the answer cannot be read, and maps endpoint errors as a job does', async () => {
    server.setResponder((request) =>
      request.method === 'POST' ? { kind: 'stream', content: 'I cannot open web pages.' } : undefined,
    );
    const notUnderstood = await checkSource(options()).catch((thrown: unknown) => thrown);
    expect(notUnderstood instanceof LlmError ? notUnderstood.appError.code : null).toBe('answer-not-understood');
    server.setResponder((request) =>
      request.method === 'POST' ? rateLimitError({ retryAfterSeconds: 7 }) : undefined,
    );
    const limited = await checkSource(options()).catch((thrown: unknown) => thrown);
    expect(limited instanceof LlmError ? limited.appError : null).toMatchObject({
      code: 'rate-limited',
      retryAfterSeconds: 7,
    });
  });

  it('answers a revisit from the cache: same article, source text and model cost nothing', async () => {
    const area = new Map<string, unknown>();
    const store = createSourceCheckCache({
      get: async (key) => area.get(key),
      set: async (key, value) => void area.set(key, value),
      remove: async (key) => void area.delete(key),
    });
    const cache = { store, articleFingerprint: 'f'.repeat(64) };
    const first = await checkSource(options({ cache }));
    const again = await checkSource(options({ cache }));
    expect(checkRequests()).toHaveLength(1);
    expect(again).toEqual({ ...first, fromCache: true });
    // Another model, or the source's text changed since: checked again.
    await checkSource(options({ cache, model: 'gpt-4o' }));
    const edited = {
      ...page,
      paragraphs: page.paragraphs.map((paragraph, index) =>
        index === 5 ? { ...paragraph, text: `${paragraph.text} (Updated.)` } : paragraph,
      ),
    };
    await checkSource(options({ cache, page: edited }));
    expect(checkRequests()).toHaveLength(3);
  });

  it('estimates the check as a job estimate, for the same cost gate', () => {
    const estimate = estimateSourceCheck(options(), { inputPerMillion: 0.15, outputPerMillion: 0.6 });
    expect(estimate).toMatchObject({ requests: 1, price: { inputPerMillion: 0.15 } });
    expect(estimate.inputTokens).toBeGreaterThan(500);
    expect(estimate.outputTokens).toBe(40 + 5 * 260);
  });
});

describe('following the chain one more step: the NYT’s readout', () => {
  const READOUT_URL =
    'https://www.state.gov/releases/office-of-the-spokesperson/2025/02/deputy-secretary-smiths-remarks-in-vilnius';
  const readout = sourcePageArticle('source-state-belarus-readout-en');

  it('keeps the source’s body links and whom it attributes each passage to', async () => {
    const result = await checkSource(options());
    expect(result.links).toEqual([{ name: 'State Department readout', url: READOUT_URL }]);
    expect(result.parentUrl).toBeNull();
    expect(result.claims.map((claim) => claim.attributedTo)).toEqual([
      'several participants in the meeting',
      null,
      null,
      'a State Department readout',
      null,
    ]);
  });

  it('checks the NYT’s own passage against the readout it links, and says where it came from', async () => {
    const nyt = await checkSource(options());
    const [next, ...others] = followableSources(nyt);
    expect(others).toEqual([]);
    if (!next) throw new Error('the NYT check should lead to its readout');
    expect(next).toMatchObject({ url: READOUT_URL, domain: 'state.gov', name: 'a State Department readout' });
    expect(next.claims).toEqual([
      {
        id: 'c1',
        noteIndex: nyt.claims[3]?.noteIndex,
        original: nyt.claims[3]?.passage?.text,
        claim: nyt.claims[3]?.claim,
        paragraphId: null,
        attributedAs: 'a State Department readout',
      },
    ]);
    const followUp = await checkSource(
      options({ source: next, page: readout, articleLanguage: nyt.language, parentUrl: nyt.url }),
    );
    const body = JSON.stringify(checkRequests()[1]?.body);
    expect(body).toContain('Article (English): Speaking at the U.S. Embassy in Lithuania');
    expect(followUp).toMatchObject({ url: READOUT_URL, parentUrl: nyt.url, language: 'en' });
    expect(followUp.claims).toMatchObject([
      { verdict: 'supported', attributedTo: null, passage: { paragraphId: 'p2' } },
    ]);
    expect(sourceCheckTally(followUp)).toBe(
      '1 of 1 claim attributed to a State Department readout found in its article',
    );
    expect(followableSources(followUp)).toEqual([]);
  });

  it('caches a follow-up apart from a check of the same page for the article’s own claims', async () => {
    const area = new Map<string, unknown>();
    const store = createSourceCheckCache({
      get: async (key) => area.get(key),
      set: async (key, value) => void area.set(key, value),
      remove: async (key) => void area.delete(key),
    });
    const cache = { store, articleFingerprint: 'f'.repeat(64) };
    const [next] = followableSources(await checkSource(options()));
    if (!next) throw new Error('no follow-up source');
    const followUp = options({ source: next, page: readout, articleLanguage: 'en', cache });
    await checkSource({ ...followUp, parentUrl: 'https://www.nytimes.com/a' });
    await checkSource({ ...followUp, parentUrl: 'https://www.nytimes.com/a' });
    // A caller that looks the follow-up up before estimating it finds it under the same key.
    const key = await sourceCheckCacheKeyOf({
      articleFingerprint: cache.articleFingerprint,
      source: next,
      sourceSha256: await contentHash(readout),
      model: 'gpt-4o-mini',
      targetLanguage: 'English',
      parentUrl: 'https://www.nytimes.com/a',
    });
    expect(area.has(key)).toBe(true);
    await checkSource(followUp);
    // The first NYT check, the follow-up once (then from the cache), and the same page as a first-level source.
    expect(checkRequests()).toHaveLength(3);
    // Another check of the parent that picked another passage: its follow-up is asked again.
    const otherPassage = {
      ...next,
      claims: next.claims.map((claim) => ({ ...claim, original: 'Mr. Smith spoke at the U.S. Embassy.' })),
    };
    await checkSource({ ...followUp, source: otherPassage, parentUrl: 'https://www.nytimes.com/a' });
    expect(checkRequests()).toHaveLength(4);
  });
});
