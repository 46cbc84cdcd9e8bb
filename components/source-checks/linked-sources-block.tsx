import { i18n } from '#i18n';
import { useMemo, useState } from 'preact/hooks';
import type { Article } from '@/lib/article/article';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { type AppError, unknownError } from '@/lib/errors';
import { type CheckableSource, checkableSources } from '@/lib/sources/checkable-sources';
import type { SourceCheckRequest, SourceCheckState, SourceReadVia } from '@/lib/sources/source-check-state';
import { confirmationText } from '@/lib/ui/confirmation-text';
import { requestSourcePermission } from '@/lib/ui/request-source-permission';
import { sourcePermissionText } from '@/lib/ui/source-permission-text';
import { ErrorNotice } from '@/components/shared/error-notice';
import { SourceCheckItem } from '@/components/source-checks/source-check-item';
import '@/components/source-checks/linked-sources-block.css';

export type CheckSources = (request: Omit<SourceCheckRequest, 'tabId'>) => Promise<void>;

interface LinkedSourcesBlockProps {
  article: Article;
  notes: PartialAnalysis['notes'];
  /** The job's source checks, by source URL (JobState.sourceChecks). */
  checks: Readonly<Record<string, SourceCheckState>>;
  onCheck: CheckSources;
  onOpenOptions: () => void;
}

/** Checks under way cannot be asked again until they end. */
function busy(state: SourceCheckState | undefined): boolean {
  return state?.status === 'reading' || state?.status === 'checking';
}

/**
 * The sources the article links and attributes claims to (checkableSources), each with Check
 * against ‹name› and how its check stands, and Check all when there are two or more. A click
 * asks host access to the sources' sites first, synchronously while the click is a user gesture
 * (requestSourcePermission), and sends the check only once it is granted: a declined prompt
 * sends nothing and says so. Shown once the analysis is complete: the notes decide what to check.
 */
export function LinkedSourcesBlock({ article, notes, checks, onCheck, onOpenOptions }: LinkedSourcesBlockProps) {
  const sources = useMemo(() => checkableSources(article, notes), [article, notes]);
  const [problem, setProblem] = useState<string | null>(null);
  const [sendError, setSendError] = useState<AppError | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  const check = (targets: CheckableSource[], via: SourceReadVia, confirmed = false) => {
    if (targets.length === 0) return;
    // First, before any await: the browser shows its prompt only during the click's user gesture.
    const permission = requestSourcePermission(targets.map((source) => source.url));
    setProblem(null);
    setSendError(null);
    permission
      .then((outcome) => {
        const refused = sourcePermissionText(outcome, targets.map((source) => source.name).join(', '));
        if (refused) {
          setProblem(refused);
          return;
        }
        setDismissed((before) => new Set([...before].filter((url) => !targets.some((source) => source.url === url))));
        return onCheck({ sources: targets, via, confirmed });
      })
      .catch((error: unknown) => setSendError(unknownError(error)));
  };

  if (sources.length === 0) return null;
  const waiting = sources.filter(
    (source) => checks[source.url]?.status === 'awaiting-confirmation' && !dismissed.has(source.url),
  );
  const firstWaiting = waiting[0] ? checks[waiting[0].url] : undefined;
  const checkable = sources.filter((source) => !busy(checks[source.url]) && checks[source.url]?.status !== 'checked');

  return (
    // Not a named section: a region "Linked sources" inside the Sources region would make
    // "Sources" ambiguous to anyone finding regions by name. Its heading gives the structure.
    <div class="linked-sources">
      <h3 class="linked-sources__title">{i18n.t('sourceChecks.title')}</h3>
      <p class="muted">{i18n.t('sourceChecks.lead')}</p>
      {firstWaiting?.status === 'awaiting-confirmation' && (
        <div class="error-notice error-notice--neutral" role="alertdialog" aria-labelledby="source-confirm-title">
          <p class="error-notice__title" id="source-confirm-title">
            {i18n.t('sourceChecks.confirmTitle')}
          </p>
          <p>{confirmationText(firstWaiting.batchEstimate)}</p>
          <p>{i18n.t('sourceChecks.confirmSources', { names: waiting.map((source) => source.name).join(', ') })}</p>
          <p class="error-notice__next">{i18n.t('panel.confirm.nothingSent')}</p>
          <div class="button-row">
            <button
              type="button"
              class="button button--primary button--small"
              onClick={() => check(waiting, firstWaiting.via, true)}
            >
              {i18n.t('sourceChecks.confirmRun')}
            </button>
            <button
              type="button"
              class="button button--small"
              onClick={() => setDismissed(new Set([...dismissed, ...waiting.map((source) => source.url)]))}
            >
              {i18n.t('sourceChecks.notNow')}
            </button>
          </div>
        </div>
      )}
      <ul class="linked-sources__list">
        {sources.map((source) => (
          <SourceCheckItem
            key={source.url}
            article={article}
            source={source}
            state={checks[source.url]}
            dismissed={dismissed.has(source.url)}
            onCheck={(via, confirmed) => check([source], via, confirmed)}
            onOpenOptions={onOpenOptions}
          />
        ))}
      </ul>
      {sources.length >= 2 && (
        <div class="button-row">
          <button
            type="button"
            class="button button--small"
            disabled={checkable.length === 0}
            onClick={() => check(checkable, 'fetch')}
          >
            {i18n.t('sourceChecks.checkAll')}
          </button>
        </div>
      )}
      {problem && (
        <p class="linked-sources__problem" role="alert">
          {problem}
        </p>
      )}
      {sendError && <ErrorNotice error={sendError} />}
    </div>
  );
}
