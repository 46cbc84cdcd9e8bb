import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ErrorNotice } from '@/components/shared/error-notice';
import { SourceCheckItem } from '@/components/source-checks/source-check-item';
import type { Article } from '@/lib/article/article';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { type AppError, unknownError } from '@/lib/errors';
import { type CheckableSource, checkableSources } from '@/lib/sources/checkable-sources';
import { followableSources } from '@/lib/sources/follow-sources';
import type { SourceCheckRequest, SourceCheckState, SourceReadVia } from '@/lib/sources/source-check-state';
import { confirmationText } from '@/lib/ui/confirmation-text';
import { requestSourcePermission } from '@/lib/ui/request-source-permission';
import { sourcePermissionText } from '@/lib/ui/source-permission-text';
import '@/components/source-checks/linked-sources-block.css';

export type CheckSources = (request: Omit<SourceCheckRequest, 'tabId'>) => Promise<void>;
export type SetAsideSources = (urls: string[]) => Promise<void>;

interface LinkedSourcesBlockProps {
  article: Article;
  notes: PartialAnalysis['notes'];
  /** The job's source checks, by source URL (JobState.sourceChecks). */
  checks: Readonly<Record<string, SourceCheckState>>;
  onCheck: CheckSources;
  /** Not now: the background puts off the checks awaiting the go-ahead. */
  onSetAside: SetAsideSources;
  onOpenOptions: () => void;
}

/** A source the reader can check: one the article links, or one a checked source links (`parentUrl`). */
interface Entry {
  source: CheckableSource;
  parentUrl: string | null;
}

/** Checks under way cannot be asked again until they end. */
function busy(state: SourceCheckState | undefined): boolean {
  return state?.status === 'reading' || state?.status === 'checking';
}

/** One step further: what each checked source of the article links and attributes the claims to (followableSources). */
function furtherSources(
  roots: readonly CheckableSource[],
  checks: Readonly<Record<string, SourceCheckState>>,
): Map<string, CheckableSource[]> {
  const further = new Map<string, CheckableSource[]>();
  const rootUrls = new Set(roots.map((source) => source.url));
  for (const root of roots) {
    const state = checks[root.url];
    if (state?.status !== 'checked') continue;
    // A page the article links itself is checked as such, not again one step further.
    const next = followableSources(state.result).filter((source) => !rootUrls.has(source.url));
    if (next.length > 0) further.set(root.url, next);
  }
  return further;
}

/**
 * The sources the article links and attributes claims to (checkableSources), each with Check
 * against ‹name› and how its check stands, and Check all when there are two or more. Under a
 * checked source, the sources it links and attributes the claims to itself, one step further
 * along the relay chain (followableSources), with the same check. A click asks host access to the
 * sources' sites first, synchronously while the click is a user gesture (requestSourcePermission),
 * and sends the check only once it is granted: a declined prompt sends nothing and says so. A
 * batch above the cost limit waits for Check or Not now. Shown once the analysis is complete: the
 * notes decide what to check.
 */
export function LinkedSourcesBlock({
  article,
  notes,
  checks,
  onCheck,
  onSetAside,
  onOpenOptions,
}: LinkedSourcesBlockProps) {
  const sources = useMemo(() => checkableSources(article, notes), [article, notes]);
  const further = useMemo(() => furtherSources(sources, checks), [sources, checks]);
  const [problem, setProblem] = useState<string | null>(null);
  const [sendError, setSendError] = useState<AppError | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const awaitingKey = Object.entries(checks)
    .filter(([, state]) => state.status === 'awaiting-confirmation')
    .map(([url]) => url)
    .join(' ');
  // A confirmation that appears takes the keyboard, as the job's does: the reader's next step is there.
  useEffect(() => {
    if (awaitingKey) confirmButton.current?.focus();
  }, [awaitingKey]);

  const check = (targets: CheckableSource[], via: SourceReadVia, parentUrl: string | null, confirmed = false) => {
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
        return onCheck({ sources: targets, via, confirmed, ...(parentUrl ? { parentUrl } : {}) });
      })
      .catch((error: unknown) => setSendError(unknownError(error)));
  };
  const setAside = (urls: string[]) => {
    setSendError(null);
    onSetAside(urls).catch((error: unknown) => setSendError(unknownError(error)));
  };

  if (sources.length === 0) return null;
  const entries: Entry[] = sources.flatMap((source) => [
    { source, parentUrl: null },
    ...(further.get(source.url) ?? []).map((next) => ({ source: next, parentUrl: source.url })),
  ]);
  // One confirmation at a time: the batch of the first source waiting (a batch shares its parent).
  const firstWaiting = entries
    .map((entry) => checks[entry.source.url])
    .find((state) => state?.status === 'awaiting-confirmation');
  const waiting = firstWaiting
    ? entries.filter(
        (entry) =>
          checks[entry.source.url]?.status === 'awaiting-confirmation' && entry.parentUrl === firstWaiting.parentUrl,
      )
    : [];
  const checkable = sources.filter((source) => !busy(checks[source.url]) && checks[source.url]?.status !== 'checked');
  const item = ({ source, parentUrl }: Entry) => (
    <SourceCheckItem
      key={source.url}
      article={article}
      source={source}
      state={checks[source.url]}
      onCheck={(via, confirmed) => check([source], via, parentUrl, confirmed)}
      onOpenOptions={onOpenOptions}
    />
  );

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
          <p>
            {i18n.t('sourceChecks.confirmSources', { names: waiting.map((entry) => entry.source.name).join(', ') })}
          </p>
          <p class="error-notice__next">{i18n.t('panel.confirm.nothingSent')}</p>
          <div class="button-row">
            <button
              ref={confirmButton}
              type="button"
              class="button button--primary button--small"
              onClick={() =>
                check(
                  waiting.map((entry) => entry.source),
                  firstWaiting.via,
                  firstWaiting.parentUrl,
                  true,
                )
              }
            >
              {i18n.t('sourceChecks.confirmRun')}
            </button>
            <button
              type="button"
              class="button button--small"
              onClick={() => setAside(waiting.map((entry) => entry.source.url))}
            >
              {i18n.t('sourceChecks.notNow')}
            </button>
            <button type="button" class="button button--small" onClick={onOpenOptions}>
              {i18n.t('panel.confirm.changeLimit')}
            </button>
          </div>
        </div>
      )}
      <ul class="linked-sources__list">
        {sources.map((source) => {
          const next = further.get(source.url) ?? [];
          return [
            item({ source, parentUrl: null }),
            next.length > 0 && (
              <li key={`${source.url}#further`} class="linked-sources__further">
                <p class="linked-sources__further-title">{i18n.t('sourceChecks.further', { name: source.name })}</p>
                <ul class="linked-sources__list">
                  {next.map((nextSource) => item({ source: nextSource, parentUrl: source.url }))}
                </ul>
              </li>
            ),
          ];
        })}
      </ul>
      {sources.length >= 2 && (
        <div class="button-row">
          <button
            type="button"
            class="button button--small"
            disabled={checkable.length === 0}
            onClick={() => check(checkable, 'fetch', null)}
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
