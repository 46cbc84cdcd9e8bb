import { extractFromTab } from '../article/extract-from-tab';
import { streamAnalysis } from '../llm/analyze';
import { createClient, endpointHost } from '../llm/client';
import { toAppError } from '../llm/error-mapping';
import { PROMPT_VERSION } from '../llm/prompts';
import { streamTranslation } from '../llm/translate';
import { loadApiKey, loadSettings } from '../settings';
import type { JobEnvironment, LlmRequest } from './job-manager';
import { persistJob } from './job-persistence';
import { readCachedResult, writeCachedResult } from './result-cache';

/** The JobManager's environment in the extension: real tabs, storage and endpoint. */
export function createBrowserJobEnvironment(extensionOrigin: string): JobEnvironment {
  const clientFor = (request: LlmRequest) => createClient({ baseUrl: request.baseUrl, apiKey: request.apiKey });
  const mapError = (request: LlmRequest, error: unknown) =>
    toAppError(error, { host: endpointHost(request.baseUrl), model: request.model, origin: extensionOrigin });

  return {
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    promptVersion: PROMPT_VERSION,
    loadConfiguration: async () => ({ settings: await loadSettings(), apiKey: await loadApiKey() }),
    extract: extractFromTab,
    runAnalysis: async (request) => {
      try {
        return await streamAnalysis({ ...request, client: clientFor(request) });
      } catch (error) {
        throw mapError(request, error);
      }
    },
    runTranslation: async (request) => {
      try {
        return await streamTranslation({ ...request, client: clientFor(request) });
      } catch (error) {
        throw mapError(request, error);
      }
    },
    readCache: (key) => readCachedResult(key, Date.now()),
    writeCache: (key, result) => writeCachedResult(key, result, Date.now()),
    onChange: persistJob,
  };
}
