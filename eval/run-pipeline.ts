import type { Article } from '@/lib/article/article';
import { isTargetLanguage } from '@/lib/article/is-target-language';
import type { Analysis } from '@/lib/attribution/analysis';
import type { ModelLimits } from '@/lib/budget/model-limits';
import { planRequests } from '@/lib/budget/request-plan';
import { applyJobEvent, createJob, type JobState, type Usage } from '@/lib/job/job';
import type { LlmRequest } from '@/lib/job/job-environment';
import { createLlmRunners } from '@/lib/job/llm-runners';
import { runParts } from '@/lib/job/run-parts';
import { endpointHost } from '@/lib/llm/endpoint';
import { LlmError } from '@/lib/llm/llm-error';
import { sumUsage } from '@/lib/llm/sum-usage';

export interface PipelineOptions {
  baseUrl: string;
  /** May be empty for a local server that takes none. */
  apiKey: string;
  model: string;
  article: Article;
  limits: ModelLimits;
  parallelRequests: number;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

export interface PipelineOutcome {
  analysis: Analysis;
  /** The translation's Markdown with its paragraph markers; null for an English article (nothing to translate). */
  translation: string | null;
  /** The endpoint's reported usage, summed over the requests; null when it reported none. */
  usage: Usage | null;
  /** One request answering both (a short article), or separate analysis and translation requests. */
  combined: boolean;
}

/** The eval always translates into English, as the extension does by default. */
export const TARGET_LANGUAGE = 'English';

/**
 * Stands in for the extension's origin in error advice (a local server refusing it): the eval runs
 * in Node, which sends no Origin header, so that advice never applies here.
 */
const EVAL_ORIGIN = 'node://sourcelens-eval';

/**
 * The job's two LLM parts run by the extension's own code, without the tab, the cache or the panel:
 * the request plan from the model's limits (lib/budget/request-plan.ts), then lib/job/run-parts.ts
 * with the extension's runners (lib/job/llm-runners.ts: every request through the endpoint's queue,
 * the analysis in one request or in parts, the translation in one or parallel parts, or one
 * combined request), its events folded into a JobState as the panel folds them. Throws LlmError
 * with the first part's failure (analysis, then translation): an article with a part missing is failed.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineOutcome> {
  const { article, model } = options;
  const translate = !isTargetLanguage(article.language, TARGET_LANGUAGE);
  const plan = planRequests(article, {
    model,
    targetLanguage: TARGET_LANGUAGE,
    limits: options.limits,
    parallelRequests: options.parallelRequests,
    translate,
  });
  let state: JobState = {
    ...createJob({
      id: 'eval',
      tabId: 0,
      model,
      host: endpointHost(options.baseUrl),
      targetLanguage: TARGET_LANGUAGE,
      now: Date.now(),
    }),
    article,
    status: 'running',
    analysisStatus: 'streaming',
    translationStatus: 'streaming',
  };
  const request: LlmRequest = {
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    model,
    article,
    targetLanguage: TARGET_LANGUAGE,
    signal: options.signal ?? new AbortController().signal,
    plan,
    onPause: () => undefined,
    onThinking: () => undefined,
    onActivity: () => undefined,
  };
  let analysis: Analysis | null = null;
  await runParts(createLlmRunners({ origin: EVAL_ORIGIN, fetch: options.fetch }), {
    request,
    emit: (event) => {
      // The state keeps the analysis as a PartialAnalysis; analysis-done carries it whole and validated.
      if (event.type === 'analysis-done') analysis = event.analysis;
      state = applyJobEvent(state, event) ?? state;
    },
    now: () => Date.now(),
  });
  const error = state.analysisError ?? state.translationError;
  if (error) throw new LlmError(error);
  if (!analysis) throw new Error(`the analysis ended ${state.analysisStatus}, with neither an answer nor an error`);
  return {
    analysis,
    translation: translate ? state.translation : null,
    usage: sumUsage([state.usage.analysis, state.usage.translation]),
    combined: plan.combined,
  };
}
