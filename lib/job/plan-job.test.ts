import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/article/article';
import { PART_SUMMARY_TOKENS, reduceRequestCount } from '@/lib/budget/request-plan';
import { planJob } from '@/lib/job/plan-job';
import { buildSummaryReduceMessages } from '@/lib/llm/summary-reduce-prompt';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { estimateTokens, TOKENS_PER_MESSAGE } from '@/lib/tokens/estimate-tokens';
import { longArticle } from '@/tests/support/long-article';

/** 100,000 words: the seed's paragraphs, their sentences rotated each round (2,280 paragraphs). */
const article = longArticle(100_000);

const settingsFor = (model: string, baseUrl: string): Settings => ({ ...DEFAULT_SETTINGS, model, baseUrl });

/** Every paragraph id once, in article order, across the parts (a split paragraph's pieces stay together). */
function paragraphIdsIn(parts: { pieces: { paragraphId: string }[] }[]): string[] {
  const ids = parts.flatMap((part) => part.pieces.map((piece) => piece.paragraphId));
  return ids.filter((id, index) => id !== ids[index - 1]);
}

function expectSanePlan(input: Article, settings: Settings) {
  const { plan, estimate } = planJob(input, settings, { translate: true });
  const { contextTokens, maxOutputTokens } = plan.limits;
  const allIds = input.paragraphs.map((paragraph) => paragraph.id);

  expect(plan.analysisParts.length).toBeGreaterThan(1);
  expect(paragraphIdsIn(plan.analysisParts)).toEqual(allIds);
  for (const part of plan.analysisParts) {
    const answer = Math.min(maxOutputTokens, Math.max(1_024, part.tokens));
    expect(plan.analysisOverheadTokens + part.tokens + answer).toBeLessThanOrEqual(contextTokens);
  }
  const reduceOverhead = buildSummaryReduceMessages(input, [], settings.targetLanguage).reduce(
    (sum, message) => sum + estimateTokens(message.content, plan.family) + TOKENS_PER_MESSAGE,
    0,
  );
  expect(reduceOverhead + plan.reduceGroupSize * PART_SUMMARY_TOKENS + 1_024).toBeLessThanOrEqual(contextTokens);

  expect(paragraphIdsIn(plan.translationParts)).toEqual(allIds);
  for (const part of plan.translationParts) {
    expect(part.tokens * 1.3).toBeLessThanOrEqual(maxOutputTokens);
    expect(plan.translationOverheadTokens + part.tokens * 2.3).toBeLessThanOrEqual(contextTokens);
  }

  const reduceRequests = reduceRequestCount(plan.analysisParts.length, plan.reduceGroupSize);
  expect(estimate).toMatchObject({
    analysisParts: plan.analysisParts.length,
    translationParts: plan.translationParts.length,
    requests: plan.analysisParts.length + reduceRequests + plan.translationParts.length,
  });
  // The analysis and the translation each read the whole article once, plus each request's instructions.
  const perRequest = Math.max(
    plan.analysisOverheadTokens,
    plan.translationOverheadTokens,
    reduceOverhead + plan.reduceGroupSize * PART_SUMMARY_TOKENS,
  );
  expect(estimate.inputTokens).toBeGreaterThan(2 * plan.articleTokens);
  expect(estimate.inputTokens).toBeLessThan(2 * plan.articleTokens + estimate.requests * perRequest);
  return { plan, estimate, reduceRequests };
}

describe('planJob for a 100,000-word article', () => {
  it('has the length it is named for', () => {
    expect(article.wordCount).toBeGreaterThanOrEqual(100_000);
    expect(article.paragraphs.length).toBeGreaterThan(2_000);
  });

  it('on gpt-4o-mini: a few analysis parts and one reduce, translation in parallel parts, priced', () => {
    const { plan, estimate, reduceRequests } = expectSanePlan(
      article,
      settingsFor('gpt-4o-mini', 'https://api.openai.com/v1'),
    );
    expect(plan.articleTokens).toBeGreaterThan(128_000);
    expect(reduceRequests).toBe(1);
    expect(estimate.price).not.toBeNull();
  });

  it('on an unknown remote model: the cautious 32,768-token window', () => {
    const { plan } = expectSanePlan(article, settingsFor('some-model', 'https://llm.example/v1'));
    expect(plan.limits.contextTokens).toBe(32_768);
  });

  it('on a local model’s 4,096-token window: the parts’ summaries are reduced in rounds, each request fitting', () => {
    const { plan, reduceRequests } = expectSanePlan(article, settingsFor('llama3.1', 'http://localhost:11434/v1'));
    expect(plan.analysisParts.length).toBeGreaterThan(plan.reduceGroupSize);
    expect(reduceRequests).toBeGreaterThan(1);
  });
});
