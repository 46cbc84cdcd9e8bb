import { useTabJob } from '@/components/hooks/use-tab-job';
import { PopupView } from '@/components/popup/popup-view';
import { BrandBar } from '@/components/shared/brand-bar';
import { openPanel } from '@/lib/panel';

/** The compact popup for the active tab. */
export function App() {
  const { target, job, synced, actions } = useTabJob();
  return (
    <main class="page page--popup">
      <BrandBar onOptionsOpened={() => window.close()} />
      {actions && target ? (
        <PopupView
          job={job}
          synced={synced}
          actions={actions}
          // openPanel calls sidePanel.open() / sidebarAction.open() synchronously, inside the click's gesture.
          onOpenPanel={() => openPanel({ tabId: target.tabId }).then(() => window.close())}
        />
      ) : (
        <p class="placeholder">No tab to show.</p>
      )}
    </main>
  );
}
