import { describe, expect, it } from 'vitest';
import { createSnapshotStore, type SnapshotArea } from '@/lib/job/snapshot-store';

function memoryArea(options: { failSet?: boolean } = {}) {
  const values = new Map<string, unknown>();
  const area: SnapshotArea = {
    set: async (key, value) => {
      if (options.failSet) throw new Error('QUOTA_BYTES quota exceeded');
      values.set(key, value);
    },
    remove: async (key) => void values.delete(key),
  };
  return { area, values };
}

/** A snapshot of about `bytes` bytes once stored. */
const snapshot = (bytes: number) => ({ translation: 'x'.repeat(bytes) });

describe('createSnapshotStore', () => {
  it('keeps snapshots within both caps and reports none when they fit', async () => {
    const { area, values } = memoryArea();
    const notKept: number[] = [];
    const store = createSnapshotStore(area, {
      prefix: 'job:',
      onNotKept: (tab) => notKept.push(tab),
      maxTotalBytes: 1000,
    });
    await store.write(1, snapshot(300));
    await store.write(2, snapshot(300));
    await store.write(1, snapshot(350));
    expect([...values.keys()].sort()).toEqual(['job:1', 'job:2']);
    expect(notKept).toEqual([]);
  });

  it('drops the snapshots written longest ago to make room, and says which', async () => {
    const { area, values } = memoryArea();
    const notKept: number[] = [];
    const store = createSnapshotStore(area, {
      prefix: 'job:',
      onNotKept: (tab) => notKept.push(tab),
      maxTotalBytes: 1000,
    });
    await store.write(1, snapshot(400));
    await store.write(2, snapshot(400));
    await store.write(1, snapshot(400));
    await store.write(3, snapshot(400));
    expect([...values.keys()].sort()).toEqual(['job:1', 'job:3']);
    expect(notKept).toEqual([2]);
  });

  it('does not keep a snapshot larger than one may be, removing its older one, and says so', async () => {
    const { area, values } = memoryArea();
    const notKept: number[] = [];
    const store = createSnapshotStore(area, {
      prefix: 'job:',
      onNotKept: (tab) => notKept.push(tab),
      maxSnapshotBytes: 500,
    });
    await store.write(4, snapshot(100));
    await store.write(4, snapshot(600));
    expect(values.has('job:4')).toBe(false);
    expect(notKept).toEqual([4]);
  });

  it('reports a snapshot that the storage itself refuses (its quota full)', async () => {
    const { area } = memoryArea({ failSet: true });
    const notKept: number[] = [];
    const store = createSnapshotStore(area, { prefix: 'job:', onNotKept: (tab) => notKept.push(tab) });
    await expect(store.write(5, snapshot(10))).resolves.toBeUndefined();
    expect(notKept).toEqual([5]);
  });

  it('counts the snapshots found after a restart against the budget', async () => {
    const { area, values } = memoryArea();
    values.set('job:8', snapshot(700));
    const notKept: number[] = [];
    const store = createSnapshotStore(area, {
      prefix: 'job:',
      onNotKept: (tab) => notKept.push(tab),
      maxTotalBytes: 1000,
    });
    store.adopt([[8, values.get('job:8')]]);
    await store.write(9, snapshot(500));
    expect(notKept).toEqual([8]);
    expect(values.has('job:8')).toBe(false);
  });
});
