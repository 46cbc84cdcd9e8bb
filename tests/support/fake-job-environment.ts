import type { Article } from '@/lib/article/article';
import type { Analysis } from '@/lib/attribution/analysis';
import type { CachedResult } from '@/lib/job/cached-result';
import type { JobEnvironment } from '@/lib/job/job-environment';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings-schema';

/** The analysis the fake endpoint answers with unless a test gives its own `runAnalysis`. */
export const FAKE_ANALYSIS: Analysis = {
  summary: [{ text: 'A deal is apparently close.', paragraphIds: ['p1'] }],
  notes: [],
  outsideKnowledge: [],
};

export interface FakeJobEnvironmentOptions extends Partial<JobEnvironment> {
  /** What extraction hands over; a function is read at each extraction (a tab that shows another page). */
  article: Article | (() => Article);
  /** Over DEFAULT_SETTINGS. */
  settings?: Partial<Settings>;
  /** The key saved for the base URL's origin; `sk-test` unless given ('' for none). */
  apiKey?: string;
}

/** A JobEnvironment with its result cache in a Map the test can look into. */
export type FakeJobEnvironment = JobEnvironment & { cache: Map<string, CachedResult> };

/**
 * The one hand-built JobEnvironment of the unit tests and the benchmark: the manager without a
 * browser. Defaults: the real clock, ids `job-1`, `job-2`…, the settings over DEFAULT_SETTINGS with
 * key `sk-test`, extraction always succeeding, an analysis answered with FAKE_ANALYSIS and an empty
 * translation, and an unlimited in-memory cache. Any member given in `options` replaces its default.
 */
export function createFakeJobEnvironment(options: FakeJobEnvironmentOptions): FakeJobEnvironment {
  const { article, settings, apiKey, ...overrides } = options;
  const cache = new Map<string, CachedResult>();
  let ids = 0;
  return {
    cache,
    now: () => Date.now(),
    newId: () => `job-${++ids}`,
    promptVersion: 'test',
    loadConfiguration: async () => ({ settings: { ...DEFAULT_SETTINGS, ...settings }, apiKey: apiKey ?? 'sk-test' }),
    extract: async () => ({ ok: true, article: typeof article === 'function' ? article() : article }),
    runAnalysis: async () => ({ analysis: FAKE_ANALYSIS, usage: null, mode: 'json_schema' }),
    runTranslation: async () => ({ usage: null }),
    readCache: async (key) => cache.get(key) ?? null,
    writeCache: async (key, result) => {
      cache.set(key, result);
    },
    ...overrides,
  };
}
