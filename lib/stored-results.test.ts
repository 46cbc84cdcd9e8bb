import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countCachedResults } from '@/lib/job/result-cache';
import { clearStoredResults } from '@/lib/stored-results';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('clearStoredResults', () => {
  it("clears the jobs' results and the source checks, and keeps the key and settings", async () => {
    await fakeBrowser.storage.local.set({
      'result|v2|a': { stale: true },
      'sourcecheck|v1|b': { stale: true },
      apiKeyRecord: 'kept',
      requestShapes: { kept: true },
    });
    expect(await countCachedResults()).toBe(1);
    await clearStoredResults();
    const left = await fakeBrowser.storage.local.get(null);
    // Each store keeps its (now empty) index.
    expect(Object.keys(left).filter((key) => key.startsWith('result|') || key.startsWith('sourcecheck|'))).toEqual([]);
    expect(left).toMatchObject({ apiKeyRecord: 'kept', requestShapes: { kept: true } });
  });
});
