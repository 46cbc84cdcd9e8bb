import './empty-state.css';
interface EmptyStateProps {
  onAnalyse: () => void;
  onAnalyseSelection?: () => void;
  busy?: boolean;
}

/** No job for this tab yet: say what Sourcelens does, and offer to start. */
export function EmptyState({ onAnalyse, onAnalyseSelection, busy = false }: EmptyStateProps) {
  return (
    <div class="empty-state">
      <h1 class="empty-state__title">Who says so?</h1>
      <p class="empty-state__lead">
        Sourcelens reads the news article in this tab, in any language, and shows what it claims and on whose word.
      </p>
      <ul class="empty-state__list">
        <li>a short English summary</li>
        <li>each claim traced to its source, with the original sentence</li>
        <li>a faithful translation that keeps every hedge</li>
      </ul>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={onAnalyse} disabled={busy}>
          Analyse this page
        </button>
        {onAnalyseSelection && (
          <button type="button" class="button" onClick={onAnalyseSelection} disabled={busy}>
            Analyse selected text
          </button>
        )}
      </div>
    </div>
  );
}
