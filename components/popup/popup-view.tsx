import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import type { JobState } from '@/lib/job/job';
import { panelName } from '@/lib/panel-name';
import { regionStatuses } from '@/lib/ui/region-status';
import { ArticleHeader } from '@/components/panel/article-header';
import { CostConfirmation } from '@/components/panel/cost-confirmation';
import { ErrorNotice } from '@/components/shared/error-notice';
import type { JobActions } from '@/components/panel/job-actions';
import { PartStatusLabel } from '@/components/panel/part-status';
import { SummaryView } from '@/components/summary/summary-view';
import { useJobHandlers } from '@/components/panel/use-job-handlers';
// The popup's summary sits in a region styled as the panel's.
import '@/components/panel/region.css';

interface PopupViewProps {
  job: JobState | null;
  synced: boolean;
  actions: JobActions;
  /** Called synchronously from the click, so the browser still sees the user gesture. */
  onOpenPanel: () => Promise<void>;
}

/**
 * The compact result: what was read, the summary as it streams, and the way to the full side panel.
 * Opening it on a tab without a job starts one.
 */
export function PopupView({ job, synced, actions, onOpenPanel }: PopupViewProps) {
  const { actionError, run, handlers } = useJobHandlers(job, actions);
  // Opening the popup on a tab without a job starts one. The background may start it too (toolbar
  // click); it ignores a second start of a running job, so no coordination is needed.
  const autoStarted = useRef(false);
  useEffect(() => {
    if (!synced || job !== null || autoStarted.current) return;
    autoStarted.current = true;
    run(() => actions.start('article', false));
  });

  const running = job?.status === 'extracting' || job?.status === 'running';
  const failed = job?.status === 'error' || job?.status === 'cancelled';
  const noteCount = job?.analysis.notes?.length ?? 0;

  const buttonRow = (
    <div class="button-row">
      <button type="button" class="button button--primary" onClick={() => run(onOpenPanel)}>
        {i18n.t('popup.openPanel', { panel: panelName() })}
      </button>
      {running && (
        <button type="button" class="button button--danger" onClick={() => run(actions.cancel)}>
          {i18n.t('panel.cancel')}
        </button>
      )}
      {failed && (
        <button type="button" class="button" onClick={handlers.retry}>
          {i18n.t('shared.errorAction.retry')}
        </button>
      )}
    </div>
  );

  if (!synced || !job) {
    return (
      <>
        <div class="loading" role="status">
          <span class="spinner" aria-hidden="true" />
          {synced ? i18n.t('popup.starting') : i18n.t('panel.connecting')}
        </div>
        {actionError && <ErrorNotice error={actionError} handlers={{ retry: handlers.retry }} />}
        {buttonRow}
      </>
    );
  }

  const summaryStatus = regionStatuses(job).summary;
  // The buttons come right after the header: a popup is short, and they must not scroll away.
  return (
    <>
      {job.article && <ArticleHeader article={job.article} cachedAt={job.fromCache ? job.finishedAt : null} />}
      {buttonRow}
      {actionError && <ErrorNotice error={actionError} />}
      {job.status === 'extracting' && (
        <div class="loading" role="status">
          <span class="spinner" aria-hidden="true" />
          {i18n.t('panel.readingPage')}
        </div>
      )}
      {job.error && <ErrorNotice error={job.error} handlers={handlers} />}
      {job.status === 'awaiting-confirmation' && job.estimate && (
        <CostConfirmation
          estimate={job.estimate}
          onRun={() => run(() => actions.start(job.article?.source ?? 'article', false, true))}
          onCancel={() => run(actions.cancel)}
          onOpenOptions={() => run(actions.openOptions)}
        />
      )}
      {job.status === 'cancelled' && !job.article && <ErrorNotice error={{ code: 'cancelled' }} />}
      {job.article && !job.error && job.status !== 'awaiting-confirmation' && (
        <section class="region" aria-label={i18n.t('panel.summary.title')}>
          <header class="region__header">
            <h2 class="region__title">{i18n.t('panel.summary.title')}</h2>
            <PartStatusLabel status={summaryStatus} />
          </header>
          <SummaryView summary={job.analysis.summary} streaming={summaryStatus === 'streaming'} />
          {job.analysisError && <ErrorNotice error={job.analysisError} handlers={handlers} />}
          {noteCount > 0 && (
            <p class="muted small">
              {i18n.t('popup.restInPanel', noteCount, { count: noteCount, panel: panelName() })}
            </p>
          )}
        </section>
      )}
    </>
  );
}
