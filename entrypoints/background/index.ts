import { clearHighlightInTab, highlightPassagesInTab } from '@/lib/highlight/highlight-in-tab';
import { createBrowserJobEnvironment } from '@/lib/job/browser-environment';
import { JobManager } from '@/lib/job/job-manager';
import { forgetPersistedJob, loadPersistedJobs } from '@/lib/job/job-persistence';
import { registerJobPort } from '@/lib/job/job-port';
import { listModels, testConnection } from '@/lib/llm/connection';
import { createShapeMemory } from '@/lib/llm/request-shape-memory';
import { browserShapeStore } from '@/lib/llm/shape-store';
import { onMessage } from '@/lib/messaging';
import { applyToolbarBehaviour, openPanel, toolbarAction } from '@/lib/panel';
import { loadSettings, protectLocalStorage, watchSettings } from '@/lib/settings';

export default defineBackground(() => {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  // What endpoints refused (request fields), learnt by jobs and Test connection alike.
  const shapes = createShapeMemory(browserShapeStore);
  const manager = new JobManager(createBrowserJobEnvironment(origin, shapes));
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

  registerJobPort(manager);
  onMessage('startJob', ({ data }) => void manager.start(data.tabId, data));
  onMessage('cancelJob', ({ data }) => manager.cancel(data.tabId));
  onMessage('testConnection', ({ data }) => testConnection(data, { origin, memory: shapes }));
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
