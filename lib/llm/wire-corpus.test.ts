import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { loadWireCorpus, replayTranscript, type WireTranscript } from '@/tests/support/wire-transcript';
import { planRequests } from '@/lib/budget/request-plan';
import { createLlmRunners } from '@/lib/job/llm-runners';
import { streamAnalysis } from '@/lib/llm/analyse';
import { createClient } from '@/lib/llm/client';
import { testConnection } from '@/lib/llm/connection';
import { LlmError } from '@/lib/llm/llm-error';
import { createShapeMemory } from '@/lib/llm/request-shape-memory';
import { streamTranslation } from '@/lib/llm/translate';

/**
 * Every transcript of tests/fixtures/wire/ through the real runners: the analysis, the
 * translation and Test connection each get what the transcript's `#! expect:` says, never
 * reasoning in the answer, and usage exactly when the endpoint reported it.
 */
const corpus = loadWireCorpus();
// Each case parses the seed's whole analysis as it streams, some over several requests: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000 });
const REASONING_WORDS =
  /Okay, the user|<\/?think>|\[\/?THINK\]|Relay chain: page|Hedges first|Keep every hedge|keep reportedly/;

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer({ apiKey: 'sk-wire' });
});
afterAll(() => server.close());

const client = () => createClient({ baseUrl: server.url, apiKey: 'sk-wire', maxRetries: 0 });

async function outcome<T>(run: () => Promise<T>): Promise<{ value: T | null; code: string }> {
  try {
    return { value: await run(), code: 'complete' };
  } catch (error) {
    if (!(error instanceof LlmError)) throw error;
    return { value: null, code: error.appError.code };
  }
}

describe.each(corpus.map((transcript) => [transcript.name, transcript] as const))(
  '%s',
  (_name, transcript: WireTranscript) => {
    beforeEach(() => server.setResponder(replayTranscript(transcript)));

    it(`analysis: ${transcript.expect}`, async () => {
      const thinking: boolean[] = [];
      const memory = createShapeMemory();
      const result = await outcome(() =>
        streamAnalysis({
          client: client(),
          model: 'gpt-4o-mini',
          article: seedArticle(),
          targetLanguage: 'English',
          memory,
          onThinking: (value) => thinking.push(value),
        }),
      );
      expect(result.code).toBe(transcript.expect);
      if (result.value) {
        expect(result.value.analysis.notes.length).toBeGreaterThan(0);
        expect(JSON.stringify(result.value.analysis)).not.toMatch(REASONING_WORDS);
        if (transcript.usage) expect(result.value.usage !== null).toBe(transcript.usage === 'reported');
        if (transcript.reasoning) expect(thinking).toEqual([true, false]);
      }
    });

    it(`translation: ${transcript.expect}`, async () => {
      let text = '';
      const result = await outcome(() =>
        streamTranslation({
          client: client(),
          model: 'gpt-4o-mini',
          article: seedArticle(),
          targetLanguage: 'English',
          memory: createShapeMemory(),
          onDelta: (delta) => {
            text += delta;
          },
        }),
      );
      expect(result.code).toBe(transcript.expect);
      expect(text).not.toMatch(REASONING_WORDS);
      if (result.value) {
        expect(text).toBe(seedFixtures().translation);
        if (transcript.usage) expect(result.value.usage !== null).toBe(transcript.usage === 'reported');
      } else if (text) {
        // What arrived before the failure is kept, as the endpoint sent it.
        expect(seedFixtures().translation.startsWith(text)).toBe(true);
      }
    });

    it(`Test connection: ${transcript.expect === 'complete' ? 'Connected' : transcript.expect}`, async () => {
      const result = await testConnection(
        { baseUrl: server.url, apiKey: 'sk-wire', model: 'gpt-4o-mini' },
        { memory: createShapeMemory() },
      );
      if (transcript.expect === 'complete') {
        expect(result).toMatchObject({ ok: true, reply: '{"ok":true}' });
        if (result.ok && transcript.usage) expect(result.usageReported).toBe(transcript.usage === 'reported');
        if (result.ok) expect(result.reasoning).toBe(transcript.reasoning);
      } else {
        expect(result).toMatchObject({ ok: false, error: { code: transcript.expect } });
      }
    });
  },
);

/**
 * A long article's requests go in parts (the analysis' parts, then their summaries combined; the
 * translation's parts in parallel) through the endpoint queue, as jobs send them: every behaviour
 * that a complete answer survives in one request, it survives in each part.
 */
describe('in parts, through the job runners', () => {
  const article = seedArticle();
  const plan = planRequests(article, {
    model: 'gpt-4o-mini',
    targetLanguage: 'English',
    limits: { contextTokens: 1_400, maxOutputTokens: 700 },
    parallelRequests: 3,
    translate: true,
  });

  it('the plan really cuts the seed into parts', () => {
    expect(plan.analysisParts.length).toBeGreaterThan(1);
    expect(plan.translationParts.length).toBeGreaterThan(1);
  });

  it.each(
    corpus
      .filter((transcript) => transcript.expect === 'complete')
      .map((transcript) => [transcript.name, transcript] as const),
  )('%s', async (_name, transcript) => {
    server.setResponder(replayTranscript(transcript));
    const runners = createLlmRunners({ origin: 'chrome-extension://test', memory: createShapeMemory() });
    const common = {
      baseUrl: server.url,
      apiKey: 'sk-wire',
      model: 'gpt-4o-mini',
      article,
      targetLanguage: 'English',
      signal: new AbortController().signal,
      plan,
      onPause: () => undefined,
      onThinking: () => undefined,
      onActivity: () => undefined,
    };
    let translation = '';
    const [analysed] = await Promise.all([
      runners.runAnalysis({ ...common, onPartial: () => undefined }),
      runners.runTranslation({ ...common, onDelta: (delta) => (translation += delta) }),
    ]);
    expect(analysed.analysis.notes.length).toBeGreaterThan(0);
    expect(analysed.analysis.summary.length).toBeGreaterThan(0);
    expect(translation).not.toMatch(REASONING_WORDS);
    expect(translation).toMatch(/^\[p1\] An allegedly significant agreement/);
  });
});
