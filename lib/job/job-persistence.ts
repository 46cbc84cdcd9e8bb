import { browser } from '#imports';
import type { JobState } from './job';

/**
 * Jobs are mirrored into `storage.session` so that a service worker stopped by the browser comes
 * back knowing each tab's result (and which jobs were cut off). Session storage is cleared when the
 * browser closes and is not readable by content scripts.
 */
const PREFIX = 'job:';
const WRITE_INTERVAL_MS = 500;

const timers = new Map<number, ReturnType<typeof setTimeout>>();
const latest = new Map<number, JobState>();

export function persistJob(job: JobState): void {
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
  if (job) void browser.storage.session.set({ [`${PREFIX}${tabId}`]: job }).catch(() => undefined);
}

export async function forgetPersistedJob(tabId: number): Promise<void> {
  latest.delete(tabId);
  await browser.storage.session.remove(`${PREFIX}${tabId}`).catch(() => undefined);
}

export async function loadPersistedJobs(): Promise<JobState[]> {
  const all = await browser.storage.session.get(null).catch(() => ({}));
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value as JobState);
}
