import type { Article } from '@/lib/article/article';
import { buildAnalysisMessages, buildCombinedMessages, buildTranslationMessages } from '@/lib/llm/prompts';
import { buildSummaryReduceMessages } from '@/lib/llm/summary-reduce-prompt';
import { estimateTokens, TOKENS_PER_MESSAGE } from '@/lib/tokens/estimate-tokens';
import { type TokenizerFamily, tokenizerFamily } from '@/lib/tokens/tokenizer-family';
import { type PlannedPart, planParts } from '@/lib/translation/plan-parts';
import { expectedAnalysisAnswer, expectedTranslationAnswer } from '@/lib/budget/expected-answer';
import type { ModelLimits } from '@/lib/budget/model-limits';

/**
 * How a job's requests are cut: one analysis request, or, when the article does not fit the
 * model's context window, one per part and one to combine their summaries; one translation
 * request, or parallel parts; or, for a short article, one request answering both. Decided from
 * the model's limits and the token estimate, before anything is sent.
 */
export interface RequestPlan {
  family: TokenizerFamily;
  limits: ModelLimits;
  parallelRequests: number;
  /** The paragraphs' text, estimated. */
  articleTokens: number;
  /** The instructions and article header around a part, per request. */
  analysisOverheadTokens: number;
  translationOverheadTokens: number;
  combinedOverheadTokens: number;
  /**
   * One request for the analysis and the translation together: the article is sent once. Chosen
   * when sending it twice would cost more than MAX_INPUT_RATIO times the article and one answer
   * can hold both comfortably.
   */
  combined: boolean;
  /** One part: the ordinary single request. More: one request per part, then their summaries combined. */
  analysisParts: PlannedPart[];
  /**
   * How many parts' summaries one reduce request takes. With more parts than that (a very long
   * article on a small window), the summaries are reduced in rounds, so no request outgrows it.
   */
  reduceGroupSize: number;
  translationParts: PlannedPart[];
}

export interface PlanRequestsOptions {
  model: string;
  targetLanguage: string;
  limits: ModelLimits;
  parallelRequests: number;
  /** False when the article is already in the target language: nothing to translate, nothing to combine. */
  translate: boolean;
}

/**
 * Input tokens a job may spend per article token. Two requests each carrying the article spend
 * 2× plus their instructions, which on a short article outweigh the article itself.
 */
export const MAX_INPUT_RATIO = 2.3;
/**
 * A combined answer is one long stream: the notes wait for the translation, and a cut answer loses
 * both. So it is only chosen while both answers together stay well inside the output limit.
 */
const COMBINED_ANSWER_SHARE = 0.6;

/** A translation may come out longer than its source (English into German, say): room for that. */
export const TRANSLATION_EXPANSION = 1.3;
/** Estimates are within about ±25%: budgets keep a tenth of the window free besides. */
const SAFETY = 0.9;
/** Parallel parts repeat the instructions: at most this share of the article may go to repeating them. */
const MAX_REPEATED_INSTRUCTIONS_SHARE = 0.15;
/** The smallest answer room an analysis request is given, whatever the part's size. */
const MIN_ANALYSIS_ANSWER = 1_024;
/** Each `[p12] ` and line break around a paragraph. */
const TOKENS_PER_PARAGRAPH_LINE = 4;
/** One part's summary in a reduce request: 3 to 5 points with their ids, with room for a wordy model. */
export const PART_SUMMARY_TOKENS = 400;
/** Room for a reduce request's own answer, the 3 to 5 points of the whole. */
const REDUCE_ANSWER_ROOM = 1_024;

