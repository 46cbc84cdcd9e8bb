import { describe, expect, it } from 'vitest';
import { type CachedResult, createResultStore, type KeyValueArea } from './result-store';

function memoryArea(): KeyValueArea & { keys(): string[] } {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, structuredClone(value));
    },
    remove: async (key) => {
      values.delete(key);
    },
    keys: () => [...values.keys()],
  };
}

const result = (savedAt: number): CachedResult => ({
  article: null,
  analysis: {},
  analysisMode: 'json_schema',
  translation: `t${savedAt}`,
  translationStatus: 'done',
  usage: { analysis: null, translation: null },
  model: 'm',
  host: 'h',
  targetLanguage: 'English',
  savedAt,
});

describe('createResultStore', () => {
  it('reads back what it wrote, and nothing for an unknown key', async () => {
    const store = createResultStore(memoryArea());
    await store.write('a', result(1), 1);
    expect((await store.read('a', 2))?.translation).toBe('t1');
    expect(await store.read('b', 2)).toBeNull();
  });

  it('evicts the least recently used entry past its cap; a read counts as a use', async () => {
    const area = memoryArea();
    const store = createResultStore(area, 2);
    await store.write('a', result(1), 1);
    await store.write('b', result(2), 2);
    await store.read('a', 3);
    await store.write('c', result(4), 4);
    expect(await store.read('b', 5)).toBeNull();
    expect(await store.read('a', 5)).not.toBeNull();
    expect(area.keys().sort()).toEqual(['a', 'c', 'resultCacheIndex']);
  });

  it('clears every entry', async () => {
    const area = memoryArea();
    const store = createResultStore(area);
    await store.write('a', result(1), 1);
    await store.clear();
    expect(await store.read('a', 2)).toBeNull();
  });
});
