/**
 * How long the answers are expected to be, for the cost estimate and for deciding whether one
 * answer can carry both the analysis and the translation. A careful model's analysis (the seed's is
 * about four times the article) grows with the article until the output limit stops it; a
 * translation is about as long as its source.
 */
const ANALYSIS_ANSWER_PER_ARTICLE_TOKEN = 2.5;
const ANALYSIS_ANSWER_BASE = 400;
const TRANSLATION_ANSWER_PER_SOURCE_TOKEN = 1;
/** The summary that combines a long article's parts' summaries (the reduce step). */
export const REDUCE_ANSWER = 300;

export function expectedAnalysisAnswer(articleTokens: number, maxOutputTokens: number): number {
  return Math.min(maxOutputTokens, ANALYSIS_ANSWER_BASE + ANALYSIS_ANSWER_PER_ARTICLE_TOKEN * articleTokens);
}

export function expectedTranslationAnswer(sourceTokens: number, maxOutputTokens: number): number {
  return Math.min(maxOutputTokens, sourceTokens * TRANSLATION_ANSWER_PER_SOURCE_TOKEN);
}
