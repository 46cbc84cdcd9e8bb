import { storage } from '#imports';
import type { JobState } from './job';

/**
 * Finished results, so that opening the same article again renders at once and costs no tokens.
 * Keyed by canonical URL, content hash, model, target language and prompt version: change any of
 * them and the article is analysed again. Least recently used entries are evicted past the cap.
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

interface IndexEntry {
  key: string;
  lastUsed: number;
}

export const MAX_CACHED_RESULTS = 50;

const indexItem = storage.defineItem<IndexEntry[]>('local:resultCacheIndex', { fallback: [] });

export function cacheKey(parts: CacheKeyParts): string {
  return ['result', parts.promptVersion, parts.model, parts.targetLanguage, parts.contentHash, parts.canonicalUrl].join(
    '|',
  );
}

function entryItem(key: string) {
  return storage.defineItem<CachedResult | null>(`local:${key}`, { fallback: null });
}

export async function readCachedResult(key: string, now: number): Promise<CachedResult | null> {
  const result = await entryItem(key).getValue();
  if (!result) return null;
  const index = await indexItem.getValue();
  await indexItem.setValue([{ key, lastUsed: now }, ...index.filter((entry) => entry.key !== key)]);
  return result;
}

export async function writeCachedResult(key: string, result: CachedResult, now: number): Promise<void> {
  await entryItem(key).setValue(result);
  const index = [{ key, lastUsed: now }, ...(await indexItem.getValue()).filter((entry) => entry.key !== key)];
  const kept = index.slice(0, MAX_CACHED_RESULTS);
  const evicted = index.slice(MAX_CACHED_RESULTS);
  await Promise.all(evicted.map((entry) => entryItem(entry.key).removeValue()));
  await indexItem.setValue(kept);
}

export async function clearResultCache(): Promise<void> {
  const index = await indexItem.getValue();
  await Promise.all(index.map((entry) => entryItem(entry.key).removeValue()));
  await indexItem.setValue([]);
}
