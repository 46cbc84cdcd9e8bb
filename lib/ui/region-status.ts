import type { JobState, PartStatus } from '../job/job';

export interface RegionStatuses {
  summary: PartStatus;
  sources: PartStatus;
  translation: PartStatus;
}

/**
 * Summary and notes arrive in one streamed answer, summary first. So while it streams, the
 * summary is finished once the first note appears, and the notes are only waiting before that.
 */
export function regionStatuses(job: JobState): RegionStatuses {
  const notesStarted = (job.analysis.notes?.length ?? 0) > 0;
  const streaming = job.analysisStatus === 'streaming';
  return {
    summary: streaming && notesStarted ? 'done' : job.analysisStatus,
    sources: streaming && !notesStarted ? 'pending' : job.analysisStatus,
    translation: job.translationStatus,
  };
}
