import { browser } from '#imports';
import { extractFromTab } from '../article/extract-from-tab';
import { PROMPT_VERSION } from '../llm/prompts';
import type { ShapeMemory } from '../llm/request-shape-memory';
import { loadCredentialFor } from '../endpoint-credential';
import { loadSettings } from '../settings';
import type { JobEnvironment } from './job-environment';
import { persistJob } from './job-persistence';
import { createKeepAlive } from './keep-alive';
import { createLlmRunners } from './llm-runners';
import { readCachedResult, writeCachedResult } from './result-cache';

/**
 * The JobManager's environment in the extension: real tabs, storage and endpoint. `memory` is what
 * was learnt about endpoints, shared with Test connection.
 */
export function createBrowserJobEnvironment(extensionOrigin: string, memory: ShapeMemory): JobEnvironment {
  return {
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    promptVersion: PROMPT_VERSION,
    loadConfiguration: async () => {
      // Read with the settings of this very job: a base URL changed by sync gets no key saved for another origin.
      const settings = await loadSettings();
      const { apiKey, headers } = await loadCredentialFor(settings.baseUrl);
      return { settings, apiKey, headers };
    },
    extract: extractFromTab,
    ...createLlmRunners({ origin: extensionOrigin, memory }),
    readCache: (key) => readCachedResult(key, Date.now()),
    writeCache: (key, result) => writeCachedResult(key, result, Date.now()),
    // `incognito` is on every Tab, with or without the tabs permission. A tab that cannot be read is not cached.
    cacheAllowed: async (tabId) => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return tab?.incognito === false;
    },
    onChange: persistJob,
    keepAlive: createKeepAlive(() => browser.runtime.getPlatformInfo()),
  };
}
