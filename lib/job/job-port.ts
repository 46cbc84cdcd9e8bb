import { browser } from '#imports';
import { JOB_PORT_NAME, type JobPortRequest } from './job';
import type { JobManager } from './job-manager';

/**
 * Surfaces subscribe to a tab's job over a long-lived port: a snapshot, then events.
 * Messages on the port also keep the MV3 service worker alive while a panel watches.
 */
export function registerJobPort(manager: JobManager): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== JOB_PORT_NAME) return;
    // Only our own pages may subscribe: a content script's port would carry a tab in `sender.tab`.
    if (port.sender?.tab && !port.sender.url?.startsWith(browser.runtime.getURL('/'))) return port.disconnect();
    let unsubscribe: (() => void) | null = null;
    port.onMessage.addListener((message: unknown) => {
      const request = message as JobPortRequest;
      if (request.type !== 'subscribe' || typeof request.tabId !== 'number') return;
      unsubscribe?.();
      unsubscribe = manager.subscribe(request.tabId, (event) => port.postMessage(event));
    });
    port.onDisconnect.addListener(() => unsubscribe?.());
  });
}
