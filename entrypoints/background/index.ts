import { clearHighlightInTab, highlightPassagesInTab } from '@/lib/highlight/highlight-in-tab';
import { createBrowserJobEnvironment } from '@/lib/job/browser-environment';
import { JobManager } from '@/lib/job/job-manager';
import { forgetPersistedJob, loadPersistedJobs } from '@/lib/job/job-persistence';
import { registerJobPort } from '@/lib/job/job-port';
import { listModels, testConnection } from '@/lib/llm/connection';
import { onMessage } from '@/lib/messaging';
import { applyToolbarBehaviour, openPanel, toolbarAction } from '@/lib/panel';
import { registerSelectionMenu } from '@/lib/selection-menu';
import { loadSettings, protectLocalStorage, watchSettings } from '@/lib/settings';
import { registerWelcome } from '@/lib/welcome';

export default defineBackground(() => {
  const manager = new JobManager(createBrowserJobEnvironment(new URL(browser.runtime.getURL('/')).origin));
  void manager.restoreAll(loadPersistedJobs());
  void protectLocalStorage();

  void loadSettings().then((settings) => applyToolbarBehaviour(settings.toolbarAction));
  watchSettings((settings) => void applyToolbarBehaviour(settings.toolbarAction));

  toolbarAction().onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    // Synchronously, inside the click's user gesture: an await before it would lose the gesture.
    openPanel({ tabId: tab.id, windowId: tab.windowId }).catch(() => undefined);
    void manager.start(tab.id, { source: 'article', force: false });
  });
  // Right-click on selected text: the same panel, on the selection (the page still holds it).
  registerSelectionMenu((tab) => {
    openPanel({ tabId: tab.id, windowId: tab.windowId }).catch(() => undefined);
    void manager.start(tab.id, { source: 'selection', force: false });
  });

  registerWelcome();
  registerJobPort(manager);
  onMessage('startJob', ({ data }) => void manager.start(data.tabId, data));
  onMessage('cancelJob', ({ data }) => manager.cancel(data.tabId));
  onMessage('testConnection', ({ data }) => testConnection(data));
  onMessage('listModels', ({ data }) => listModels(data));
  onMessage('highlightPassages', ({ data }) => highlightPassagesInTab(data.tabId, data.passages));
  onMessage('clearHighlight', ({ data }) => clearHighlightInTab(data.tabId));

  // Without the tabs permission a navigation shows as status "loading", its URL only where we have access.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading' || changeInfo.url) manager.pageChanged(tabId, changeInfo.url ?? null);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    manager.forget(tabId);
    void forgetPersistedJob(tabId);
  });
});
