import type { Article } from '@/lib/article/article';
import { primaryLanguageTag } from '@/lib/article/language';
import type { Analysis } from '@/lib/attribution/analysis';
import type { ModelLimits } from '@/lib/budget/model-limits';
import type { AppError } from '@/lib/errors';
import type { Usage } from '@/lib/job/job';
import { endpointHost } from '@/lib/llm/endpoint';
import { toAppError } from '@/lib/llm/error-mapping';
import { sumUsage } from '@/lib/llm/sum-usage';
import { checkableSources } from '@/lib/sources/checkable-sources';
import { type CheckSourceOptions, checkSource } from '@/lib/sources/check-source';
import { followableSources } from '@/lib/sources/follow-sources';
import type { SourceCheckResult } from '@/lib/sources/source-check-result';
import { sourceCheckClient } from '@/lib/sources/source-check-client';
import type { LinkedSourceRubric } from '@/eval/rubric';
import { TARGET_LANGUAGE } from '@/eval/run-pipeline';
import type { ObservedVerdict } from '@/eval/score-verdicts';

export interface LinkedSourceChecks {
  /** What the checks said of each claim they judged; a claim the answer left out is absent (scored `missing`). */
  observed: ObservedVerdict[];
  /** The checks' reported usage, summed; null when none was reported or nothing was sent. */
  usage: Usage | null;
  /** A linked source whose check failed on its own (an answer not understood, cut): its verdicts score `missing`. */
  failures: Array<{ source: string; error: AppError }>;
}

/**
 * The source checks of one article, as the extension runs them (lib/sources/check-source.ts
 * `checkSource`, through the endpoint's queue): the rubric's linked sources that the analysis'
 * notes attribute claims to (lib/sources/checkable-sources.ts, matched by the link's URL), each
 * checked against its page as the extractor read it. A linked source the notes attribute nothing
 * to sends nothing: its verdicts score `missing`. A checked source with follow-ups in the rubric is
 * then followed one step further as the extension follows it (lib/sources/follow-sources.ts): a
 * follow-up the check's attributions do not lead to sends nothing either. Throws LlmError only for a failure that every
 * further request would meet (key, model, endpoint: `isFatal`); others are kept in `failures`.
 */
export async function checkLinkedSources(options: {
  baseUrl: string;
  apiKey: string;
  model: string;
  limits: ModelLimits;
  parallelRequests: number;
  article: Article;
  analysis: Analysis;
  linkedSources: readonly LinkedSourceRubric[];
  /** Each linked source's page as the extractor read it, in the rubric's order. */
  sourceArticles: readonly Article[];
  /** Each linked source's follow-up pages as the extractor read them, in the rubric's order; none when absent. */
  followUpArticles?: readonly (readonly Article[])[];
  isFatal: (error: AppError) => boolean;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}): Promise<LinkedSourceChecks> {
  const checkable = checkableSources(options.article, options.analysis.notes);
  const client = sourceCheckClient({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    parallelRequests: options.parallelRequests,
    fetch: options.fetch,
  });
  const observed: ObservedVerdict[] = [];
  const usages: Array<Usage | null> = [];
  const failures: LinkedSourceChecks['failures'] = [];
  /** One check, its usage and verdicts recorded; null when it failed on its own (then listed in failures). */
  const check = async (
    name: string,
    request: Pick<CheckSourceOptions, 'source' | 'page' | 'articleLanguage' | 'parentUrl'>,
  ): Promise<SourceCheckResult | null> => {
    try {
      const result = await checkSource({
        client,
        apiKey: options.apiKey,
        ...request,
        targetLanguage: TARGET_LANGUAGE,
        model: options.model,
        limits: options.limits,
        retrievedAt: (options.now?.() ?? new Date()).toISOString(),
      });
      usages.push(result.usage);
      for (const claim of result.claims) {
        // An unverified check keeps the model's verdict, scored as unverified; a claim left unanswered is missing.
        const verdict = claim.verdict === 'unverified' ? claim.modelVerdict : claim.verdict;
        if (verdict === null) continue;
        observed.push({ articleText: claim.original, verdict, passageVerified: claim.verdict !== 'unverified' });
      }
      return result;
    } catch (error) {
      const appError = toAppError(error, {
        host: endpointHost(options.baseUrl),
        model: options.model,
        apiKey: options.apiKey,
      });
      if (options.isFatal(appError)) throw error;
      failures.push({ source: name, error: appError });
      return null;
    }
  };
  for (const [index, linked] of options.linkedSources.entries()) {
    const source = checkable.find((candidate) => candidate.url === linked.url);
    const page = options.sourceArticles[index];
    if (!source || !page) continue;
    const result = await check(linked.name, {
      source,
      page,
      articleLanguage: primaryLanguageTag(options.article.language) ?? 'und',
    });
    if (!result || linked.followUps.length === 0) continue;
    const followable = followableSources(result);
    for (const [followUpIndex, followUp] of linked.followUps.entries()) {
      const next = followable.find((candidate) => candidate.url === followUp.url);
      const nextPage = options.followUpArticles?.[index]?.[followUpIndex];
      if (!next || !nextPage) continue;
      await check(followUp.name, {
        source: next,
        page: nextPage,
        articleLanguage: primaryLanguageTag(result.language) ?? 'und',
        parentUrl: result.url,
      });
    }
  }
  return { observed, usage: sumUsage(usages), failures };
}
