import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from '#imports';
import { applyJobEvent, JOB_PORT_NAME, type JobEvent, type JobPortRequest, type JobState } from '@/lib/job/job';

export interface JobSubscription {
  job: JobState | null;
  /** True once the background sent its first snapshot for this tab. */
  synced: boolean;
}

/** Keeps the MV3 service worker alive while a surface watches (an open port alone does not, past 5 min). */
export const KEEPALIVE_INTERVAL_MS = 20_000;
/** Waits before reconnecting after the port dropped (the service worker stopped or restarted). */
export const RECONNECT_DELAYS_MS = [200, 1000, 3000, 10_000];

function isJobEvent(message: unknown): message is JobEvent {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/**
 * Mirrors the background's job for a tab over the job port: subscribe, take the snapshot,
 * apply each event with the same reducer as the background, reconnect if the port drops.
 */
export function useJobSubscription(tabId: number | null): JobSubscription {
  // The tab is kept with its state, so a switch never shows the previous tab's job, even for one render.
  const [state, setState] = useState<JobSubscription & { tabId: number | null }>({ job: null, synced: false, tabId });

  useEffect(() => {
    setState({ job: null, synced: false, tabId });
    if (tabId === null) return;

    let port: Browser.runtime.Port | null = null;
    let stopped = false;
    let failures = 0;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

    const post = (request: JobPortRequest) => {
      try {
        port?.postMessage(request);
      } catch {
        // The port died between two messages; onDisconnect reconnects.
      }
    };

    const scheduleReconnect = () => {
      const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)];
      failures += 1;
      reconnectTimer = setTimeout(connect, delay);
    };

    const connect = () => {
      if (stopped) return;
      let current: Browser.runtime.Port;
      try {
        current = browser.runtime.connect({ name: JOB_PORT_NAME });
      } catch {
        // E.g. while the extension reloads: "Extension context invalidated" until it is back.
        scheduleReconnect();
        return;
      }
      port = current;
      current.onMessage.addListener((message: unknown) => {
        if (stopped || port !== current || !isJobEvent(message)) return;
        if (message.type === 'snapshot') failures = 0;
        setState((previous) => ({
          job: applyJobEvent(previous.job, message),
          synced: previous.synced || message.type === 'snapshot',
          tabId,
        }));
      });
      current.onDisconnect.addListener(() => {
        if (port !== current) return;
        port = null;
        if (!stopped) scheduleReconnect();
      });
      post({ type: 'subscribe', tabId });
    };

    connect();
    const keepalive = setInterval(() => post({ type: 'keepalive' }), KEEPALIVE_INTERVAL_MS);

    return () => {
      stopped = true;
      clearInterval(keepalive);
      clearTimeout(reconnectTimer);
      port?.disconnect();
      port = null;
    };
  }, [tabId]);

  return state.tabId === tabId ? { job: state.job, synced: state.synced } : { job: null, synced: false };
}
