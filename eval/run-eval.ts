import { primaryLanguageTag } from '@/lib/article/language';
import type { Analysis } from '@/lib/attribution/analysis';
import type { ModelLimits } from '@/lib/budget/model-limits';
import { dollarsFor, type ModelPrice } from '@/lib/budget/model-prices';
import { endpointHost } from '@/lib/llm/endpoint';
import { toAppError } from '@/lib/llm/error-mapping';
import { PROMPT_VERSION } from '@/lib/llm/prompts';
import { sumUsage } from '@/lib/llm/sum-usage';
import { checkLinkedSources } from '@/eval/check-linked-sources';
import { evalFailure } from '@/eval/eval-error';
import type { ArticleResult, EvalResult } from '@/eval/eval-result';
import type { EvalCase } from '@/eval/load-fixtures';
import { runPipeline } from '@/eval/run-pipeline';
import { scoreChains } from '@/eval/score-chains';
import { scoreHedges } from '@/eval/score-hedges';
import { scoreQuotes } from '@/eval/score-quotes';
import { scoreSources } from '@/eval/score-sources';
import { scoreUnattributed } from '@/eval/score-unattributed';
import { type ObservedVerdict, scoreVerdicts } from '@/eval/score-verdicts';

export interface RunEvalOptions {
  baseUrl: string;
  /** May be empty for a local server that takes none. */
  apiKey: string;
  model: string;
  cases: readonly EvalCase[];
  limits: ModelLimits;
  parallelRequests: number;
  /** Null: the cost column shows "—". */
  price: ModelPrice | null;
  fetch?: typeof globalThis.fetch;
  /** Milliseconds for timing; performance.now by default. */
  clock?: () => number;
  /** When the run started, for its record; the current time by default. */
  now?: () => Date;
  /** Each article's result as soon as it is scored, for printing progress. */
  onArticle?: (result: ArticleResult) => void;
}

/** The run stopped: every further article would fail the same way (a rejected key, an unknown model). */
export class EvalAborted extends Error {
  override name = 'EvalAborted';
}

/**
 * Runs every case through the extension's own code one article after another, so each article's
 * time is its own: the job's parts (run-pipeline.ts), then the source check of each linked source
 * the notes attribute claims to (check-linked-sources.ts), and scores it against its rubric. The
 * article's tokens, cost and time include its checks. Throws EvalAborted on a failure that every
 * article would meet.
 */
export async function runEval(options: RunEvalOptions): Promise<EvalResult> {
  const clock = options.clock ?? (() => performance.now());
  const result: EvalResult = {
    schemaVersion: 1,
    model: options.model,
    endpointHost: endpointHost(options.baseUrl),
    promptVersion: PROMPT_VERSION,
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    articles: [],
  };
  for (const evalCase of options.cases) {
    const started = clock();
    let articleResult: ArticleResult;
    try {
      const outcome = await runPipeline({
        baseUrl: options.baseUrl,
        apiKey: options.apiKey,
        model: options.model,
        article: evalCase.article,
        limits: options.limits,
        parallelRequests: options.parallelRequests,
        fetch: options.fetch,
      });
      const checks = await checkLinkedSources({
        baseUrl: options.baseUrl,
        apiKey: options.apiKey,
        model: options.model,
        limits: options.limits,
        parallelRequests: options.parallelRequests,
        article: evalCase.article,
        analysis: outcome.analysis,
        linkedSources: evalCase.rubric.linkedSources,
        sourceArticles: evalCase.sourceArticles,
        followUpArticles: evalCase.followUpArticles,
        isFatal: (error) => evalFailure(error, options.model).fatal,
        fetch: options.fetch,
        now: options.now,
      });
      const usage = sumUsage([outcome.usage, checks.usage]);
      const tokens = usage ? { prompt: usage.promptTokens, completion: usage.completionTokens } : null;
      articleResult = {
        ...scoreCase(evalCase, outcome.analysis, outcome.translation, checks.observed),
        error: null,
        sourceCheckFailures: checks.failures.map(({ source, error }) => ({
          source,
          code: error.code,
          message: evalFailure(error, options.model).message,
        })),
        tokens,
        dollars: tokens && options.price ? dollarsFor(tokens.prompt, tokens.completion, options.price) : null,
        milliseconds: clock() - started,
        combined: outcome.combined,
      };
    } catch (error) {
      const appError = toAppError(error, {
        host: endpointHost(options.baseUrl),
        model: options.model,
        apiKey: options.apiKey,
      });
      const failure = evalFailure(appError, options.model);
      if (failure.fatal) throw new EvalAborted(failure.message);
      articleResult = {
        ...scoreCase(evalCase, { summary: [], notes: [], outsideKnowledge: [] }, null, []),
        error: { code: appError.code, message: failure.message },
        sourceCheckFailures: [],
        tokens: null,
        dollars: null,
        milliseconds: clock() - started,
        combined: null,
      };
    }
    result.articles.push(articleResult);
    options.onArticle?.(articleResult);
  }
  return result;
}

/**
 * One article's scores from what the pipeline and the source checks answered. A failed article (no
 * analysis, no translation, no check) scores zero of each total, so a model that fails an article
 * is not rewarded for it.
 */
export function scoreCase(
  evalCase: EvalCase,
  analysis: Analysis,
  translation: string | null,
  verdicts: readonly ObservedVerdict[],
): Omit<ArticleResult, 'error' | 'sourceCheckFailures' | 'tokens' | 'dollars' | 'milliseconds' | 'combined'> {
  const { rubric, article } = evalCase;
  const hedgesScored = scoreHedges(article, rubric.hedges, translation);
  const translates = primaryLanguageTag(article.language) !== 'en';
  return {
    id: rubric.id,
    language: rubric.language,
    sources: scoreSources(rubric.sources, analysis.notes),
    quotes: scoreQuotes(article, analysis.notes),
    // An article that needed translating and got none kept none of its hedges.
    hedges:
      hedgesScored ??
      (translates && rubric.hedges.length > 0
        ? { found: 0, total: rubric.hedges.length, lost: rubric.hedges.map((hedge) => hedge.original) }
        : null),
    chains: scoreChains(rubric.chains, analysis.notes),
    unattributed: scoreUnattributed(rubric.unattributed, analysis.notes),
    // An article with no linked source has no verdict to reach; one whose checks were not sent reached none.
    verdicts:
      rubric.linkedSources.length === 0
        ? null
        : scoreVerdicts(
            rubric.linkedSources.flatMap((source) => [
              ...source.verdicts,
              ...source.followUps.flatMap((followUp) => followUp.verdicts),
            ]),
            verdicts,
          ),
  };
}
