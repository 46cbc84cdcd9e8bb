import { storage } from '#imports';
import { type CachedResult, createResultStore } from './result-store';

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
