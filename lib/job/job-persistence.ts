/**
 * Jobs are mirrored into `storage.session` so that a service worker stopped by the browser comes
 * back knowing each tab's result (and which jobs were cut off). Session storage is cleared when the
 * browser closes and is not readable by content scripts. What does not fit is reported to
 * `onNotKept` (the job manager then tells the surfaces), never dropped silently.
 */

import { browser } from '#imports';
import type { JobState } from '@/lib/job/job';
import { createSnapshotStore, type SnapshotArea } from '@/lib/job/snapshot-store';
import { storedJobOf } from '@/lib/job/stored-job';

const PREFIX = 'job:';
const WRITE_INTERVAL_MS = 500;

const area: SnapshotArea = {
  set: (key, value) => browser.storage.session.set({ [key]: value }),
  remove: (key) => browser.storage.session.remove(key),
};

let onNotKept: (tabId: number) => void = () => undefined;
const store = createSnapshotStore(area, { prefix: PREFIX, onNotKept: (tabId) => onNotKept(tabId) });

/** Who is told when a tab's snapshot could not be kept: the background's job manager. */
export function reportSnapshotsNotKept(listener: (tabId: number) => void): void {
  onNotKept = listener;
}

const timers = new Map<number, ReturnType<typeof setTimeout>>();
const latest = new Map<number, JobState>();

export function persistJob(job: JobState): void {
  // Not kept is final for this job: writing it again would push another tab's snapshot out in turn.
  if (job.notKept) {
    latest.delete(job.tabId);
    clearTimeout(timers.get(job.tabId));
    timers.delete(job.tabId);
    return;
  }
  latest.set(job.tabId, job);
  const finished = job.status !== 'running' && job.status !== 'extracting';
  if (finished) return void writeNow(job.tabId);
  if (!timers.has(job.tabId))
    timers.set(
      job.tabId,
      setTimeout(() => writeNow(job.tabId), WRITE_INTERVAL_MS),
    );
}

function writeNow(tabId: number): void {
  const timer = timers.get(tabId);
  if (timer) clearTimeout(timer);
  timers.delete(tabId);
  const job = latest.get(tabId);
  if (job) void store.write(tabId, job);
}

export async function forgetPersistedJob(tabId: number): Promise<void> {
  latest.delete(tabId);
  await store.forget(tabId);
}

/**
 * The jobs persisted before the service worker stopped, validated and brought to the current shape
 * (stored-job.ts). One that is not a job (written by nothing we know, or cut short) is removed
 * rather than restored: the tab then shows no result, as after a browser restart.
 */
export async function loadPersistedJobs(): Promise<JobState[]> {
  const all = await browser.storage.session.get(null).catch(() => ({}));
  const jobs: JobState[] = [];
  const kept: Array<[number, unknown]> = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const job = storedJobOf(value);
    if (!job) {
      await browser.storage.session.remove(key).catch(() => undefined);
      continue;
    }
    jobs.push(job);
    kept.push([Number(key.slice(PREFIX.length)), value]);
  }
  store.adopt(kept);
  return jobs;
}
