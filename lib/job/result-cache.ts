import { browser, storage } from '#imports';
import { type CachedResult, RESULT_KEY_PREFIX } from '@/lib/job/cached-result';
import { createResultStore } from '@/lib/job/result-store';

/** The result store in `storage.local`: the extension's cache of finished results (see result-store.ts). */
const store = createResultStore({
  get: (key) => storage.getItem(`local:${key}`),
  set: (key, value) => storage.setItem(`local:${key}`, value),
  remove: (key) => storage.removeItem(`local:${key}`),
});

export function readCachedResult(key: string, now: number): Promise<CachedResult | null> {
  return store.read(key, now);
}

export function writeCachedResult(key: string, result: CachedResult, now: number): Promise<void> {
  return store.write(key, result, now);
}

/** How many results are stored on this device. */
export async function countCachedResults(): Promise<number> {
  return Object.keys(await browser.storage.local.get(null)).filter((key) => key.startsWith(RESULT_KEY_PREFIX)).length;
}

/**
 * Options → Clear stored results: every cached result goes, those the index names and any it lost
 * track of (an older version's, a crash's). The key and settings stay.
 */
export async function clearCachedResults(): Promise<void> {
  await store.clear();
  const leftover = Object.keys(await browser.storage.local.get(null)).filter((key) =>
    key.startsWith(RESULT_KEY_PREFIX),
  );
  if (leftover.length > 0) await browser.storage.local.remove(leftover);
}
