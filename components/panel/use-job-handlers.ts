import { useState } from 'preact/hooks';
import type { JobActions } from '@/components/panel/job-actions';
import type { ErrorHandlers } from '@/components/shared/error-notice';
import type { ExtractionSource } from '@/lib/article/article';
import type { AppError } from '@/lib/errors';
import { unknownError } from '@/lib/errors';
import type { JobState } from '@/lib/job/job';

/**
 * The actions a job surface offers (Retry, Use selection, …), shared by the side panel and the popup.
 * A message that cannot reach the background (e.g. while it restarts) is kept as `actionError` to
 * be shown, not swallowed.
 */
export function useJobHandlers(job: JobState | null, actions: JobActions) {
  const [actionError, setActionError] = useState<AppError | null>(null);
  const run = (action: () => Promise<void>) => {
    setActionError(null);
    action().catch((error: unknown) => setActionError(unknownError(error)));
  };
  const start = (source: ExtractionSource) => run(() => actions.start(source, true));
  const handlers: ErrorHandlers = {
    retry: () => start(job?.article?.source ?? 'article'),
    'open-options': () => run(actions.openOptions),
    'use-selection': () => start('selection'),
    'use-page': () => start('page'),
  };
  return { actionError, run, start, handlers };
}
