import type { KeyValueArea } from '@/lib/job/result-store';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings-schema';
import { createSourceCheckCache } from '@/lib/sources/source-check-cache';
import type { SourceCheckEnvironment } from '@/lib/sources/source-check-runner';
import type { SourceReadVia } from '@/lib/sources/source-check-state';
import type { SourcePageRead } from '@/lib/sources/source-page-read';

export interface FakeSourceCheckEnvironmentOptions extends Partial<SourceCheckEnvironment> {
  /** Over DEFAULT_SETTINGS; give `baseUrl` the test server's. */
  settings?: Partial<Settings>;
  /** The key saved for the base URL's origin; `sk-test` unless given ('' for none). */
  apiKey?: string;
  /** What reading each URL gives; any other URL is unreachable. A function is asked at each read. */
  pages?: Record<string, SourcePageRead | (() => SourcePageRead | Promise<SourcePageRead>)>;
}

/** One read, as the runner asked for it. */
export interface FakeRead {
  url: string;
  via: SourceReadVia;
  tabId: number;
  windowId?: number;
}

/** The environment, with the reads it was asked for and the cache's storage area to look into. */
export type FakeSourceCheckEnvironment = SourceCheckEnvironment & {
  reads: FakeRead[];
  cacheArea: Map<string, unknown>;
};

/**
 * The SourceCheckRunner's environment without a browser: the real clock, the settings over
 * DEFAULT_SETTINGS with key `sk-test`, pages from `pages`, and a source-check cache over a Map.
 * Any member given in `options` replaces its default.
 */
export function createFakeSourceCheckEnvironment(
  options: FakeSourceCheckEnvironmentOptions = {},
): FakeSourceCheckEnvironment {
  const { settings, apiKey, pages = {}, ...overrides } = options;
  const reads: FakeRead[] = [];
  const cacheArea = new Map<string, unknown>();
  const area: KeyValueArea = {
    get: async (key) => cacheArea.get(key),
    set: async (key, value) => {
      cacheArea.set(key, structuredClone(value));
    },
    remove: async (key) => {
      cacheArea.delete(key);
    },
  };
  return {
    reads,
    cacheArea,
    now: () => Date.now(),
    loadConfiguration: async () => ({ settings: { ...DEFAULT_SETTINGS, ...settings }, apiKey: apiKey ?? 'sk-test' }),
    readPage: async (url, via, where) => {
      reads.push({ url, via, ...where });
      const page = pages[url];
      if (typeof page === 'function') return page();
      return page ?? { ok: false, problem: { kind: 'unreachable', host: new URL(url).host, detail: 'no such page' } };
    },
    cache: createSourceCheckCache(area),
    origin: 'chrome-extension://test',
    ...overrides,
  };
}
