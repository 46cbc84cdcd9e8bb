import type { JobState } from './job';

/**
 * Finished results, so that opening the same article again renders at once and costs no tokens.
 * Keyed by canonical URL, content hash, model, target language and prompt version: change any of
 * them and the article is analysed again. Least recently used entries are evicted past the cap.
 * Storage-agnostic: the extension keeps it in `storage.local` (result-cache.ts), the benchmark in memory.
 */
export interface CacheKeyParts {
  canonicalUrl: string;
  contentHash: string;
  model: string;
  targetLanguage: string;
  promptVersion: string;
}

export type CachedResult = Pick<
  JobState,
  | 'article'
  | 'analysis'
  | 'analysisMode'
  | 'translation'
  | 'translationStatus'
  | 'usage'
  | 'model'
  | 'host'
  | 'targetLanguage'
> & { savedAt: number };

/** The little of a storage area the store needs; `storage.local` and a Map both provide it. */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ResultStore {
  read(key: string, now: number): Promise<CachedResult | null>;
  write(key: string, result: CachedResult, now: number): Promise<void>;
  clear(): Promise<void>;
}

interface IndexEntry {
  key: string;
  lastUsed: number;
}

export const MAX_CACHED_RESULTS = 50;
const INDEX_KEY = 'resultCacheIndex';

export function cacheKey(parts: CacheKeyParts): string {
  return ['result', parts.promptVersion, parts.model, parts.targetLanguage, parts.contentHash, parts.canonicalUrl].join(
    '|',
  );
}

export function createResultStore(area: KeyValueArea, maxEntries = MAX_CACHED_RESULTS): ResultStore {
  const readIndex = async (): Promise<IndexEntry[]> => {
    const value = await area.get(INDEX_KEY);
    return Array.isArray(value) ? value.filter(isIndexEntry) : [];
  };
  return {
    async read(key, now) {
      const result = await area.get(key);
      if (!isCachedResult(result)) return null;
      const index = await readIndex();
      await area.set(INDEX_KEY, [{ key, lastUsed: now }, ...index.filter((entry) => entry.key !== key)]);
      return result;
    },
    async write(key, result, now) {
      await area.set(key, result);
      const index = [{ key, lastUsed: now }, ...(await readIndex()).filter((entry) => entry.key !== key)];
      await Promise.all(index.slice(maxEntries).map((entry) => area.remove(entry.key)));
      await area.set(INDEX_KEY, index.slice(0, maxEntries));
    },
    async clear() {
      const index = await readIndex();
      await Promise.all(index.map((entry) => area.remove(entry.key)));
      await area.set(INDEX_KEY, []);
    },
  };
}

function isIndexEntry(value: unknown): value is IndexEntry {
  return typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string';
}

/** Stored by this code itself; the check only keeps a missing or foreign value from passing as a result. */
function isCachedResult(value: unknown): value is CachedResult {
  return typeof value === 'object' && value !== null && 'savedAt' in value && 'analysis' in value;
}
