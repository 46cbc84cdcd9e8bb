import { browser } from '#imports';
import { JOB_PORT_NAME, type JobEvent, JobPortRequestSchema } from '@/lib/job/job';
import type { JobManager } from '@/lib/job/job-manager';

/** The little of a `runtime.Port` the job port uses; a test's fake port provides the same. */
export interface JobPortConnection {
  name: string;
  sender?: { tab?: unknown; url?: string };
  postMessage(event: JobEvent): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Surfaces subscribe to a tab's job over a long-lived port: a snapshot, then events.
 * Messages on the port also keep the MV3 service worker alive while a panel watches.
 */
export function registerJobPort(manager: JobManager): void {
  browser.runtime.onConnect.addListener((port) => serveJobPort(port, manager, browser.runtime.getURL('/')));
}

/**
 * One surface's port: `subscribe` (again, for another tab) replaces its subscription, which ends
 * when the port closes. `extensionUrl` (`runtime.getURL('/')`) tells our own pages from a content
 * script's port. What arrives is validated (JobPortRequestSchema): anything else is ignored.
 */
export function serveJobPort(
  port: JobPortConnection,
  manager: Pick<JobManager, 'subscribe'>,
  extensionUrl: string,
): void {
  if (port.name !== JOB_PORT_NAME) return;
  // Only our own pages may subscribe: a content script's port would carry a tab in `sender.tab`.
  if (port.sender?.tab && !port.sender.url?.startsWith(extensionUrl)) {
    port.disconnect();
    return;
  }
  let unsubscribe: (() => void) | null = null;
  port.onMessage.addListener((message) => {
    // A keep-alive does its work by arriving; it needs no answer.
    const request = JobPortRequestSchema.safeParse(message);
    if (!request.success || request.data.type !== 'subscribe') return;
    unsubscribe?.();
    unsubscribe = manager.subscribe(request.data.tabId, (event) => port.postMessage(event));
  });
  port.onDisconnect.addListener(() => unsubscribe?.());
}
