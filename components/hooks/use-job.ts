import type { JobState } from '../../lib/job/job';
import { useJobSubscription } from './use-job-subscription';

/** The background's job for a tab, kept in sync over the job port; null when there is none (yet). */
export function useJob(tabId: number | null): JobState | null {
  return useJobSubscription(tabId).job;
}
