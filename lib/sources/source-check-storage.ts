import { browser, storage } from '#imports';
import { createSourceCheckCache, SOURCE_CHECK_KEY_PREFIX } from '@/lib/sources/source-check-cache';

/**
 * The source-check cache in `storage.local`, beside the job's result cache (lib/job/result-cache.ts)
 * and under the same quota: checks are small (a few kilobytes) and capped at MAX_CACHED_SOURCE_CHECKS.
 */
export const storedSourceChecks = createSourceCheckCache({
  get: (key) => storage.getItem(`local:${key}`),
  set: (key, value) => storage.setItem(`local:${key}`, value),
  remove: (key) => storage.removeItem(`local:${key}`),
});

/**
 * Every stored source check goes, those the index names and any it lost track of: for Options →
 * Clear stored results, which clears the job's results too (lib/job/result-cache.ts).
 */
export async function clearStoredSourceChecks(): Promise<void> {
  await storedSourceChecks.clear();
  const leftover = Object.keys(await browser.storage.local.get(null)).filter((key) =>
    key.startsWith(SOURCE_CHECK_KEY_PREFIX),
  );
  if (leftover.length > 0) await browser.storage.local.remove(leftover);
}
