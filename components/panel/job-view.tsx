import { i18n } from '#i18n';
import { OutsideKnowledgeView } from '@/components/notes/outside-knowledge-view';
import { SourcesView } from '@/components/notes/sources-view';
import { ArticleHeader } from '@/components/panel/article-header';
import { CostConfirmation } from '@/components/panel/cost-confirmation';
import { EmptyState } from '@/components/panel/empty-state';
import { ExportButtons } from '@/components/panel/export-buttons';
import type { JobActions } from '@/components/panel/job-actions';
import { JobToolbar } from '@/components/panel/job-toolbar';
import { PageChangedNotice } from '@/components/panel/page-changed-notice';
import { Region } from '@/components/panel/region';
import { useJobHandlers } from '@/components/panel/use-job-handlers';
import { usePageHighlight } from '@/components/panel/use-page-highlight';
import { ErrorNotice } from '@/components/shared/error-notice';
import { SummaryView } from '@/components/summary/summary-view';
import { TranslationPanel } from '@/components/translation/translation-panel';
import type { AppError } from '@/lib/errors';
import type { JobState, PartStatus } from '@/lib/job/job';
import { stripParagraphMarkers } from '@/lib/translation/align';
import { notesText } from '@/lib/ui/notes-text';
import { regionStatuses } from '@/lib/ui/region-status';
import { summaryText } from '@/lib/ui/summary-text';
import '@/components/panel/job-view.css';

interface JobViewProps {
  job: JobState | null;
  /** False until the background's first snapshot: avoids flashing the empty state. */
  synced: boolean;
  actions: JobActions;
}

/** A part's failure to show in its region; a cancellation is shown once for the whole job instead. */
function partError(status: PartStatus, error: AppError | null): AppError | null {
  return status === 'error' && error && error.code !== 'cancelled' ? error : null;
}

/** The whole result for one tab: header, toolbar, and the Summary, Sources and Translation regions. */
export function JobView({ job, synced, actions }: JobViewProps) {
  const { actionError, run, start, handlers } = useJobHandlers(job, actions);
  const highlight = usePageHighlight({ pageChanged: job?.pageChanged === true });
  const actionNotice = actionError && <ErrorNotice error={actionError} handlers={{ retry: handlers.retry }} />;

  if (!synced) {
    return (
      <div class="loading" role="status">
        <span class="spinner" aria-hidden="true" />
        {i18n.t('panel.connecting')}
      </div>
    );
  }
  if (!job) {
    return (
      <>
        {actionNotice}
        <EmptyState
          onAnalyse={() => run(() => actions.start('article', false))}
          onAnalyseSelection={() => run(() => actions.start('selection', false))}
        />
      </>
    );
  }

  const statuses = regionStatuses(job);
  const article = job.article;
  const cachedAt = job.fromCache ? (job.finishedAt ?? job.startedAt) : null;
  const analysisError = partError(job.analysisStatus, job.analysisError);
  const translationError = partError(job.translationStatus, job.translationError);
  const analysisRunning = job.status === 'running' && job.analysisStatus !== 'done';
  // One failure of every request (a rejected key, an unreachable endpoint) is told once, above the regions.
  const sharedError =
    analysisError && (translationError?.code === analysisError.code || job.translationStatus === 'skipped')
      ? analysisError
      : null;
  // What arrived before a failure stays shown; the note says whether it is partial or missing.
  const seeAbove = (partial: boolean, where = i18n.t('panel.seeWhere.messageAbove')) => (
    <p class="placeholder">
      {partial ? i18n.t('panel.incompleteSee', { where }) : i18n.t('panel.notAvailableSee', { where })}
    </p>
  );
  const analysisArrived = (job.analysis.summary?.length ?? 0) > 0;
  const notesArrived = (job.analysis.notes?.length ?? 0) > 0;
  return (
    <div class="job-view">
      {article && <ArticleHeader article={article} cachedAt={cachedAt} />}
      <JobToolbar
        job={job}
        onCancel={() => run(actions.cancel)}
        onRegenerate={() => start(article?.source ?? 'article')}
      />
      {actionNotice}
      {job.pageChanged && article && (
        <PageChangedNotice title={article.title} onAnalyse={() => run(() => actions.start('article', false))} />
      )}
      {job.notKept && (
        <p class="notice" role="status" data-testid="not-kept-notice">
          {i18n.t('panel.notKept')}
        </p>
      )}
      {job.error && <ErrorNotice error={job.error} handlers={handlers} />}
      {job.status === 'awaiting-confirmation' && job.estimate && (
        <CostConfirmation
          estimate={job.estimate}
          onRun={() => run(() => actions.start(article?.source ?? 'article', false, true))}
          onCancel={() => run(actions.cancel)}
          onOpenOptions={() => run(actions.openOptions)}
        />
      )}
      {job.status === 'extracting' && (
        <div class="loading" role="status">
          <span class="spinner spinner--large" aria-hidden="true" />
          {i18n.t('panel.readingPage')}
        </div>
      )}
      {/* One calm notice for a cancelled job, rather than one per region. */}
      {job.status === 'cancelled' && <ErrorNotice error={{ code: 'cancelled' }} handlers={handlers} />}
      {sharedError && <ErrorNotice error={sharedError} handlers={handlers} />}
      {article && !job.error && job.status !== 'awaiting-confirmation' && (
        <>
          <Region
            title={i18n.t('panel.summary.title')}
            copyLabel={i18n.t('panel.summary.copy')}
            status={statuses.summary}
            copyText={summaryText(job.analysis.summary)}
          >
            <SummaryView
              summary={job.analysis.summary}
              streaming={statuses.summary === 'streaming'}
              article={article}
              highlight={highlight}
            />
            {sharedError
              ? seeAbove(analysisArrived)
              : analysisError && <ErrorNotice error={analysisError} handlers={handlers} />}
          </Region>
          <Region
            title={i18n.t('panel.sources.title')}
            copyLabel={i18n.t('panel.sources.copy')}
            status={statuses.sources}
            copyText={notesText(job.analysis.notes)}
          >
            <SourcesView
              article={article}
              notes={job.analysis.notes}
              streaming={analysisRunning}
              complete={job.analysisStatus === 'done'}
              highlight={highlight}
              sourceChecks={job.sourceChecks}
              onCheckSources={actions.checkSources}
              onSetAsideSources={actions.setAsideSourceChecks}
              onOpenOptions={() => run(actions.openOptions)}
            />
            <OutsideKnowledgeView items={job.analysis.outsideKnowledge} />
            {analysisError &&
              seeAbove(
                notesArrived,
                sharedError ? i18n.t('panel.seeWhere.messageAbove') : i18n.t('panel.seeWhere.summary'),
              )}
          </Region>
          <Region
            title={i18n.t('panel.translation.title')}
            copyLabel={i18n.t('panel.translation.copy')}
            status={statuses.translation}
            copyText={stripParagraphMarkers(job.translation)}
          >
            {job.translationStatus === 'skipped' ? (
              <p class="placeholder">{i18n.t('panel.translation.alreadyInTarget', { language: job.targetLanguage })}</p>
            ) : (
              <TranslationPanel
                article={article}
                markdown={job.translation}
                targetLanguage={job.targetLanguage}
                status={job.translationStatus}
                notes={job.analysis.notes}
              />
            )}
            {sharedError && translationError
              ? seeAbove(job.translation.trim().length > 0)
              : translationError && <ErrorNotice error={translationError} handlers={handlers} />}
          </Region>
          <ExportButtons job={job} />
        </>
      )}
    </div>
  );
}
