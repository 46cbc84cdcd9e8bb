import type { Article } from '@/lib/article/article';
import { buildSummaryReduceMessages } from '@/lib/llm/summary-reduce-prompt';
import { estimateTokens, TOKENS_PER_MESSAGE } from '@/lib/tokens/estimate-tokens';
import { expectedAnalysisAnswer, expectedTranslationAnswer, REDUCE_ANSWER } from '@/lib/budget/expected-answer';
import type { ModelPrice } from '@/lib/budget/model-prices';
import { type RequestPlan, reduceRequestCount } from '@/lib/budget/request-plan';

/** What a job is expected to cost, before it runs: shown in the toolbar until the endpoint reports usage. */
export interface JobEstimate {
  inputTokens: number;
  outputTokens: number;
  /** Null when the model's price is unknown: then no cost is shown. */
  price: ModelPrice | null;
  requests: number;
  analysisParts: number;
  translationParts: number;
  /** One request answers both (a short article): see RequestPlan.combined. */
  combined: boolean;
}

export function estimateJob(
  article: Pick<Article, 'title'>,
  plan: RequestPlan,
  options: { translate: boolean; price: ModelPrice | null; targetLanguage: string },
): JobEstimate {
  const { maxOutputTokens } = plan.limits;
  const analysisParts = plan.analysisParts.length;
  const translationParts = options.translate ? plan.translationParts.length : 0;
  if (plan.combined) {
    // One request: the instructions and the article once, both answers in it.
    return {
      inputTokens: Math.round(plan.combinedOverheadTokens + plan.articleTokens),
      outputTokens: Math.round(
        expectedAnalysisAnswer(plan.articleTokens, maxOutputTokens) +
          expectedTranslationAnswer(plan.articleTokens, maxOutputTokens),
      ),
      price: options.price,
      requests: 1,
      analysisParts: 1,
      translationParts: 1,
      combined: true,
    };
  }
  let inputTokens = plan.analysisParts.reduce((sum, part) => sum + plan.analysisOverheadTokens + part.tokens, 0);
  let outputTokens = plan.analysisParts.reduce(
    (sum, part) => sum + expectedAnalysisAnswer(part.tokens, maxOutputTokens),
    0,
  );
  const reduceRequests = reduceRequestCount(analysisParts, plan.reduceGroupSize);
  if (reduceRequests > 0) {
    const reduceInstructions = buildSummaryReduceMessages(article, [], options.targetLanguage).reduce(
      (sum, message) => sum + estimateTokens(message.content, plan.family) + TOKENS_PER_MESSAGE,
      0,
    );
    // Every part's summary is read once, and so is every summary a round before the last writes.
    inputTokens += reduceRequests * reduceInstructions + (analysisParts + reduceRequests - 1) * REDUCE_ANSWER;
    outputTokens += reduceRequests * REDUCE_ANSWER;
  }
  if (options.translate) {
    for (const part of plan.translationParts) {
      inputTokens += plan.translationOverheadTokens + part.tokens;
      outputTokens += expectedTranslationAnswer(part.tokens, maxOutputTokens);
    }
  }
  return {
    inputTokens: Math.round(inputTokens),
    outputTokens: Math.round(outputTokens),
    price: options.price,
    requests: analysisParts + reduceRequests + translationParts,
    analysisParts,
    translationParts,
    combined: false,
  };
}
