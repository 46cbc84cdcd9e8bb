import { browser } from 'wxt/browser';
import type { ExtractionSource } from '../lib/article/article';
import { sendMessage } from '../lib/messaging';

/** What a result view can ask for. Injected, so views are tested without a background. */
export interface JobActions {
  start(source: ExtractionSource, force: boolean): Promise<void>;
  cancel(): Promise<void>;
  openOptions(): Promise<void>;
}

/** The real actions for one tab: messages to the background, and the browser's options page. */
export function createJobActions(tabId: number): JobActions {
  return {
    start: (source, force) => sendMessage('startJob', { tabId, source, force }),
    cancel: () => sendMessage('cancelJob', { tabId }),
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
