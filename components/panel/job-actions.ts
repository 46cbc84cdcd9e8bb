import { browser } from '#imports';
import type { ExtractionSource } from '@/lib/article/article';
import { sendMessage } from '@/lib/messaging';
import type { SourceCheckRequest } from '@/lib/sources/source-check-state';

/** What a result view can ask for. Injected, so views are tested without a background. */
export interface JobActions {
  /** `confirmed`: the user said go to a run above their cost limit. */
  start(source: ExtractionSource, force: boolean, confirmed?: boolean): Promise<void>;
  cancel(): Promise<void>;
  openOptions(): Promise<void>;
  /** Checks linked sources of the article (host access to their sites already asked on the click). */
  checkSources(request: Omit<SourceCheckRequest, 'tabId'>): Promise<void>;
  /** Not now: puts off the checks of these sources awaiting the go-ahead. */
  setAsideSourceChecks(urls: string[]): Promise<void>;
}

/** The real actions for one tab: messages to the background, and the browser's options page. */
export function createJobActions(tabId: number): JobActions {
  return {
    start: (source, force, confirmed = false) => sendMessage('startJob', { tabId, source, force, confirmed }),
    cancel: () => sendMessage('cancelJob', { tabId }),
    openOptions: () => browser.runtime.openOptionsPage(),
    checkSources: (request) => sendMessage('checkSources', { ...request, tabId }),
    setAsideSourceChecks: (urls) => sendMessage('setAsideSourceChecks', { tabId, urls }),
  };
}
