import { i18n } from '#i18n';
/**
 * The tab has loaded another page since the article was read: the result below still stands for
 * that article, so it stays, with the way to analyse what the tab shows now.
 */
export function PageChangedNotice({ title, onAnalyse }: { title: string; onAnalyse: () => void }) {
  return (
    <div class="error-notice error-notice--neutral" role="status">
      <p class="error-notice__title">{i18n.t('panel.pageChanged.title')}</p>
      <p>{i18n.t('panel.pageChanged.message', { title })}</p>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={onAnalyse}>
          {i18n.t('panel.pageChanged.analyse')}
        </button>
      </div>
    </div>
  );
}
