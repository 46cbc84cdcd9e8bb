import { clearCachedResults } from '@/lib/job/result-cache';
import { clearStoredSourceChecks } from '@/lib/sources/source-check-storage';

/**
 * Options → Clear stored results: every finished job's result and every source check kept in
 * `storage.local` go (the key and settings stay). Rejects if the browser's storage does.
 */
export async function clearStoredResults(): Promise<void> {
  await Promise.all([clearCachedResults(), clearStoredSourceChecks()]);
}
