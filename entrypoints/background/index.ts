import { isExtensionPage, type MessageSenderLike } from '@/lib/extension-sender';
import { clearHighlightInTab, highlightPassagesInTab } from '@/lib/highlight/highlight-in-tab';
import { createBrowserJobEnvironment } from '@/lib/job/browser-environment';
import { JobManager } from '@/lib/job/job-manager';
import { forgetPersistedJob, loadPersistedJobs, reportSnapshotsNotKept } from '@/lib/job/job-persistence';
import { registerJobPort } from '@/lib/job/job-port';
import { listModels } from '@/lib/llm/connection';
import { createShapeMemory } from '@/lib/llm/request-shape-memory';
import { browserShapeStore } from '@/lib/llm/shape-store';
import { testSavedEndpoint } from '@/lib/llm/test-saved-endpoint';
import { onMessage } from '@/lib/messaging';
import { applyToolbarBehaviour, openPanel, toolbarAction } from '@/lib/panel';
import { registerSelectionMenu } from '@/lib/selection-menu';
import { loadSettings, protectLocalStorage, watchSettings } from '@/lib/settings';
import { createBrowserSourceCheckEnvironment } from '@/lib/sources/browser-source-check-environment';
import { readSourceFromBackground } from '@/lib/sources/read-source-in-background';
import { readSourceInTab } from '@/lib/sources/read-source-in-tab';
import { SourceCheckRunner } from '@/lib/sources/source-check-runner';
import { SetAsideSourceChecksSchema, SourceCheckRequestSchema } from '@/lib/sources/source-check-state';
import { registerWelcome } from '@/lib/welcome';

export default defineBackground(() => {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  // What endpoints refused (request fields), learnt by jobs and Test connection alike.
  const shapes = createShapeMemory(browserShapeStore);
  const jobEnvironment = createBrowserJobEnvironment(origin, shapes);
  const manager = new JobManager(jobEnvironment);
  const sourceChecks = new SourceCheckRunner(
    manager,
    createBrowserSourceCheckEnvironment(jobEnvironment, { origin, memory: shapes }),
  );
  reportSnapshotsNotKept((tabId) => manager.notKept(tabId));
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

  // Every handler here serves the extension's own pages only; the injected scripts message the panel
  // (highlightCleared), never the background.
  const fromOwnPage = (sender: MessageSenderLike) => {
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      throw new Error('Sourcelens answers this message only to its own pages.');
    }
  };
  registerWelcome();
  registerJobPort(manager);
  onMessage('startJob', ({ data, sender }) => {
    fromOwnPage(sender);
    void manager.start(data.tabId, data);
  });
  onMessage('cancelJob', ({ data, sender }) => {
    fromOwnPage(sender);
    manager.cancel(data.tabId);
  });
  onMessage('testConnection', ({ data, sender }) => {
    fromOwnPage(sender);
    return testSavedEndpoint(data, { origin, memory: shapes });
  });
  onMessage('listModels', ({ data, sender }) => {
    fromOwnPage(sender);
    return listModels(data, { headers: data.headers });
  });
  onMessage('highlightPassages', ({ data, sender }) => {
    fromOwnPage(sender);
    return highlightPassagesInTab(data.tabId, data.passages);
  });
  onMessage('clearHighlight', ({ data, sender }) => {
    fromOwnPage(sender);
    return clearHighlightInTab(data.tabId);
  });
  onMessage('readSourcePage', ({ data, sender }) => {
    fromOwnPage(sender);
    return readSourceFromBackground(data.url);
  });
  onMessage('readSourceInTab', ({ data, sender }) => {
    fromOwnPage(sender);
    return readSourceInTab(data.url, { windowId: data.windowId });
  });
  onMessage('checkSources', async ({ data, sender }) => {
    fromOwnPage(sender);
    await sourceChecks.start(SourceCheckRequestSchema.parse(data));
  });
  onMessage('setAsideSourceChecks', ({ data, sender }) => {
    fromOwnPage(sender);
    const { tabId, urls } = SetAsideSourceChecksSchema.parse(data);
    sourceChecks.setAside(tabId, urls);
  });

  // Without the tabs permission a navigation shows as status "loading", its URL only where we have access.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading' || changeInfo.url) manager.pageChanged(tabId, changeInfo.url ?? null);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    manager.forget(tabId);
    sourceChecks.forget(tabId);
    void forgetPersistedJob(tabId);
  });
});
