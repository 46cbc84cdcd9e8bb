/**
 * Finished results, so that opening the same article again renders at once and costs no tokens, under
 * the key `cacheKey` gives (cached-result.ts). Least recently used entries are evicted past a count cap
 * and a size cap (see MAX_CACHED_BYTES).
 * Storage-agnostic: the extension keeps it in `storage.local` (result-cache.ts), the benchmark in memory.
 */

import type { CachedResult } from '@/lib/job/cached-result';

/** The little of a storage area the store needs; `storage.local` and a Map both provide it. */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ResultStore {
  /** The result, or null on a miss; a storage error counts as a miss. */
  read(key: string, now: number): Promise<CachedResult | null>;
  /** Stores the result if it fits; never rejects (a result not cached is analysed again next time). */
  write(key: string, result: CachedResult, now: number): Promise<void>;
  clear(): Promise<void>;
}

export interface ResultStoreLimits {
  maxEntries?: number;
  maxBytes?: number;
}

interface IndexEntry {
  key: string;
  lastUsed: number;
  /** What the entry costs against the quota, as `storedSize` measures it. */
  bytes: number;
}

export const MAX_CACHED_RESULTS = 50;

/**
 * Without `unlimitedStorage`, Chrome caps `storage.local` at 10 MB (QUOTA_BYTES = 10,485,760; 5 MB in
 * Chrome 113 and earlier), counted as each key's length plus its value's JSON, and rejects any `set` that
 * would pass it (https://developer.chrome.com/docs/extensions/reference/api/storage, `QUOTA_BYTES`).
 * The API key and the settings notice live in the same area and must always fit, so the cache stops 2 MB
 * short of the quota: room for them, for the index itself (50 keys) and for anything added to the area later.
 * One result for a 100,000-word article is about 2 MB, so this still holds a few of the largest.
 */
export const MAX_CACHED_BYTES = 8 * 1024 * 1024;

const INDEX_KEY = 'resultCacheIndex';

/**
 * Bytes a key and its value take against Chrome's quota, which counts the key plus the value's JSON.
 * Counted in UTF-8 (Chromium's quota code sizes its UTF-8 strings, and UTF-8 is never shorter than the
 * string), so an Arabic or Chinese article costs two or three bytes a character, not one.
 */
export function storedSize(key: string, value: unknown): number {
  const encoder = new TextEncoder();
  return encoder.encode(key).byteLength + encoder.encode(JSON.stringify(value) ?? '').byteLength;
}

/**
 * The index lists entries most recently used first. Every write keeps it a superset of the values in the
 * area: an entry may briefly name a value that is not there (after a crash or a failed write; `read` drops
 * it), but a value is never stored without an entry naming it, since nothing could ever evict such a value.
 */
export function createResultStore(area: KeyValueArea, limits: ResultStoreLimits = {}): ResultStore {
  const maxEntries = limits.maxEntries ?? MAX_CACHED_RESULTS;
  const maxBytes = limits.maxBytes ?? MAX_CACHED_BYTES;

  // Each operation reads the index, changes it and writes it back; two at once (two tabs finishing
  // together) would lose one's change and orphan its value, so they run one after the other.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = tail.then(operation);
    tail = run.catch(() => undefined);
    return run;
  };

  const readIndex = async (): Promise<IndexEntry[]> => {
    const value = await area.get(INDEX_KEY);
    if (!Array.isArray(value)) return [];
    const entries: IndexEntry[] = [];
    for (const item of value) {
      if (!isKeyed(item) || entries.some((entry) => entry.key === item.key)) continue;
      if (isIndexEntry(item)) entries.push(item);
      else {
        // Written before sizes were recorded: measured once, dropped if its value is gone.
        const stored = await area.get(item.key);
        if (isCachedResult(stored)) entries.push({ key: item.key, lastUsed: 0, bytes: storedSize(item.key, stored) });
      }
    }
    return entries;
  };

  return {
    read: (key, now) =>
      exclusive(async () => {
        const [stored, index] = await Promise.all([area.get(key), readIndex()]);
        const entry = index.find((candidate) => candidate.key === key);
        const others = index.filter((candidate) => candidate.key !== key);
        if (!isCachedResult(stored)) {
          // An entry whose value is missing (or not a result) is forgotten, the value first.
          if (entry) {
            if (stored !== null && stored !== undefined) await area.remove(key);
            await area.set(INDEX_KEY, others);
          }
          return null;
        }
        // A value the index does not name (left by an older version) is adopted, so that it can be evicted.
        const bytes = entry?.bytes ?? storedSize(key, stored);
        // A failed recency update only makes the entry look older than it is; the result is still good.
        await area.set(INDEX_KEY, [{ key, lastUsed: now, bytes }, ...others]).catch(() => undefined);
        return stored;
      }).catch(() => null),

    write: (key, result, now) =>
      exclusive(async () => {
        const bytes = storedSize(key, result);
        if (bytes > maxBytes) return;
        const index = await readIndex();
        const previous = index.find((entry) => entry.key === key);
        const kept = mostRecentThatFit(
          index.filter((entry) => entry.key !== key),
          maxEntries - 1,
          maxBytes - bytes,
        );
        const evicted = index.filter((entry) => entry.key !== key && !kept.includes(entry));
        // Values go before the index stops naming them, and the index names the new value before it is set.
        await Promise.all(evicted.map((entry) => area.remove(entry.key)));
        await area.set(INDEX_KEY, [{ key, lastUsed: now, bytes }, ...kept]);
        try {
          await area.set(key, result);
        } catch {
          // Typically the quota, filled by something outside the cache. The entry is taken back (the value
          // first, in case it landed after all); should that fail too, the next read of the entry drops it.
          if (!previous) await area.remove(key);
          await area.set(INDEX_KEY, previous ? [previous, ...kept] : kept);
        }
        // A failure anywhere leaves at worst an entry without its value; the job goes on uncached.
      }).catch(() => undefined),

    clear: () =>
      exclusive(async () => {
        const index = await readIndex();
        await Promise.all(index.map((entry) => area.remove(entry.key)));
        await area.set(INDEX_KEY, []);
      }),
  };
}

/** The longest run of most recently used entries within both caps: least recently used go first, whole. */
function mostRecentThatFit(entries: IndexEntry[], maxEntries: number, maxBytes: number): IndexEntry[] {
  let total = 0;
  let count = 0;
  for (const entry of entries) {
    if (count >= maxEntries || total + entry.bytes > maxBytes) break;
    total += entry.bytes;
    count += 1;
  }
  return entries.slice(0, count);
}

function isKeyed(value: unknown): value is { key: string } {
  return typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string';
}

function isIndexEntry(value: unknown): value is IndexEntry {
  return (
    isKeyed(value) &&
    'lastUsed' in value &&
    typeof value.lastUsed === 'number' &&
    'bytes' in value &&
    typeof value.bytes === 'number' &&
    Number.isFinite(value.bytes) &&
    value.bytes >= 0
  );
}

/** Stored by this code itself; the check only keeps a missing or foreign value from passing as a result. */
function isCachedResult(value: unknown): value is CachedResult {
  return typeof value === 'object' && value !== null && 'savedAt' in value && 'analysis' in value;
}
