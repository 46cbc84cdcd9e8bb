import { describe, expect, it } from 'vitest';
import { seedArticle } from '../../tests/support/seed-article';
import type { Article } from '../article/article';
import { estimateJob } from './job-estimate';
import { LOCAL_DEFAULT_LIMITS, modelLimits } from './model-limits';
import { modelPrice } from './model-prices';
import { defaultParallelRequests } from './parallel-requests';
import { planRequests, reduceRequestCount } from './request-plan';

const seed = seedArticle();
/** About 20,000 words: the seed's paragraphs over and over. */
const long: Article = {
  ...seed,
  paragraphs: Array.from({ length: 455 }, (_, index) => ({
    id: `p${index + 1}`,
    text: seed.paragraphs[index % seed.paragraphs.length]?.text ?? '',
  })),
};
const gpt4oMini = { model: 'gpt-4o-mini', targetLanguage: 'English', parallelRequests: 6 };
const remote = 'https://api.openai.com/v1';
const local = 'http://localhost:11434/v1';

describe('planRequests', () => {
  it('sends a short article as one analysis and one translation request', () => {
    const plan = planRequests(seed, { ...gpt4oMini, limits: modelLimits('gpt-4o-mini', remote) });
    expect(plan.analysisChunks).toHaveLength(1);
    expect(plan.translationChunks).toHaveLength(1);
    expect(plan.family).toBe('o200k');
  });

  it('analyses a long article in one request when it fits the window, and translates it in parallel chunks', () => {
    const plan = planRequests(long, { ...gpt4oMini, limits: modelLimits('gpt-4o-mini', remote) });
    expect(plan.articleTokens).toBeGreaterThan(25_000);
    expect(plan.analysisChunks).toHaveLength(1);
    // One request slot stays for the analysis that runs beside the chunks.
    expect(plan.translationChunks).toHaveLength(5);
    for (const chunk of plan.translationChunks) expect(chunk.tokens * 1.3).toBeLessThan(16_384);
  });

  it('switches to map-reduce when the article does not fit the context window', () => {
    const plan = planRequests(long, { ...gpt4oMini, limits: { contextTokens: 16_000, maxOutputTokens: 4_096 } });
    expect(plan.analysisChunks.length).toBeGreaterThan(3);
    for (const chunk of plan.analysisChunks) {
      expect(
        plan.analysisOverheadTokens + chunk.tokens + Math.min(4_096, Math.max(1_024, chunk.tokens)),
      ).toBeLessThanOrEqual(16_000);
    }
    expect(plan.analysisChunks.flatMap((chunk) => chunk.pieces.map((piece) => piece.paragraphId))).toEqual(
      long.paragraphs.map((paragraph) => paragraph.id),
    );
  });

  it('keeps every request of a local model within its small default window', () => {
    const plan = planRequests(long, {
      ...gpt4oMini,
      model: 'llama3.1',
      limits: modelLimits('llama3.1', local),
      parallelRequests: 2,
    });
    expect(plan.limits).toEqual(LOCAL_DEFAULT_LIMITS);
    for (const chunk of plan.translationChunks) {
      expect(plan.translationOverheadTokens + chunk.tokens * 2.3).toBeLessThanOrEqual(
        LOCAL_DEFAULT_LIMITS.contextTokens,
      );
    }
    expect(plan.analysisChunks.length).toBeGreaterThan(1);
  });

  it('does not split a short article for speed when repeating the instructions would cost more than it saves', () => {
    const plan = planRequests(seed, { ...gpt4oMini, parallelRequests: 16, limits: modelLimits('gpt-4o-mini', remote) });
    expect(plan.translationChunks).toHaveLength(1);
  });
});

describe('reduceRequestCount', () => {
  it.each([
    [0, 5, 0],
    [1, 5, 0],
    [2, 5, 1],
    [5, 5, 1],
    [6, 5, 1 + 1],
    [12, 5, 3 + 1],
    [11, 5, 2 + 1],
    [196, 5, 39 + 8 + 2 + 1],
    [3, 2, 1 + 1],
  ])('%i parts, %i per request: %i reduce requests', (parts, groupSize, requests) => {
    expect(reduceRequestCount(parts, groupSize)).toBe(requests);
  });
});

describe('estimateJob', () => {
  it('counts both requests of a short article and prices them', () => {
    const plan = planRequests(seed, { ...gpt4oMini, limits: modelLimits('gpt-4o-mini', remote) });
    const estimate = estimateJob(seed, plan, {
      translate: true,
      price: modelPrice('gpt-4o-mini', remote),
      targetLanguage: 'English',
    });
    expect(estimate.requests).toBe(2);
    expect(estimate.inputTokens).toBe(
      plan.analysisOverheadTokens + plan.translationOverheadTokens + 2 * plan.articleTokens,
    );
    expect(estimate.outputTokens).toBeGreaterThan(plan.articleTokens);
    expect(estimate.price).toEqual({ inputPerMillion: 0.15, outputPerMillion: 0.6 });
  });

  it('leaves the translation out when the article is already in the target language, and counts map-reduce requests', () => {
    const plan = planRequests(long, { ...gpt4oMini, limits: { contextTokens: 16_000, maxOutputTokens: 4_096 } });
    const estimate = estimateJob(long, plan, { translate: false, price: null, targetLanguage: 'English' });
    expect(estimate.translationChunks).toBe(0);
    expect(estimate.requests).toBe(plan.analysisChunks.length + 1);
  });
});

describe('model tables', () => {
  it('look models up by family, with OpenRouter’s openai/ prefix, and fall back safely', () => {
    expect(modelLimits('openai/gpt-4o-mini-2024-07-18', 'https://openrouter.ai/api/v1')).toEqual({
      contextTokens: 128_000,
      maxOutputTokens: 16_384,
    });
    expect(modelLimits('gpt-4', remote).contextTokens).toBe(8_192);
    expect(modelLimits('some-new-model', remote)).toEqual({ contextTokens: 32_768, maxOutputTokens: 4_096 });
    expect(modelLimits('gpt-4o', local)).toEqual(LOCAL_DEFAULT_LIMITS);
    expect(modelLimits('llama3.1', local, { contextTokens: 32_768, maxOutputTokens: null }).contextTokens).toBe(32_768);
  });

  it('price known models, local ones at zero, and take the user’s price over the table', () => {
    expect(modelPrice('gpt-4o', remote)).toEqual({ inputPerMillion: 2.5, outputPerMillion: 10 });
    expect(modelPrice('anthropic/claude-3.5-sonnet', 'https://openrouter.ai/api/v1')?.outputPerMillion).toBe(15);
    expect(modelPrice('llama3.1', local)).toEqual({ inputPerMillion: 0, outputPerMillion: 0 });
    expect(modelPrice('mystery', remote)).toBeNull();
    expect(modelPrice('mystery', remote, { inputPricePerMillion: 1, outputPricePerMillion: 2 })).toEqual({
      inputPerMillion: 1,
      outputPerMillion: 2,
    });
  });

  it('run four requests at once on a local server and six on a remote API', () => {
    expect(defaultParallelRequests(local)).toBe(4);
    expect(defaultParallelRequests('http://127.0.0.1:1234/v1')).toBe(4);
    expect(defaultParallelRequests(remote)).toBe(6);
  });
});
