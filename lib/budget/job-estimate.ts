import type { Article } from '../article/article';
import { buildSummaryReduceMessages } from '../llm/summary-reduce-prompt';
import { estimateTokens, TOKENS_PER_MESSAGE } from '../tokens/estimate-tokens';
import type { ModelPrice } from './model-prices';
import { type RequestPlan, reduceRequestCount } from './request-plan';

/** What a job is expected to cost, before it runs: shown in the toolbar until the endpoint reports usage. */
export interface JobEstimate {
  inputTokens: number;
  outputTokens: number;
  /** Null when the model's price is unknown: then no cost is shown. */
  price: ModelPrice | null;
  requests: number;
  analysisParts: number;
  translationChunks: number;
}

/**
 * A careful model's analysis (the seed's is about four times the article) grows with the article
 * until the output limit stops it; a translation is about as long as its source.
 */
const ANALYSIS_ANSWER_PER_ARTICLE_TOKEN = 2.5;
const ANALYSIS_ANSWER_BASE = 400;
const REDUCE_ANSWER = 300;
const TRANSLATION_ANSWER_PER_SOURCE_TOKEN = 1;

export function estimateJob(
  article: Pick<Article, 'title'>,
  plan: RequestPlan,
  options: { translate: boolean; price: ModelPrice | null; targetLanguage: string },
): JobEstimate {
  const { maxOutputTokens } = plan.limits;
  const analysisParts = plan.analysisChunks.length;
  const analysisAnswer = (tokens: number) =>
    Math.min(maxOutputTokens, ANALYSIS_ANSWER_BASE + ANALYSIS_ANSWER_PER_ARTICLE_TOKEN * tokens);
  let inputTokens = plan.analysisChunks.reduce((sum, chunk) => sum + plan.analysisOverheadTokens + chunk.tokens, 0);
  let outputTokens = plan.analysisChunks.reduce((sum, chunk) => sum + analysisAnswer(chunk.tokens), 0);
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
  const translationChunks = options.translate ? plan.translationChunks.length : 0;
  if (options.translate) {
    for (const chunk of plan.translationChunks) {
      inputTokens += plan.translationOverheadTokens + chunk.tokens;
      outputTokens += Math.min(maxOutputTokens, chunk.tokens * TRANSLATION_ANSWER_PER_SOURCE_TOKEN);
    }
  }
  return {
    inputTokens: Math.round(inputTokens),
    outputTokens: Math.round(outputTokens),
    price: options.price,
    requests: analysisParts + reduceRequests + translationChunks,
    analysisParts,
    translationChunks,
  };
}
