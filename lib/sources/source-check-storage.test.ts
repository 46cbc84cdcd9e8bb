import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sourceCheckCacheKey } from '@/lib/sources/source-check-cache';
import { clearStoredSourceChecks, storedSourceChecks } from '@/lib/sources/source-check-storage';
import { SAMPLE_SOURCE_CHECK } from '@/tests/support/sample-source-check';

const result = SAMPLE_SOURCE_CHECK;

const key = sourceCheckCacheKey({
  articleFingerprint: 'f'.repeat(64),
  sourceUrl: result.url,
  sourceSha256: result.sourceSha256,
  model: 'gpt-4o-mini',
  targetLanguage: 'English',
  promptVersion: 'sourcelens-source-check-1',
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('stored source checks', () => {
  it('keep a check in storage.local and give it back', async () => {
    await storedSourceChecks.write(key, result, 1);
    expect(await storedSourceChecks.read(key, 2)).toEqual({ ...result, fromCache: true });
  });

  it('are all cleared, even one the index lost, and nothing else is', async () => {
    await storedSourceChecks.write(key, result, 1);
    await fakeBrowser.storage.local.set({
      'sourcecheck|v0|orphan': { stale: true },
      apiKeyRecord: 'kept',
      'result|v2|x': 1,
    });
    await clearStoredSourceChecks();
    const left = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(left).filter((stored) => stored.startsWith('sourcecheck|'))).toEqual([]);
    expect(left).toMatchObject({ apiKeyRecord: 'kept', 'result|v2|x': 1 });
  });
});
