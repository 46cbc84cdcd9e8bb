import type { JobState } from '@/lib/job/job';
import type { JobManager } from '@/lib/job/job-manager';

export interface JobTimings {
  /** From start() to the first summary text in an analysis-partial event, as the surfaces get it. */
  firstSummaryToken: number | null;
  /** To the moment the summary is complete: the notes have begun after it, or the analysis is done. */
  fullSummary: number | null;
  fullTranslation: number | null;
  /** To a snapshot served from the cache (a revisit). */
  revisit: number | null;
  usage: JobState['usage'];
  /** Tokens the endpoint reported for this run (0 for a revisit from the cache). */
  tokens: number;
  /** Characters of the translation: its tokens when one answer carried it with the analysis. */
  translationCharacters: number;
}

/** Starts a job on a fresh tab and times what a surface subscribed to it would see. */
export async function timeJob(manager: JobManager, tabId: number, force: boolean): Promise<JobTimings> {
  const timings: JobTimings = {
    firstSummaryToken: null,
    fullSummary: null,
    fullTranslation: null,
    revisit: null,
    usage: { analysis: null, translation: null },
    tokens: 0,
    translationCharacters: 0,
  };
  let start = 0;
  const elapsed = () => performance.now() - start;
  let combined = false;
  const unsubscribe = manager.subscribe(tabId, (event) => {
    if (event.type === 'estimate') combined = event.estimate.combined;
    // In one combined answer the translation follows the summary: its first text means the summary is whole.
    else if (event.type === 'translation-delta' && combined && timings.firstSummaryToken !== null) {
      timings.fullSummary ??= elapsed();
    } else if (event.type === 'analysis-partial') {
      if (timings.firstSummaryToken === null && event.analysis.summary?.[0]?.text)
        timings.firstSummaryToken = elapsed();
      if (timings.fullSummary === null && event.analysis.notes !== undefined && event.analysis.summary?.length) {
        timings.fullSummary = elapsed();
      }
    } else if (event.type === 'analysis-done') {
      timings.fullSummary ??= elapsed();
    } else if (event.type === 'translation-done') {
      timings.fullTranslation = elapsed();
    } else if (event.type === 'snapshot' && event.job?.fromCache && timings.revisit === null) {
      timings.revisit = elapsed();
    }
  });
  // Let the subscription's first snapshot (an empty tab) pass before the clock starts.
  await new Promise((resolve) => setTimeout(resolve, 0));
  start = performance.now();
  await manager.start(tabId, { source: 'article', force });
  unsubscribe();
  const job = manager.get(tabId);
  if (job) {
    timings.usage = job.usage;
    timings.translationCharacters = job.translation.length;
    timings.tokens = job.fromCache
      ? 0
      : (job.usage.analysis?.totalTokens ?? 0) + (job.usage.translation?.totalTokens ?? 0);
    if (job.status !== 'done')
      throw new Error(
        `bench job ended ${job.status}: ${JSON.stringify(job.error ?? job.analysisError ?? job.translationError)}`,
      );
  }
  return timings;
}
