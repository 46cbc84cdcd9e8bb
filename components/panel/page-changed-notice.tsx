/**
 * The tab has loaded another page since the article was read: the result below still stands for
 * that article, so it stays, with the way to analyse what the tab shows now.
 */
export function PageChangedNotice({ title, onAnalyse }: { title: string; onAnalyse: () => void }) {
  return (
    <div class="error-notice error-notice--neutral" role="status">
      <p class="error-notice__title">This tab has moved on</p>
      <p>
        The tab has loaded a page since the article was read. The result below is for “{title}”; its passages are not
        highlighted in the page shown now.
      </p>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={onAnalyse}>
          Analyse the page shown now
        </button>
      </div>
    </div>
  );
}