export function planRequests(article: Article, options: PlanRequestsOptions): RequestPlan {
  const family = tokenizerFamily(options.model);
  // Each paragraph is counted once, however many times the planning below asks.
  const counted = new Map<string, number>();
  const count = (text: string) => {
    let tokens = counted.get(text);
    if (tokens === undefined) {
      tokens = estimateTokens(text, family) + TOKENS_PER_PARAGRAPH_LINE;
      counted.set(text, tokens);
    }
    return tokens;
  };
  const bare = { ...article, paragraphs: [] };
  const messagesTokens = (messages: { content: string }[]) =>
    messages.reduce((sum, message) => sum + estimateTokens(message.content, family) + TOKENS_PER_MESSAGE, 0);
  const analysisOverheadTokens = messagesTokens(buildAnalysisMessages(bare, options.targetLanguage));
  const translationOverheadTokens = messagesTokens(
    buildTranslationMessages(bare, options.targetLanguage, { index: 0, count: 2 }),
  );
  const combinedOverheadTokens = messagesTokens(buildCombinedMessages(bare, options.targetLanguage));
  const reduceOverheadTokens = messagesTokens(buildSummaryReduceMessages(bare, [], options.targetLanguage));
  const articleTokens = article.paragraphs.reduce((sum, paragraph) => sum + count(paragraph.text), 0);
  const { contextTokens, maxOutputTokens } = options.limits;
  const usable = contextTokens * SAFETY;
  const reduceGroupSize = Math.max(
    2,
    Math.floor((usable - reduceOverheadTokens - Math.min(maxOutputTokens, REDUCE_ANSWER_ROOM)) / PART_SUMMARY_TOKENS),
  );

  const analysisAnswer = (partTokens: number) => Math.min(maxOutputTokens, Math.max(MIN_ANALYSIS_ANSWER, partTokens));
  const fitsWhole = analysisOverheadTokens + articleTokens + analysisAnswer(articleTokens) <= usable;
  const analysisParts = planParts(article.paragraphs, {
    maxPartTokens: fitsWhole
      ? Number.POSITIVE_INFINITY
      : analysisPartBudget(usable - analysisOverheadTokens, maxOutputTokens),
    countTokens: count,
  });

  const translationBudget = Math.max(
    64,
    Math.min(
      (maxOutputTokens * SAFETY) / TRANSLATION_EXPANSION,
      (usable - translationOverheadTokens) / (1 + TRANSLATION_EXPANSION),
    ),
  );
  // Parallel parts for speed, one slot left for the analysis that runs beside them, and few
  // enough that repeating the instructions stays a small share of the article.
  const worthRepeating = Math.floor((articleTokens * MAX_REPEATED_INSTRUCTIONS_SHARE) / translationOverheadTokens);
  const targetParts = Math.max(1, Math.min(options.parallelRequests - 1, worthRepeating));
  const translationParts = planParts(article.paragraphs, {
    maxPartTokens: translationBudget,
    targetParts,
    countTokens: count,
  });

  const splitInput =
    analysisParts.length * analysisOverheadTokens +
    articleTokens +
    translationParts.length * translationOverheadTokens +
    articleTokens;
  const combinedAnswer =
    expectedAnalysisAnswer(articleTokens, maxOutputTokens) + expectedTranslationAnswer(articleTokens, maxOutputTokens);
  const combined =
    options.translate &&
    analysisParts.length === 1 &&
    splitInput > MAX_INPUT_RATIO * articleTokens &&
    combinedAnswer <= maxOutputTokens * SAFETY * COMBINED_ANSWER_SHARE &&
    combinedOverheadTokens + articleTokens + combinedAnswer <= usable;

  return {
    family,
    limits: options.limits,
    parallelRequests: options.parallelRequests,
    articleTokens,
    analysisOverheadTokens,
    translationOverheadTokens,
    combinedOverheadTokens,
    combined,
    analysisParts,
    reduceGroupSize,
    translationParts,
  };
}

/**
 * Reduce requests for this many parts, `groupSize` summaries at most per request: one when they
 * all fit, else rounds of groups (a group of one is passed on as it is) until one request is left.
 * `streamAnalysisInParts` reduces in exactly these rounds.
 */
export function reduceRequestCount(parts: number, groupSize: number): number {
  if (parts <= 1) return 0;
  const size = Math.max(2, groupSize);
  let requests = 0;
  let remaining = parts;
  while (remaining > size) {
    const groups = Math.ceil(remaining / size);
    requests += remaining % size === 1 ? groups - 1 : groups;
    remaining = groups;
  }
  return requests + 1;
}

/** The largest part whose prompt and answer (about as long as the part, at least 1,024) fit the room. */
function analysisPartBudget(room: number, maxOutputTokens: number): number {
  let budget = room / 2;
  if (budget > maxOutputTokens) budget = room - maxOutputTokens;
  if (budget < MIN_ANALYSIS_ANSWER) budget = room - MIN_ANALYSIS_ANSWER;
  return Math.max(256, Math.floor(budget));
}
