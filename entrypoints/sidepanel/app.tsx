import { useMemo } from 'preact/hooks';
import { useTabJob } from '@/components/hooks/use-tab-job';
import { JobView } from '@/components/panel/job-view';
import { createPageHighlighter, PageHighlighterContext } from '@/components/panel/page-highlighter';
import { EndpointSetup } from '@/components/setup/endpoint-setup';
import { useEndpointSetupNeeded } from '@/components/setup/use-endpoint-setup';
import { BrandBar } from '@/components/shared/brand-bar';
import { isSetupError } from '@/lib/setup/endpoint-setup';

/** The side panel (Firefox: sidebar): the result for the tab it shows, following the active tab. */
export function App() {
  const { tabId, job, synced, actions } = useTabJob();
  const highlighter = useMemo(() => (tabId === null ? null : createPageHighlighter(tabId)), [tabId]);
  const setupNeeded = useEndpointSetupNeeded();
  // A first run shows the setup, never the job's "no API key" error; the job it stopped runs once it is done.
  const inSetup = setupNeeded === true || (job?.status === 'error' && isSetupError(job.error));
  return (
    <main class="page">
      <BrandBar />
      {!actions ? (
        <p class="placeholder">No tab to show. Open a news article in this window.</p>
      ) : setupNeeded === null ? null : inSetup ? (
        <EndpointSetup
          key={tabId}
          onConnected={() => {
            if (job) void actions.start(job.article?.source ?? 'article', false);
          }}
        />
      ) : (
        // Keyed by tab: a message left from another tab must not show here.
        <PageHighlighterContext.Provider value={highlighter}>
          <JobView key={tabId} job={job} synced={synced} actions={actions} />
        </PageHighlighterContext.Provider>
      )}
    </main>
  );
}
