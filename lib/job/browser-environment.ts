import { browser } from '#imports';
import { extractFromTab } from '../article/extract-from-tab';
import { PROMPT_VERSION } from '../llm/prompts';
import { loadApiKey, loadSettings } from '../settings';
import type { JobEnvironment } from './job-manager';
import { persistJob } from './job-persistence';
import { createLlmRunners } from './llm-runners';
import { readCachedResult, writeCachedResult } from './result-cache';

/** The JobManager's environment in the extension: real tabs, storage and endpoint. */
export function createBrowserJobEnvironment(extensionOrigin: string): JobEnvironment {
  return {
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    promptVersion: PROMPT_VERSION,
    loadConfiguration: async () => ({ settings: await loadSettings(), apiKey: await loadApiKey() }),
    extract: extractFromTab,
    ...createLlmRunners({ origin: extensionOrigin }),
    readCache: (key) => readCachedResult(key, Date.now()),
    writeCache: (key, result) => writeCachedResult(key, result, Date.now()),
    // `incognito` is on every Tab, with or without the tabs permission. A tab that cannot be read is not cached.
    cacheAllowed: async (tabId) => {
      const tab = await browser.tabs.get(tabId).catch(() => null);
      return tab !== null && !tab.incognito;
    },
    onChange: persistJob,
  };
}
