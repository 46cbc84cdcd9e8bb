import { describe, expect, it } from 'vitest';
import type { KeyValueArea } from '@/lib/job/result-store';
import { createSourceCheckCache, SOURCE_CHECK_KEY_PREFIX, sourceCheckCacheKey } from '@/lib/sources/source-check-cache';
import { SAMPLE_SOURCE_CHECK } from '@/tests/support/sample-source-check';

function memoryArea(): KeyValueArea & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}

const result = SAMPLE_SOURCE_CHECK;

const key = (sourceSha256: string, model = 'gpt-4o-mini') =>
  sourceCheckCacheKey({
    articleFingerprint: 'f'.repeat(64),
    sourceUrl: result.url,
    sourceSha256,
    model,
    targetLanguage: 'English',
    promptVersion: 'sourcelens-source-check-1',
  });

describe('sourceCheckCacheKey', () => {
  it('differs by article, source URL, source hash, model and reader’s language, under its own prefix', () => {
    const keys = new Set([
      key('a'.repeat(64)),
      key('b'.repeat(64)),
      key('a'.repeat(64), 'gpt-4o'),
      sourceCheckCacheKey({
        articleFingerprint: 'e'.repeat(64),
        sourceUrl: result.url,
        sourceSha256: 'a'.repeat(64),
        model: 'gpt-4o-mini',
        targetLanguage: 'English',
        promptVersion: 'sourcelens-source-check-1',
      }),
      sourceCheckCacheKey({
        articleFingerprint: 'f'.repeat(64),
        sourceUrl: result.url,
        sourceSha256: 'a'.repeat(64),
        model: 'gpt-4o-mini',
        targetLanguage: 'German',
        promptVersion: 'sourcelens-source-check-1',
      }),
    ]);
    expect(keys.size).toBe(5);
    for (const each of keys) expect(each.startsWith(SOURCE_CHECK_KEY_PREFIX)).toBe(true);
  });
});

describe('createSourceCheckCache', () => {
  it('gives back what was stored, marked as from the cache', async () => {
    const cache = createSourceCheckCache(memoryArea());
    await cache.write(key('a'.repeat(64)), result, 1);
    expect(await cache.read(key('a'.repeat(64)), 2)).toEqual({ ...result, fromCache: true });
    expect(await cache.read(key('b'.repeat(64)), 2)).toBeNull();
  });

  it('treats a stored value that no longer fits the schema as a miss', async () => {
    const area = memoryArea();
    const cache = createSourceCheckCache(area);
    area.values.set(key('a'.repeat(64)), { ...result, claims: [{ verdict: 'maybe' }] });
    expect(await cache.read(key('a'.repeat(64)), 1)).toBeNull();
  });

  it('evicts the least recently used past its cap, and clears only its own keys', async () => {
    const area = memoryArea();
    area.values.set('apiKey', 'kept');
    const cache = createSourceCheckCache(area, { maxEntries: 2 });
    await cache.write(key('1'.repeat(64)), result, 1);
    await cache.write(key('2'.repeat(64)), result, 2);
    await cache.read(key('1'.repeat(64)), 3);
    await cache.write(key('3'.repeat(64)), result, 4);
    expect(await cache.read(key('2'.repeat(64)), 5)).toBeNull();
    expect(await cache.read(key('1'.repeat(64)), 5)).not.toBeNull();
    expect(await cache.read(key('3'.repeat(64)), 5)).not.toBeNull();
    await cache.clear();
    expect([...area.values.keys()].filter((stored) => stored.startsWith(SOURCE_CHECK_KEY_PREFIX))).toEqual([]);
    expect(area.values.get('apiKey')).toBe('kept');
  });

  it('never rejects when storage fails: a check not cached is made again next time', async () => {
    const cache = createSourceCheckCache({
      get: async () => {
        throw new Error('storage gone');
      },
      set: async () => {
        throw new Error('quota');
      },
      remove: async () => undefined,
    });
    await expect(cache.write(key('a'.repeat(64)), result, 1)).resolves.toBeUndefined();
    await expect(cache.read(key('a'.repeat(64)), 1)).resolves.toBeNull();
  });
});
