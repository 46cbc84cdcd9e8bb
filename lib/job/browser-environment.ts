import { extractFromTab } from '../article/extract-from-tab';
import { PROMPT_VERSION } from '../llm/prompts';
import type { ShapeMemory } from '../llm/request-shape-memory';
import { loadApiKey, loadSettings } from '../settings';
import type { JobEnvironment } from './job-manager';
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
    loadConfiguration: async () => ({ settings: await loadSettings(), apiKey: await loadApiKey() }),
    extract: extractFromTab,
    ...createLlmRunners({ origin: extensionOrigin, memory }),
    readCache: (key) => readCachedResult(key, Date.now()),
    writeCache: (key, result) => writeCachedResult(key, result, Date.now()),
    onChange: persistJob,
    keepAlive: createKeepAlive(() => browser.runtime.getPlatformInfo()),
  };
}
