import type { JobState, PartStatus } from '@/lib/job/job';

export interface RegionStatuses {
  summary: PartStatus;
  sources: PartStatus;
  translation: PartStatus;
}

/**
 * Summary and notes arrive in one streamed answer, summary first. So while it streams, the
 * summary is finished once the first note appears, and the notes are only waiting before that. In
 * one answer carrying the translation too (a short article), the translation follows the summary:
 * its first text means the summary is finished.
 */
export function regionStatuses(job: JobState): RegionStatuses {
  const notesStarted = (job.analysis.notes?.length ?? 0) > 0;
  const translationStarted = job.estimate?.combined === true && job.translation.length > 0;
  const summaryDone = notesStarted || translationStarted;
  const streaming = job.analysisStatus === 'streaming';
  return {
    summary: streaming && summaryDone ? 'done' : job.analysisStatus,
    sources: streaming && !notesStarted ? 'pending' : job.analysisStatus,
    translation: job.translationStatus,
  };
}
