import { browser } from '#imports';
import type { JobEnvironment } from '@/lib/job/job-environment';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { readSourceFromBackground } from '@/lib/sources/read-source-in-background';
import { readSourceInTab } from '@/lib/sources/read-source-in-tab';
import type { SourceCheckEnvironment } from '@/lib/sources/source-check-runner';
import { storedSourceChecks } from '@/lib/sources/source-check-storage';

/**
 * The SourceCheckRunner's environment in the extension: the settings, key, private-window rule
 * and keep-alive of the jobs (so a check is configured exactly as a job), pages read by fetch
 * (the offscreen document in Chromium) or in a background tab of the reader's window (the tab's
 * own window when the panel names none), and the checks cached in `storage.local`.
 */
export function createBrowserSourceCheckEnvironment(
  jobs: Pick<JobEnvironment, 'loadConfiguration' | 'cacheAllowed' | 'keepAlive'>,
  options: { origin: string; memory: ShapeMemory },
): SourceCheckEnvironment {
  return {
    now: () => Date.now(),
    loadConfiguration: () => jobs.loadConfiguration(),
    readPage: async (url, via, { tabId, windowId }) => {
      if (via === 'fetch') return readSourceFromBackground(url);
      const window = windowId ?? (await browser.tabs.get(tabId).catch(() => undefined))?.windowId;
      return readSourceInTab(url, window === undefined ? {} : { windowId: window });
    },
    cache: storedSourceChecks,
    cacheAllowed: jobs.cacheAllowed ? (tabId) => jobs.cacheAllowed?.(tabId) ?? Promise.resolve(true) : undefined,
    memory: options.memory,
    origin: options.origin,
    keepAlive: jobs.keepAlive ? () => jobs.keepAlive?.() : undefined,
  };
}
