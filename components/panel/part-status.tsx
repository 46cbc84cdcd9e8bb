import { i18n } from '#i18n';
import type { PartStatus } from '@/lib/job/job';

function label(status: PartStatus): string {
  switch (status) {
    case 'pending':
      return i18n.t('panel.status.pending');
    case 'streaming':
      return i18n.t('panel.status.streaming');
    case 'done':
      return i18n.t('panel.status.done');
    case 'error':
      return i18n.t('panel.status.error');
    case 'skipped':
      return i18n.t('panel.status.skipped');
  }
}

/** The state of one region, announced politely when it changes (not on every streamed token). */
export function PartStatusLabel({ status }: { status: PartStatus }) {
  return (
    <span class={`status status--${status}`} aria-live="polite">
      {status === 'streaming' && <span class="spinner" aria-hidden="true" />}
      {label(status)}
    </span>
  );
}
