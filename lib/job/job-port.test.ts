import { describe, expect, it, vi } from 'vitest';
import { JOB_PORT_NAME, type JobEvent } from '@/lib/job/job';
import type { JobManager } from '@/lib/job/job-manager';
import { type JobPortConnection, serveJobPort } from '@/lib/job/job-port';

const EXTENSION_URL = 'chrome-extension://sourcelens/';

/** A port as a surface opens it, with the messages it posts and the events it was sent. */
function fakePort(sender: JobPortConnection['sender'] = { url: `${EXTENSION_URL}sidepanel.html` }) {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const received: JobEvent[] = [];
  const port: JobPortConnection = {
    name: JOB_PORT_NAME,
    sender,
    postMessage: (event) => void received.push(event),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener) => void messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => void disconnectListeners.push(listener) },
  };
  return {
    port,
    received,
    post: (message: unknown) => {
      for (const listener of messageListeners) listener(message);
    },
    close: () => {
      for (const listener of disconnectListeners) listener();
    },
  };
}

/** A manager that answers each subscription with an empty snapshot and records who subscribed. */
function fakeManager() {
  const subscribed: number[] = [];
  const unsubscribed: number[] = [];
  const manager: Pick<JobManager, 'subscribe'> = {
    subscribe: (tabId, listener) => {
      subscribed.push(tabId);
      listener({ type: 'snapshot', job: null });
      return () => void unsubscribed.push(tabId);
    },
  };
  return { manager, subscribed, unsubscribed };
}

describe('serveJobPort', () => {
  it('subscribes a surface to its tab, moves the subscription to another tab, and ends it when the port closes', () => {
    const { manager, subscribed, unsubscribed } = fakeManager();
    const { port, received, post, close } = fakePort();
    serveJobPort(port, manager, EXTENSION_URL);
    post({ type: 'subscribe', tabId: 7 });
    expect(received).toEqual([{ type: 'snapshot', job: null }]);
    post({ type: 'subscribe', tabId: 8 });
    expect(subscribed).toEqual([7, 8]);
    expect(unsubscribed).toEqual([7]);
    close();
    expect(unsubscribed).toEqual([7, 8]);
  });

  it.each([
    ['a keep-alive', { type: 'keepalive' }],
    ['a tab id as text', { type: 'subscribe', tabId: '7' }],
    ['no tab id', { type: 'subscribe' }],
    ['a negative tab id', { type: 'subscribe', tabId: -1 }],
    ['a fractional tab id', { type: 'subscribe', tabId: 7.5 }],
    ['an unknown type', { type: 'start', tabId: 7 }],
    ['a bare string', 'subscribe'],
    ['null', null],
  ])('subscribes nothing for %s', (_, message) => {
    const { manager, subscribed } = fakeManager();
    const { port, received, post } = fakePort();
    serveJobPort(port, manager, EXTENSION_URL);
    expect(() => post(message)).not.toThrow();
    expect(subscribed).toEqual([]);
    expect(received).toEqual([]);
  });

  it("disconnects a content script's port, which carries a tab and a page's URL", () => {
    const { manager, subscribed } = fakeManager();
    const { port, post } = fakePort({ tab: { id: 3 }, url: 'https://news.example/a' });
    serveJobPort(port, manager, EXTENSION_URL);
    post({ type: 'subscribe', tabId: 3 });
    expect(port.disconnect).toHaveBeenCalled();
    expect(subscribed).toEqual([]);
  });
});
