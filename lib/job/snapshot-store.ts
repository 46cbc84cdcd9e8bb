import { storedSize } from '@/lib/job/result-store';

/** The little of `storage.session` the store needs. */
export interface SnapshotArea {
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * Chrome gives `storage.session` 10 MB (QUOTA_BYTES, 10,485,760; 1 MB before Chrome 112), counted like
 * `storage.local` (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session),
 * and rejects a `set` past it. The snapshots stay 2 MB short of it, and one snapshot may take at most
 * 3 MB, so one huge article cannot push every other tab's result out.
 */
export const MAX_SNAPSHOT_BYTES = 3 * 1024 * 1024;
export const MAX_SNAPSHOTS_BYTES = 8 * 1024 * 1024;

export interface SnapshotStore {
  /**
   * Writes a tab's snapshot if it fits, making room by dropping the snapshots written longest ago;
   * every snapshot not kept (this one, or one dropped for it) is reported. Never rejects.
   */
  write(tabId: number, snapshot: unknown): Promise<void>;
  forget(tabId: number): Promise<void>;
  /** Snapshots found in storage after a restart, so that they count against the budget. */
  adopt(entries: Array<[number, unknown]>): void;
}

export function createSnapshotStore(
  area: SnapshotArea,
  options: { prefix: string; onNotKept(tabId: number): void; maxSnapshotBytes?: number; maxTotalBytes?: number },
): SnapshotStore {
  const maxSnapshot = options.maxSnapshotBytes ?? MAX_SNAPSHOT_BYTES;
  const maxTotal = options.maxTotalBytes ?? MAX_SNAPSHOTS_BYTES;
  /** Bytes of each stored snapshot, least recently written first (a Map keeps insertion order). */
  const sizes = new Map<number, number>();
  const keyOf = (tabId: number) => `${options.prefix}${tabId}`;

  // One write at a time: the sizes must match what is stored.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = (operation: () => Promise<void>): Promise<void> => {
    const run = tail.then(operation);
    tail = run.catch(() => undefined);
    return run.catch(() => undefined);
  };

  const drop = async (tabId: number) => {
    sizes.delete(tabId);
    await area.remove(keyOf(tabId)).catch(() => undefined);
  };

  return {
    write: (tabId, snapshot) =>
      exclusive(async () => {
        const bytes = storedSize(keyOf(tabId), snapshot);
        if (bytes > maxSnapshot) {
          // An older, smaller snapshot of this job would be restored as if it were the result.
          await drop(tabId);
          return options.onNotKept(tabId);
        }
        sizes.delete(tabId);
        let total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
        for (const [other, size] of [...sizes]) {
          if (total + bytes <= maxTotal) break;
          total -= size;
          await drop(other);
          options.onNotKept(other);
        }
        try {
          await area.set(keyOf(tabId), snapshot);
          sizes.set(tabId, bytes);
        } catch {
          // The quota, filled by something else: this snapshot is not kept, and says so.
          await drop(tabId);
          options.onNotKept(tabId);
        }
      }),
    forget: (tabId) => exclusive(() => drop(tabId)),
    adopt: (entries) => {
      for (const [tabId, value] of entries) {
        if (Number.isInteger(tabId)) sizes.set(tabId, storedSize(keyOf(tabId), value));
      }
    },
  };
}
