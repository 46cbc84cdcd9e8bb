import { i18n } from '#i18n';
import '@/components/panel/empty-state.css';

interface EmptyStateProps {
  onAnalyse: () => void;
  onAnalyseSelection?: () => void;
  busy?: boolean;
}

/** No job for this tab yet: say what Sourcelens does, and offer to start. */
export function EmptyState({ onAnalyse, onAnalyseSelection, busy = false }: EmptyStateProps) {
  return (
    <div class="empty-state">
      <h1 class="empty-state__title">{i18n.t('panel.empty.title')}</h1>
      <p class="empty-state__lead">{i18n.t('panel.empty.lead')}</p>
      <ul class="empty-state__list">
        <li>{i18n.t('panel.empty.summary')}</li>
        <li>{i18n.t('panel.empty.notes')}</li>
        <li>{i18n.t('panel.empty.translation')}</li>
      </ul>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={onAnalyse} disabled={busy}>
          {i18n.t('panel.analysePage')}
        </button>
        {onAnalyseSelection && (
          <button type="button" class="button" onClick={onAnalyseSelection} disabled={busy}>
            {i18n.t('panel.analyseSelection')}
          </button>
        )}
      </div>
    </div>
  );
}
