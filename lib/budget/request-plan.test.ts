import { describe, expect, it } from 'vitest';
import { longArticle } from '@/tests/support/long-article';
import { seedArticle } from '@/tests/support/seed-article';
import type { Article } from '@/lib/article/article';
import { estimateJob } from '@/lib/budget/job-estimate';
import { LOCAL_DEFAULT_LIMITS, modelLimits } from '@/lib/budget/model-limits';
import { modelPrice } from '@/lib/budget/model-prices';
import { defaultParallelRequests } from '@/lib/budget/parallel-requests';
import { MAX_INPUT_RATIO, planRequests, reduceRequestCount } from '@/lib/budget/request-plan';

const seed = seedArticle();
/** About 20,000 words: the seed's paragraphs over and over. */
const long: Article = {
  ...seed,
  paragraphs: Array.from({ length: 455 }, (_, index) => ({
    id: `p${index + 1}`,
    text: seed.paragraphs[index % seed.paragraphs.length]?.text ?? '',
  })),
};
const gpt4oMini = { model: 'gpt-4o-mini', targetLanguage: 'English', parallelRequests: 6, translate: true };
/** A model whose output limit is too small for both answers of the seed in one. */
const smallOutput = { contextTokens: 128_000, maxOutputTokens: 4_096 };
const remote = 'https://api.openai.com/v1';
const local = 'http://localhost:11434/v1';

describe('planRequests', () => {
  it('sends a short article once, in one request answering both, when sending it twice would cost more than 2.3× the article', () => {
    const plan = planRequests(seed, { ...gpt4oMini, limits: modelLimits('gpt-4o-mini', remote) });
    expect(plan.combined).toBe(true);
    expect(plan.analysisOverheadTokens + plan.translationOverheadTokens + 2 * plan.articleTokens).toBeGreaterThan(
      MAX_INPUT_RATIO * plan.articleTokens,
    );
    expect(plan.family).toBe('o200k');
    const estimate = estimateJob(seed, plan, { translate: true, price: null, targetLanguage: 'English' });
    expect(estimate.requests).toBe(1);
    expect(estimate.inputTokens).toBe(plan.combinedOverheadTokens + plan.articleTokens);
    // The seed is under 500 words: its instructions alone outweigh it, but it is sent once, not twice.
    expect(estimate.inputTokens).toBeLessThan(
      0.75 * (plan.analysisOverheadTokens + plan.translationOverheadTokens + 2 * plan.articleTokens),
    );
  });

  it('sends a short article as one analysis and one translation request when one answer could not hold both', () => {
    const plan = planRequests(seed, { ...gpt4oMini, limits: smallOutput });
    expect(plan.combined).toBe(false);
    expect(plan.analysisParts).toHaveLength(1);
    expect(plan.translationParts).toHaveLength(1);
  });

  it('never combines when there is nothing to translate', () => {
    const plan = planRequests(seed, { ...gpt4oMini, translate: false, limits: modelLimits('gpt-4o-mini', remote) });
    expect(plan.combined).toBe(false);
  });

  it.each([500, 1_000, 2_000, 4_000, 8_000, 20_000])(
    'keeps the input of a %i-word article within 2.3× the article’s tokens',
    (words) => {
      const article = longArticle(words);
      const plan = planRequests(article, { ...gpt4oMini, limits: modelLimits('gpt-4o-mini', remote) });
      const estimate = estimateJob(article, plan, { translate: true, price: null, targetLanguage: 'English' });
      expect(estimate.inputTokens / plan.articleTokens).toBeLessThanOrEqual(MAX_INPUT_RATIO);
    },
  );

  it('analyses a long article in one request when it fits the window, and translates it in parallel parts', () => {
    const plan = planRequests(long, { ...gpt4oMini, limits: modelLimits('gpt-4o-mini', remote) });
    expect(plan.articleTokens).toBeGreaterThan(25_000);
    expect(plan.analysisParts).toHaveLength(1);
    // One request slot stays for the analysis that runs beside the parts.
    expect(plan.translationParts).toHaveLength(5);
    for (const part of plan.translationParts) expect(part.tokens * 1.3).toBeLessThan(16_384);
  });

  it('switches to analysis in parts when the article does not fit the context window', () => {
    const plan = planRequests(long, { ...gpt4oMini, limits: { contextTokens: 16_000, maxOutputTokens: 4_096 } });
    expect(plan.analysisParts.length).toBeGreaterThan(3);
    for (const part of plan.analysisParts) {
      expect(
        plan.analysisOverheadTokens + part.tokens + Math.min(4_096, Math.max(1_024, part.tokens)),
      ).toBeLessThanOrEqual(16_000);
    }
    expect(plan.analysisParts.flatMap((part) => part.pieces.map((piece) => piece.paragraphId))).toEqual(
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
    for (const part of plan.translationParts) {
      expect(plan.translationOverheadTokens + part.tokens * 2.3).toBeLessThanOrEqual(
        LOCAL_DEFAULT_LIMITS.contextTokens,
      );
    }
    expect(plan.analysisParts.length).toBeGreaterThan(1);
  });

  it('does not split a short article for speed when repeating the instructions would cost more than it saves', () => {
    const plan = planRequests(seed, { ...gpt4oMini, parallelRequests: 16, limits: modelLimits('gpt-4o-mini', remote) });
    expect(plan.translationParts).toHaveLength(1);
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
    const plan = planRequests(seed, { ...gpt4oMini, limits: smallOutput });
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

  it('leaves the translation out when the article is already in the target language, and counts the requests of an analysis in parts', () => {
    const plan = planRequests(long, { ...gpt4oMini, limits: { contextTokens: 16_000, maxOutputTokens: 4_096 } });
    const estimate = estimateJob(long, plan, { translate: false, price: null, targetLanguage: 'English' });
    expect(estimate.translationParts).toBe(0);
    expect(estimate.requests).toBe(plan.analysisParts.length + 1);
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
