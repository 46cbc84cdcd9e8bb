import type { KeyValueArea } from '@/lib/job/result-store';
import { type SourceCheckResult, SourceCheckResultSchema } from '@/lib/sources/source-check-result';

/**
 * Finished source checks, so that a revisit costs nothing. Beside the job's result cache
 * (lib/job/result-store.ts) and in the same storage area, under keys of their own: a check stands
 * for one article (its fingerprint, lib/job/article-fingerprint.ts), one source (its URL and the
 * SHA-256 of the text read from it), one model, the reader's language and the check prompt's
 * version (and, for a follow-up check, the source that links it and the passages sent). Change
 * any of them, and the source is checked again: a source edited since, or read behind a paywall
 * before and whole now, has another hash.
 */
export interface SourceCheckKeyParts {
  articleFingerprint: string;
  sourceUrl: string;
  sourceSha256: string;
  model: string;
  targetLanguage: string;
  promptVersion: string;
  /** For a follow-up check: the checked source that links this one (its claims are that source's passages). */
  parentUrl?: string;
  /** For a follow-up check: SHA-256 (hex) of the claims' original wordings, which that source's check chose. */
  claimsSha256?: string;
}

/** Every key of a stored check starts so, and no other key does (the job cache's start `result|`). */
export const SOURCE_CHECK_KEY_PREFIX = 'sourcecheck|';
const INDEX_KEY = 'sourceCheckCacheIndex';
/** A check is a few kilobytes with its source's paragraphs: 200 stay far inside the storage quota. */
export const MAX_CACHED_SOURCE_CHECKS = 200;

export function sourceCheckCacheKey(parts: SourceCheckKeyParts): string {
  return [
    'sourcecheck',
    'v1',
    parts.promptVersion,
    parts.model,
    parts.targetLanguage,
    parts.articleFingerprint,
    parts.sourceSha256,
    parts.sourceUrl,
    // Last, so that the article's own checks keep the keys they had.
    ...(parts.parentUrl ? [`from:${parts.parentUrl}`, `claims:${parts.claimsSha256 ?? ''}`] : []),
  ].join('|');
}

export interface SourceCheckCache {
  /** The stored check, or null on a miss; a storage error or a value that no longer fits the schema counts as a miss. */
  read(key: string, now: number): Promise<SourceCheckResult | null>;
  /** Stores the check, evicting the least recently used past MAX_CACHED_SOURCE_CHECKS; never rejects. */
  write(key: string, result: SourceCheckResult, now: number): Promise<void>;
  clear(): Promise<void>;
}

interface IndexEntry {
  key: string;
  lastUsed: number;
}

function isIndexEntry(value: unknown): value is IndexEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'key') === 'string' &&
    String(Reflect.get(value, 'key')).startsWith(SOURCE_CHECK_KEY_PREFIX) &&
    typeof Reflect.get(value, 'lastUsed') === 'number'
  );
}

/** The cache over any key-value area: `storage.local` in the extension, a Map in tests and the eval. */
export function createSourceCheckCache(area: KeyValueArea, limits: { maxEntries?: number } = {}): SourceCheckCache {
  const maxEntries = Math.max(1, limits.maxEntries ?? MAX_CACHED_SOURCE_CHECKS);
  // Read-change-write of the index, one operation at a time (two checks finishing together).
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = tail.then(operation);
    tail = run.catch(() => undefined);
    return run;
  };
  const readIndex = async (): Promise<IndexEntry[]> => {
    const value = await area.get(INDEX_KEY);
    return Array.isArray(value) ? value.filter(isIndexEntry) : [];
  };

  return {
    read: (key, now) =>
      exclusive(async () => {
        const parsed = SourceCheckResultSchema.safeParse(await area.get(key));
        const others = (await readIndex()).filter((entry) => entry.key !== key);
        if (!parsed.success) return null;
        await area.set(INDEX_KEY, [{ key, lastUsed: now }, ...others]).catch(() => undefined);
        return { ...parsed.data, fromCache: true };
      }).catch(() => null),

    write: (key, result, now) =>
      exclusive(async () => {
        const others = (await readIndex()).filter((entry) => entry.key !== key);
        const kept = others.slice(0, maxEntries - 1);
        await Promise.all(others.slice(maxEntries - 1).map((entry) => area.remove(entry.key)));
        // The index names the value before it is set, so no value is ever stored that nothing could evict.
        await area.set(INDEX_KEY, [{ key, lastUsed: now }, ...kept]);
        await area.set(key, { ...result, fromCache: false });
      }).catch(() => undefined),

    clear: () =>
      exclusive(async () => {
        await Promise.all((await readIndex()).map((entry) => area.remove(entry.key)));
        await area.set(INDEX_KEY, []);
      }),
  };
}
