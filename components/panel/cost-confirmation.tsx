import { i18n } from '#i18n';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import { confirmationText } from '@/lib/ui/confirmation-text';

interface CostConfirmationProps {
  estimate: JobEstimate;
  onRun: () => void;
  onCancel: () => void;
  onOpenOptions: () => void;
}

/** A run above the user's cost limit, read and estimated but not sent: go, or not. */
export function CostConfirmation({ estimate, onRun, onCancel, onOpenOptions }: CostConfirmationProps) {
  return (
    <section class="error-notice error-notice--neutral" role="alertdialog" aria-labelledby="cost-confirmation-title">
      <h2 class="error-notice__title" id="cost-confirmation-title">
        {i18n.t('panel.confirm.title')}
      </h2>
      <p>{confirmationText(estimate)}</p>
      <p class="error-notice__next">{i18n.t('panel.confirm.nothingSent')}</p>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={onRun}>
          {i18n.t('panel.confirm.run')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {i18n.t('panel.cancel')}
        </button>
        <button type="button" class="button button--quiet" onClick={onOpenOptions}>
          {i18n.t('panel.confirm.changeLimit')}
        </button>
      </div>
    </section>
  );
}
