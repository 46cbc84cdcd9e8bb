import { useMemo } from 'preact/hooks';
import { BrandBar } from '../../components/brand-bar';
import { JobView } from '../../components/job-view';
import { createPageHighlighter, PageHighlighterContext } from '../../components/page-highlighter';
import { useTabJob } from '../../components/use-tab-job';

/** The side panel (Firefox: sidebar): the result for the tab it shows, following the active tab. */
export function App() {
  const { tabId, job, synced, actions } = useTabJob();
  const highlighter = useMemo(() => (tabId === null ? null : createPageHighlighter(tabId)), [tabId]);
  return (
    <main class="page">
      <BrandBar />
      {actions ? (
        // Keyed by tab: a message left from another tab must not show here.
        <PageHighlighterContext.Provider value={highlighter}>
          <JobView key={tabId} job={job} synced={synced} actions={actions} />
        </PageHighlighterContext.Provider>
      ) : (
        <p class="placeholder">No tab to show. Open a news article in this window.</p>
      )}
    </main>
  );
}
