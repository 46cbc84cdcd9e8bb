import { browser } from '#imports';
import { extractFromTab } from '@/lib/article/extract-from-tab';
import { loadCredentialFor } from '@/lib/endpoint-credential';
import type { JobEnvironment } from '@/lib/job/job-environment';
import { persistJob } from '@/lib/job/job-persistence';
import { createKeepAlive } from '@/lib/job/keep-alive';
import { createLlmRunners } from '@/lib/job/llm-runners';
import { readCachedResult, writeCachedResult } from '@/lib/job/result-cache';
import { PROMPT_VERSION } from '@/lib/llm/prompts';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { loadSettings } from '@/lib/settings';

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
