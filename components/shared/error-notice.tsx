import { i18n } from '#i18n';
import type { AppError } from '@/lib/errors';
import { describeError, type ErrorAction } from '@/lib/ui/describe-error';
import '@/components/shared/error-notice.css';

export type ErrorHandlers = Partial<Record<ErrorAction, () => void>>;

interface ErrorNoticeProps {
  error: AppError;
  /** A button is shown for each of the error's actions that this surface can carry out. */
  handlers?: ErrorHandlers;
  /** False when another notice already announces the same failure (e.g. a second region). */
  announce?: boolean;
}

// Getters, so each read is in the interface's language (locales/*.yml).
export const ERROR_ACTION_LABELS: Readonly<Record<ErrorAction, string>> = {
  get retry() {
    return i18n.t('shared.errorAction.retry');
  },
  get 'open-options'() {
    return i18n.t('shared.errorAction.openOptions');
  },
  get 'use-selection'() {
    return i18n.t('shared.errorAction.useSelection');
  },
  get 'use-page'() {
    return i18n.t('shared.errorAction.usePage');
  },
};

/** Every failure, everywhere, is shown through this: what happened and what to do next. */
export function ErrorNotice({ error, handlers = {}, announce = true }: ErrorNoticeProps) {
  const description = describeError(error);
  const buttons = description.actions.flatMap((action) => {
    const handler = handlers[action];
    return handler ? [{ action, handler }] : [];
  });
  // A cancellation is the user's own doing: shown calmly, not as an error.
  const tone = error.code === 'cancelled' ? 'error-notice error-notice--neutral' : 'error-notice';
  return (
    <div class={tone} role={announce ? 'alert' : undefined} data-error-code={error.code}>
      <p class="error-notice__title">{description.title}</p>
      <p class="error-notice__message">{description.message}</p>
      <p class="error-notice__next">{description.nextStep}</p>
      {description.link && (
        <p>
          <a class="error-notice__link" href={description.link.url} target="_blank" rel="noopener noreferrer">
            {description.link.label}
          </a>
        </p>
      )}
      {buttons.length > 0 && (
        <div class="button-row">
          {buttons.map(({ action, handler }, index) => (
            <button
              key={action}
              type="button"
              class={index === 0 ? 'button button--primary button--small' : 'button button--small'}
              onClick={handler}
            >
              {ERROR_ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
