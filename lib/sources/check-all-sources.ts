import type { Article } from '@/lib/article/article';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import type { AppError } from '@/lib/errors';
import { hostOf } from '@/lib/host-of';
import { LlmError } from '@/lib/llm/llm-error';
import { messageOf } from '@/lib/message-of';
import { type CheckSourceOptions, checkSource } from '@/lib/sources/check-source';
import { type CheckableSource, checkableSources } from '@/lib/sources/checkable-sources';
import type { SourceCheckResult } from '@/lib/sources/source-check-result';
import type { SourcePageRead, SourceReadProblem } from '@/lib/sources/source-page-read';

/** How one source's check ended: checked, its page could not be read, or the request failed. */
export type SourceCheckOutcome =
  | { source: CheckableSource; status: 'checked'; result: SourceCheckResult }
  | { source: CheckableSource; status: 'unreadable'; problem: SourceReadProblem }
  | { source: CheckableSource; status: 'failed'; error: AppError };

export type CheckAllSourcesOptions = Omit<CheckSourceOptions, 'source' | 'page' | 'retrievedAt' | 'articleLanguage'> & {
  article: Article;
  notes: PartialAnalysis['notes'];
  /** Reads a source page: the background's readSourcePage in the extension, a fixture or fetch in the eval. */
  readPage: (url: string) => Promise<SourcePageRead>;
  /** Each source's outcome as soon as it is known, for a panel that fills in as checks finish. */
  onOutcome?: (outcome: SourceCheckOutcome) => void;
};

/**
 * "Check all": every linked source the notes attribute claims to (checkableSources), read and
 * checked side by side (the client's endpoint queue keeps to the endpoint's parallel-request
 * limit). One source's failure never stops the others: each outcome says what happened to it, in
 * the order of the sources. Rejects only when the signal is aborted.
 */
export async function checkAllSources(options: CheckAllSourcesOptions): Promise<SourceCheckOutcome[]> {
  const { article, notes, readPage, onOutcome, ...checkOptions } = options;
  const sources = checkableSources(article, notes);
  return Promise.all(
    sources.map(async (source): Promise<SourceCheckOutcome> => {
      const outcome = await checkOne(source);
      if (checkOptions.signal?.aborted) throw new LlmError({ code: 'cancelled' });
      onOutcome?.(outcome);
      return outcome;
    }),
  );

  async function checkOne(source: CheckableSource): Promise<SourceCheckOutcome> {
    let read: SourcePageRead;
    try {
      read = await readPage(source.url);
    } catch (error) {
      return {
        source,
        status: 'unreadable',
        problem: { kind: 'unreachable', host: hostOf(source.url), detail: messageOf(error) },
      };
    }
    if (!read.ok) return { source, status: 'unreadable', problem: read.problem };
    try {
      const result = await checkSource({
        ...checkOptions,
        source,
        page: read.article,
        retrievedAt: read.retrievedAt,
        articleLanguage: article.language,
      });
      return { source, status: 'checked', result };
    } catch (error) {
      return {
        source,
        status: 'failed',
        error: error instanceof LlmError ? error.appError : { code: 'unknown', detail: messageOf(error) },
      };
    }
  }
}
