import type { Paragraph } from '@/lib/article/article';
import type { ModelLimits } from '@/lib/budget/model-limits';
import { estimateTokens, TOKENS_PER_MESSAGE } from '@/lib/tokens/estimate-tokens';
import type { TokenizerFamily } from '@/lib/tokens/tokenizer-family';

/** Estimates are within about ±25% (lib/tokens): a tenth of the window stays free besides, as for jobs. */
const SAFETY = 0.9;
/** One claim's answer: a verdict, a passage of a sentence or two, its rendering and what differs. */
export const ANSWER_TOKENS_PER_CLAIM = 260;
/** The answer's braces and keys around the checks. */
const ANSWER_FRAME_TOKENS = 40;
/** Each `[p12] ` and line break around a paragraph. */
const TOKENS_PER_PARAGRAPH_LINE = 4;

export interface FittedSourceText {
  /** The paragraphs sent, from the start of the source, whole and in order. */
  paragraphs: Paragraph[];
  /** Some paragraphs were left out because the rest would not fit. */
  cut: boolean;
  /** Estimated input tokens of the whole request (instructions, claims and the paragraphs sent). */
  inputTokens: number;
  /** The answer room asked for, in tokens. */
  answerTokens: number;
}

/**
 * The source's paragraphs cut to what fits the model with the request around them: whole
 * paragraphs from the start (a news story puts what it reports first), until the next one would
 * leave no room for the instructions, the claims and an answer of ANSWER_TOKENS_PER_CLAIM per claim.
 * `overheadTokens` is the request without any paragraph (estimate it with the prompt built on no
 * paragraphs). Returns no paragraph when not even the first fits: the caller reports the context
 * as too small rather than checking against nothing.
 */
export function fitSourceText(
  paragraphs: readonly Paragraph[],
  options: { limits: ModelLimits; family: TokenizerFamily; overheadTokens: number; claimCount: number },
): FittedSourceText {
  const answerTokens = Math.min(
    options.limits.maxOutputTokens,
    ANSWER_FRAME_TOKENS + ANSWER_TOKENS_PER_CLAIM * Math.max(1, options.claimCount),
  );
  const room = options.limits.contextTokens * SAFETY - answerTokens - options.overheadTokens;
  const kept: Paragraph[] = [];
  let used = 0;
  for (const paragraph of paragraphs) {
    const tokens = estimateTokens(paragraph.text, options.family) + TOKENS_PER_PARAGRAPH_LINE;
    if (used + tokens > room) break;
    kept.push(paragraph);
    used += tokens;
  }
  return {
    paragraphs: kept,
    cut: kept.length < paragraphs.length,
    inputTokens: Math.round(options.overheadTokens + used),
    answerTokens,
  };
}

/** Estimated tokens of a list of chat messages, framing included. */
export function messagesTokens(messages: ReadonlyArray<{ content: string }>, family: TokenizerFamily): number {
  return messages.reduce((sum, message) => sum + estimateTokens(message.content, family) + TOKENS_PER_MESSAGE, 0);
}
