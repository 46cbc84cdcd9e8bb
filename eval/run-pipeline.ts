import type OpenAI from 'openai';
import type { Article } from '../lib/article/article';
import { primaryLanguageTag } from '../lib/article/language';
import type { Analysis } from '../lib/attribution/analysis';
import type { ModelLimits } from '../lib/budget/model-limits';
import { planRequests } from '../lib/budget/request-plan';
import { type AnalysisOutcome, streamAnalysis } from '../lib/llm/analyze';
import { streamMapReduceAnalysis } from '../lib/llm/analyze-in-parts';
import { sumUsage } from '../lib/llm/sum-usage';
import { streamChunkedTranslation } from '../lib/llm/translate-in-chunks';

export interface PipelineOptions {
  client: OpenAI;
  model: string;
  article: Article;
  limits: ModelLimits;
  parallelRequests: number;
  signal?: AbortSignal;
}

export interface PipelineOutcome {
  analysis: Analysis;
  /** The translation's Markdown with its paragraph markers; null for an English article (nothing to translate). */
  translation: string | null;
  /** The endpoint's reported usage, summed over the requests; null when it reported none. */
  usage: AnalysisOutcome['usage'];
  /** One request answering both (a short article), or separate analysis and translation requests. */
  combined: boolean;
}

/** The eval always translates into English, as the extension does by default. */
export const TARGET_LANGUAGE = 'English';

/**
 * The job's two LLM parts as the extension runs them (lib/job/job-manager.ts), without the tab,
 * the cache or the panel: the request plan from the model's limits, then one combined request for a
 * short article, or the analysis (one request or map-reduce) and the translation (one request or
 * parallel chunks) side by side. Throws LlmError from lib/llm as the job would see it.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineOutcome> {
  const { client, model, article, signal } = options;
  const translate = primaryLanguageTag(article.language) !== 'en';
  const plan = planRequests(article, {
    model,
    targetLanguage: TARGET_LANGUAGE,
    limits: options.limits,
    parallelRequests: options.parallelRequests,
    translate,
  });
  const common = { client, model, article, targetLanguage: TARGET_LANGUAGE, signal };
  if (plan.combined) {
    let translation = '';
    const outcome = await streamAnalysis({ ...common, onTranslation: (textSoFar) => (translation = textSoFar) });
    return {
      analysis: outcome.analysis,
      translation: outcome.translation ?? translation,
      usage: outcome.usage,
      combined: true,
    };
  }
  let translation = '';
  const [analysed, translated] = await Promise.all([
    streamMapReduceAnalysis({ ...common, chunks: plan.analysisChunks, reduceGroupSize: plan.reduceGroupSize }),
    translate
      ? streamChunkedTranslation({
          ...common,
          chunks: plan.translationChunks,
          onDelta: (text) => (translation += text),
        })
      : null,
  ]);
  return {
    analysis: analysed.analysis,
    translation: translate ? translation : null,
    usage: sumUsage([analysed.usage, translated?.usage ?? null]),
    combined: false,
  };
}
