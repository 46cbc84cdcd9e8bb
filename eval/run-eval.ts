import type OpenAI from 'openai';
import type { Article } from '../lib/article/article';
import { primaryLanguageTag } from '../lib/article/language';
import type { Analysis } from '../lib/attribution/analysis';
import type { ModelLimits } from '../lib/budget/model-limits';
import { dollarsFor, type ModelPrice } from '../lib/budget/model-prices';
import { createClient } from '../lib/llm/client';
import { endpointHost } from '../lib/llm/endpoint';
import { toAppError } from '../lib/llm/error-mapping';
import { PROMPT_VERSION } from '../lib/llm/prompts';
import { evalFailure } from './eval-error';
import type { ArticleResult, EvalResult } from './eval-result';
import type { EvalCase } from './load-fixtures';
import type { LinkedSourceRubric } from './rubric';
import { runPipeline } from './run-pipeline';
import { scoreChains } from './score-chains';
import { scoreHedges } from './score-hedges';
import { scoreQuotes } from './score-quotes';
import { scoreSources } from './score-sources';
import { scoreUnattributed } from './score-unattributed';
import { type ObservedVerdict, scoreVerdicts } from './score-verdicts';

/** Printed and stored while the eval has no source check to run (lib/sources is not wired in yet). */
export const SOURCE_CHECKS_NOT_BUILT = 'source checks not built';

/**
 * Checks one linked source the way the extension will (issue 14's `checkSource`), returning a
 * verdict per claim. Plugged in by run.ts once lib/sources exists; until then verdicts are not run.
 */
export type SourceChecker = (input: {
  client: OpenAI;
  model: string;
  article: Article;
  analysis: Analysis;
  source: LinkedSourceRubric;
  sourceArticle: Article;
}) => Promise<ObservedVerdict[]>;

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
  checkSource?: SourceChecker;
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
 * Runs every case through the real pipeline (runPipeline: lib/llm through the openai SDK client of
 * lib/llm/client.ts) one article after another, so each article's time is its own, and scores it
 * against its rubric. Throws EvalAborted on a failure that every article would meet.
 */
export async function runEval(options: RunEvalOptions): Promise<EvalResult> {
  const clock = options.clock ?? (() => performance.now());
  const client = createClient({ baseUrl: options.baseUrl, apiKey: options.apiKey, fetch: options.fetch });
  const result: EvalResult = {
    schemaVersion: 1,
    model: options.model,
    endpointHost: endpointHost(options.baseUrl),
    promptVersion: PROMPT_VERSION,
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    verdictsNotRun: options.checkSource ? null : SOURCE_CHECKS_NOT_BUILT,
    articles: [],
  };
  for (const evalCase of options.cases) {
    const started = clock();
    let articleResult: ArticleResult;
    try {
      const outcome = await runPipeline({
        client,
        model: options.model,
        article: evalCase.article,
        limits: options.limits,
        parallelRequests: options.parallelRequests,
      });
      const verdicts = options.checkSource
        ? await checkSources(options.checkSource, client, options.model, evalCase, outcome.analysis)
        : null;
      const tokens = outcome.usage
        ? { prompt: outcome.usage.promptTokens, completion: outcome.usage.completionTokens }
        : null;
      articleResult = {
        ...scoreCase(evalCase, outcome.analysis, outcome.translation, verdicts),
        error: null,
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
        ...scoreCase(evalCase, { summary: [], notes: [], outsideKnowledge: [] }, null, null),
        error: { code: appError.code, message: failure.message },
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
 * One article's scores from what the pipeline answered. A failed article (no analysis, no
 * translation) scores zero of each total, so a model that fails an article is not rewarded for it.
 */
export function scoreCase(
  evalCase: EvalCase,
  analysis: Analysis,
  translation: string | null,
  verdicts: ObservedVerdict[][] | null,
): Omit<ArticleResult, 'error' | 'tokens' | 'dollars' | 'milliseconds' | 'combined'> {
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
    verdicts:
      verdicts === null
        ? null
        : scoreVerdicts(
            rubric.linkedSources.flatMap((source) => source.verdicts),
            verdicts.flat(),
          ),
  };
}

async function checkSources(
  checkSource: SourceChecker,
  client: OpenAI,
  model: string,
  evalCase: EvalCase,
  analysis: Analysis,
): Promise<ObservedVerdict[][]> {
  const checks: ObservedVerdict[][] = [];
  for (const [index, source] of evalCase.rubric.linkedSources.entries()) {
    const sourceArticle = evalCase.sourceArticles[index];
    if (!sourceArticle) continue;
    checks.push(await checkSource({ client, model, article: evalCase.article, analysis, source, sourceArticle }));
  }
  return checks;
}
