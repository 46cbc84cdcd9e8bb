import { describe, expect, it } from 'vitest';
import type { CachedResult } from '@/lib/job/cached-result';
import { createResultStore, type KeyValueArea, storedSize } from '@/lib/job/result-store';

const INDEX_KEY = 'resultCacheIndex';

interface TestArea extends KeyValueArea {
  keys(): string[];
  peek(key: string): unknown;
  /** Makes `set` of the keys it matches reject, as Chrome does past its quota. */
  failSet: (key: string) => boolean;
}

/** A Map behind the store's interface; with a quota it rejects like `storage.local` past QUOTA_BYTES. */
function memoryArea(quotaBytes = Number.POSITIVE_INFINITY): TestArea {
  const values = new Map<string, unknown>();
  const used = () => [...values].reduce((total, [key, value]) => total + storedSize(key, value), 0);
  const area: TestArea = {
    get: async (key) => structuredClone(values.get(key) ?? null),
    set: async (key, value) => {
      const replaced = values.has(key) ? storedSize(key, values.get(key)) : 0;
      if (area.failSet(key) || used() - replaced + storedSize(key, value) > quotaBytes) {
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      values.set(key, structuredClone(value));
    },
    remove: async (key) => {
      values.delete(key);
    },
    keys: () => [...values.keys()].sort(),
    peek: (key) => values.get(key),
    failSet: () => false,
  };
  return area;
}

const result = (savedAt: number, translationLength = 2): CachedResult => ({
  analysis: {},
  analysisMode: 'json_schema',
  translation: `t${savedAt}`.padEnd(translationLength, 'x'),
  translationStatus: 'done',
  usage: { analysis: null, translation: null },
  model: 'm',
  host: 'h',
  targetLanguage: 'English',
  savedAt,
});

/** What the cache holds: every stored result is named by the index, with its true size, and the reverse. */
function expectConsistent(area: TestArea, foreignKeys: string[] = []): void {
  const index = (area.peek(INDEX_KEY) ?? []) as { key: string; bytes: number }[];
  const stored = area.keys().filter((key) => key !== INDEX_KEY && !foreignKeys.includes(key));
  expect(index.map((entry) => entry.key).sort()).toEqual(stored);
  for (const entry of index) expect(entry.bytes).toBe(storedSize(entry.key, area.peek(entry.key)));
}

const storedBytes = (area: TestArea) =>
  area
    .keys()
    .filter((key) => key !== INDEX_KEY)
    .reduce((total, key) => total + storedSize(key, area.peek(key)), 0);

// Entries of about 10 KB, so that the fixed part of a result is small beside its translation.
const SMALL = 10_000;
const unit = storedSize('a', result(1, SMALL));

describe('createResultStore', () => {
  it('reads back what it wrote, and nothing for an unknown key', async () => {
    const store = createResultStore(memoryArea());
    await store.write('a', result(1), 1);
    expect((await store.read('a', 2))?.translation).toBe('t1');
    expect(await store.read('b', 2)).toBeNull();
  });

  it('evicts the least recently used entry past its count cap; a read counts as a use', async () => {
    const area = memoryArea();
    const store = createResultStore(area, { maxEntries: 2 });
    await store.write('a', result(1), 1);
    await store.write('b', result(2), 2);
    await store.read('a', 3);
    await store.write('c', result(4), 4);
    expect(await store.read('b', 5)).toBeNull();
    expect(await store.read('a', 5)).not.toBeNull();
    expect(area.keys()).toEqual(['a', 'c', INDEX_KEY]);
  });

  it('evicts least recently used entries until the new one fits the byte budget', async () => {
    const area = memoryArea();
    const maxBytes = 4 * unit;
    const store = createResultStore(area, { maxBytes });
    await store.write('a', result(1, SMALL), 1);
    await store.write('b', result(2, SMALL), 2);
    await store.write('c', result(3, SMALL), 3);
    await store.read('a', 4);

    // One and a half entries' worth: the least recently used (b, not a, which was just read) makes room.
    await store.write('d', result(5, 1.5 * SMALL), 5);
    expect(area.keys()).toEqual(['a', 'c', 'd', INDEX_KEY]);

    // Two and a half: c and then a go, oldest first, though a alone would have been enough by count.
    await store.write('e', result(6, 2.5 * SMALL), 6);
    expect(area.keys()).toEqual(['d', 'e', INDEX_KEY]);
    expect(storedBytes(area)).toBeLessThanOrEqual(maxBytes);
    expectConsistent(area);
  });

  it('keeps what was read most recently when the budget forces an eviction', async () => {
    const area = memoryArea();
    const store = createResultStore(area, { maxBytes: 2 * unit });
    await store.write('a', result(1, SMALL), 1);
    await store.write('b', result(2, SMALL), 2);
    await store.read('a', 3);
    await store.write('c', result(4, SMALL), 4);
    expect(await store.read('a', 5)).not.toBeNull();
    expect(await store.read('b', 5)).toBeNull();
    expectConsistent(area);
  });

  it('stores nothing, and evicts nothing, for an entry larger than the whole budget', async () => {
    const area = memoryArea();
    const store = createResultStore(area, { maxBytes: 2 * unit });
    await store.write('a', result(1, SMALL), 1);
    const indexBefore = structuredClone(area.peek(INDEX_KEY));
    await store.write('huge', result(2, 3 * SMALL), 2);
    expect(area.keys()).toEqual(['a', INDEX_KEY]);
    expect(area.peek(INDEX_KEY)).toEqual(indexBefore);
    expect(await store.read('huge', 3)).toBeNull();
  });

  it('measures UTF-8 bytes, as Chrome counts them, not UTF-16 code units', () => {
    expect(storedSize('k', 'é')).toBe(1 + 4);
    expect(storedSize('k', '文')).toBe(1 + 5);
    expect(storedSize('k', '😀')).toBe(1 + 6);
  });

  it('does not throw when the area rejects past its quota, and leaves the cache as it was', async () => {
    // Data outside the cache (the API key here) leaves less room than the budget assumes.
    const area = memoryArea(3 * unit);
    await area.set('apiKey', 'k'.repeat(1.5 * SMALL));
    const store = createResultStore(area, { maxBytes: 4 * unit });
    await store.write('a', result(1, SMALL), 1);
    await expect(store.write('b', result(2, SMALL), 2)).resolves.toBeUndefined();
    expect(await store.read('b', 3)).toBeNull();
    expect(await store.read('a', 3)).not.toBeNull();
    expect(area.peek('apiKey')).toBe('k'.repeat(1.5 * SMALL));
    expectConsistent(area, ['apiKey']);
  });

  it('neither throws nor returns anything when every call to the area fails', async () => {
    const broken: KeyValueArea = {
      get: () => Promise.reject(new Error('storage unavailable')),
      set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
      remove: () => Promise.reject(new Error('storage unavailable')),
    };
    const store = createResultStore(broken);
    await expect(store.write('a', result(1), 1)).resolves.toBeUndefined();
    await expect(store.read('a', 2)).resolves.toBeNull();
  });

  it('restores the earlier entry when rewriting a cached key fails', async () => {
    const area = memoryArea();
    const store = createResultStore(area);
    await store.write('a', result(1, SMALL), 1);
    area.failSet = (key) => key === 'a';
    await store.write('a', result(2, 2 * SMALL), 2);
    expect((await store.read('a', 3))?.savedAt).toBe(1);
    expectConsistent(area);
  });

  it('leaves no orphan when a set rejects although the value landed', async () => {
    const area = memoryArea();
    const set = area.set;
    area.set = async (key, value) => {
      await set(key, value);
      if (key === 'b') throw new Error('message port closed before a response was received');
    };
    const store = createResultStore(area);
    await store.write('a', result(1), 1);
    await expect(store.write('b', result(2), 2)).resolves.toBeUndefined();
    expect(area.keys()).toEqual(['a', INDEX_KEY]);
    expectConsistent(area);
  });

  it('leaves no value the index forgets when the index write fails after an eviction', async () => {
    const area = memoryArea();
    const store = createResultStore(area, { maxEntries: 2 });
    await store.write('a', result(1), 1);
    await store.write('b', result(2), 2);
    area.failSet = (key) => key === INDEX_KEY;
    await expect(store.write('c', result(3), 3)).resolves.toBeUndefined();
    // a's value is gone and c was never stored; the index still names a until a read drops it.
    expect(area.keys()).toEqual(['b', INDEX_KEY]);
    area.failSet = () => false;
    expect(await store.read('a', 4)).toBeNull();
    expect(await store.read('c', 4)).toBeNull();
    expectConsistent(area);
  });

  it('drops an index entry whose value is missing, as after a crash between two writes', async () => {
    const area = memoryArea();
    const store = createResultStore(area, { maxEntries: 2 });
    await store.write('a', result(1), 1);
    await store.write('b', result(2), 2);
    await area.remove('b');
    expect(await store.read('b', 3)).toBeNull();
    expectConsistent(area);
    // The lost entry no longer takes a place: a stays beside c.
    await store.write('c', result(4), 4);
    expect(area.keys()).toEqual(['a', 'c', INDEX_KEY]);
  });

  it('takes back the entry when the value write fails and so does the index write after it', async () => {
    const area = memoryArea();
    const store = createResultStore(area);
    await store.write('a', result(1), 1);
    let indexWrites = 0;
    area.failSet = (key) => key === 'b' || (key === INDEX_KEY && ++indexWrites > 1);
    await expect(store.write('b', result(2), 2)).resolves.toBeUndefined();
    area.failSet = () => false;
    // The index names b, whose value never arrived: the first read drops it.
    expect(await store.read('b', 3)).toBeNull();
    expectConsistent(area);
  });

  it('adopts a stored value the index does not name, so that it can be evicted later', async () => {
    const area = memoryArea();
    await area.set('a', result(1, SMALL));
    const store = createResultStore(area, { maxBytes: 2 * unit });
    expect(await store.read('a', 2)).not.toBeNull();
    expectConsistent(area);
  });

  it('measures entries of an index written before sizes were recorded, and drops those without a value', async () => {
    const area = memoryArea();
    await area.set('a', result(1, SMALL));
    await area.set(INDEX_KEY, [
      { key: 'a', lastUsed: 1 },
      { key: 'gone', lastUsed: 1 },
    ]);
    const store = createResultStore(area, { maxBytes: 2 * unit });
    await store.write('b', result(2, SMALL), 2);
    expectConsistent(area);
    await store.write('c', result(3, SMALL), 3);
    expect(area.keys()).toEqual(['b', 'c', INDEX_KEY]);
  });

  it('loses no entry when writes overlap', async () => {
    const area = memoryArea();
    const store = createResultStore(area);
    await Promise.all([store.write('a', result(1), 1), store.write('b', result(2), 2), store.read('a', 3)]);
    expectConsistent(area);
    expect(area.keys()).toEqual(['a', 'b', INDEX_KEY]);
  });

  it('clears every entry', async () => {
    const area = memoryArea();
    const store = createResultStore(area);
    await store.write('a', result(1), 1);
    await store.clear();
    expect(await store.read('a', 2)).toBeNull();
    expect(area.keys()).toEqual([INDEX_KEY]);
  });
});
