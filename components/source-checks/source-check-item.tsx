import { i18n } from '#i18n';
import { useRef } from 'preact/hooks';
import { ErrorNotice } from '@/components/shared/error-notice';
import type { Article } from '@/lib/article/article';
import type { CheckableSource } from '@/lib/sources/checkable-sources';
import type { SourceCheckState, SourceReadVia } from '@/lib/sources/source-check-state';
import { sourceCheckTally } from '@/lib/sources/source-check-tally';
import { sourceDateRelation } from '@/lib/sources/source-date';
import { type SourceReadProblem, sourceReadProblemText } from '@/lib/sources/source-page-read';
import { formatDate } from '@/lib/ui/format-date';

interface SourceCheckItemProps {
  article: Article;
  source: CheckableSource;
  /** The source's check, as the job holds it; undefined before the first. */
  state: SourceCheckState | undefined;
  onCheck: (via: SourceReadVia, confirmed?: boolean) => void;
  onOpenOptions: () => void;
}

/** Where fetching gave no article or the site refused, the reader's own session in a tab may. */
const TAB_MAY_HELP: ReadonlySet<SourceReadProblem['kind']> = new Set(['not-an-article', 'refused']);

function Progress({ text }: { text: string }) {
  return (
    <p class="source-check__progress">
      <span class="spinner" aria-hidden="true" />
      {text}
    </p>
  );
}

/** The source's date beside the article's, a source dated after the article marked. */
function Dates({ article, name, published }: { article: Article; name: string; published: string | null }) {
  const sourceDate = formatDate(published);
  if (!sourceDate) return null;
  const articleDate = formatDate(article.publishedTime);
  const newer = sourceDateRelation(article.publishedTime, published) === 'newer';
  return (
    <p class="source-check__dates muted">
      {i18n.t('sourceChecks.published', { name, date: sourceDate })}
      {articleDate && ` · ${i18n.t('sourceChecks.articlePublished', { date: articleDate })}`}
      {newer && ' '}
      {newer && (
        <span class="source-check__newer" title={i18n.t('sourceChecks.newerHint')}>
          {i18n.t('sourceChecks.newer')}
        </span>
      )}
    </p>
  );
}

/** One linked source in the Sources region: its name and site, how its check stands, and what the reader can do. */
export function SourceCheckItem({ article, source, state, onCheck, onOpenOptions }: SourceCheckItemProps) {
  const item = useRef<HTMLLIElement>(null);
  // The button pressed goes away while the check runs: keep the keyboard where the result will show.
  const check = (via: SourceReadVia, confirmed?: boolean) => {
    onCheck(via, confirmed);
    item.current?.focus();
  };
  const checkButton = (label: string, primary = true) => (
    <button
      type="button"
      class={primary ? 'button button--primary button--small' : 'button button--small'}
      onClick={() => check(state?.via ?? 'fetch')}
    >
      {label}
    </button>
  );
  const checkAgainst = checkButton(i18n.t('sourceChecks.checkAgainst', { name: source.name }));
  const readInTab = (
    // Where it is offered, the tab is the step that may help: fetching again would give the same.
    <button type="button" class="button button--primary button--small" onClick={() => check('tab')}>
      {i18n.t('sourceChecks.readInTab')}
    </button>
  );

  let body = <div class="button-row">{checkAgainst}</div>;
  switch (state?.status) {
    case 'reading':
      body = <Progress text={i18n.t(state.via === 'tab' ? 'sourceChecks.readingInTab' : 'sourceChecks.reading')} />;
      break;
    case 'checking':
      body = <Progress text={i18n.t('sourceChecks.checking')} />;
      break;
    case 'awaiting-confirmation':
      // The confirmation above the list asks for the whole batch.
      body = <p class="source-check__waiting muted">{i18n.t('sourceChecks.waitingConfirmation')}</p>;
      break;
    case 'checked':
      body = (
        <>
          <p class="source-check__tally" data-testid="source-check-tally">
            {sourceCheckTally(state.result)}
          </p>
          <Dates article={article} name={state.result.name} published={state.result.publishedTime} />
          {state.via === 'tab' && <p class="muted">{i18n.t('sourceChecks.readInTabNote')}</p>}
          {state.result.fromCache && <p class="muted">{i18n.t('sourceChecks.fromCache')}</p>}
          <div class="button-row">
            {/* A subscriber's session may show what the paywall hid from the fetch. */}
            {state.result.partial === 'paywall' && state.via === 'fetch' && readInTab}
            {checkButton(i18n.t('sourceChecks.checkAgain'), false)}
          </div>
        </>
      );
      break;
    case 'unreadable':
      body = (
        <>
          <p class="source-check__problem" data-problem={state.problem.kind}>
            {sourceReadProblemText(state.problem, source.name)}
          </p>
          <div class="button-row">
            {TAB_MAY_HELP.has(state.problem.kind) && state.via === 'fetch' && readInTab}
            {state.problem.kind === 'permission-needed'
              ? checkAgainst
              : checkButton(i18n.t('sourceChecks.checkAgain'), !TAB_MAY_HELP.has(state.problem.kind))}
          </div>
        </>
      );
      break;
    case 'failed':
      body = (
        <>
          <ErrorNotice error={state.error} handlers={{ 'open-options': onOpenOptions }} />
          <div class="button-row">{checkButton(i18n.t('sourceChecks.checkAgain'))}</div>
        </>
      );
      break;
  }
  return (
    <li
      ref={item}
      tabIndex={-1}
      class="source-check"
      data-source-url={source.url}
      data-status={state?.status ?? 'none'}
    >
      <p class="source-check__head">
        <a class="source-check__name" href={source.url} target="_blank" rel="noopener noreferrer" title={source.url}>
          {source.name}
        </a>
        {source.domain && <span class="muted">{source.domain}</span>}
        <span class="muted">
          {i18n.t('sourceChecks.claims', source.claims.length, { count: source.claims.length })}
        </span>
      </p>
      {/* One status region per source: a screen reader hears the progress, then the tally or the problem. */}
      <div class="source-check__body" role="status">
        {body}
      </div>
    </li>
  );
}
