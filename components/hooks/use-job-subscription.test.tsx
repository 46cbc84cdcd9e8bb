// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from '#imports';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JOB_PORT_NAME, type JobEvent } from '@/lib/job/job';
import { seedJob } from '@/tests/support/components/seed-job';
import {
  KEEPALIVE_INTERVAL_MS,
  RECONNECT_DELAYS_MS,
  useJobSubscription,
} from '@/components/hooks/use-job-subscription';

type Listener = (...args: unknown[]) => void;

/** Just enough of runtime.Port: fakeBrowser has no runtime.connect. */
class FakePort {
  readonly sent: unknown[] = [];
  disconnected = false;
  private readonly messageListeners = new Set<Listener>();
  private readonly disconnectListeners = new Set<Listener>();
  readonly onMessage = { addListener: (listener: Listener) => this.messageListeners.add(listener) };
  readonly onDisconnect = { addListener: (listener: Listener) => this.disconnectListeners.add(listener) };

  constructor(readonly name: string) {}

  postMessage(message: unknown) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }

  disconnect() {
    this.disconnected = true;
  }

  async emit(event: JobEvent) {
    await act(() => {
      for (const listener of this.messageListeners) listener(event, this);
    });
  }

  /** The other end went away, e.g. the service worker stopped. */
  async drop() {
    this.disconnected = true;
    await act(() => {
      for (const listener of this.disconnectListeners) listener(this);
    });
  }
}

let ports: FakePort[] = [];

function Probe({ tabId }: { tabId: number | null }) {
  const { job, synced } = useJobSubscription(tabId);
  return <p data-synced={String(synced)}>{job ? `${job.status}|${job.translation.slice(0, 12)}` : 'none'}</p>;
}

function shown(): { text: string; synced: string | null } {
  const element = document.body.querySelector('p');
  return { text: element?.textContent ?? '', synced: element?.getAttribute('data-synced') ?? null };
}

function port(index: number): FakePort {
  const found = ports[index];
  if (!found) throw new Error(`No port ${index}; ${ports.length} connected`);
  return found;
}

async function advance(milliseconds: number) {
  await act(() => {
    vi.advanceTimersByTime(milliseconds);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  ports = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const created = new FakePort(info?.name ?? '');
    ports.push(created);
    return created as unknown as Browser.runtime.Port;
  }) as typeof fakeBrowser.runtime.connect);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useJobSubscription', () => {
  it('connects on the job port and subscribes to its tab', async () => {
    render(<Probe tabId={7} />);
    expect(ports).toHaveLength(1);
    expect(port(0).name).toBe(JOB_PORT_NAME);
    expect(port(0).sent).toEqual([{ type: 'subscribe', tabId: 7 }]);
    expect(shown()).toEqual({ text: 'none', synced: 'false' });
  });

  it('is synced after the snapshot, and mirrors the job event by event', async () => {
    render(<Probe tabId={7} />);
    await port(0).emit({ type: 'snapshot', job: null });
    expect(shown()).toEqual({ text: 'none', synced: 'true' });
    const job = seedJob({ status: 'running', translation: '', translationStatus: 'streaming' });
    await port(0).emit({ type: 'snapshot', job });
    await port(0).emit({ type: 'translation-delta', text: 'A supposedly' });
    await port(0).emit({ type: 'translation-delta', text: ' significant' });
    expect(shown().text).toBe('running|A supposedly');
    await port(0).emit({ type: 'translation-done', usage: null });
    expect(shown().text).toBe('done|A supposedly');
  });

  it('sends a keepalive every 20 seconds while mounted, and none after', async () => {
    const mounted = render(<Probe tabId={7} />);
    await advance(KEEPALIVE_INTERVAL_MS * 2);
    expect(port(0).sent.filter((message) => (message as { type: string }).type === 'keepalive')).toHaveLength(2);
    // Inside act: Preact 11 runs effect cleanups after paint, and act flushes them.
    await act(() => {
      mounted.unmount();
    });
    expect(port(0).disconnected).toBe(true);
    await advance(KEEPALIVE_INTERVAL_MS * 2);
    expect(port(0).sent).toHaveLength(3);
  });

  it('reconnects and subscribes again when the service worker restarts, keeping what it showed', async () => {
    render(<Probe tabId={7} />);
    await port(0).emit({ type: 'snapshot', job: seedJob() });
    await port(0).drop();
    expect(shown().text).toBe('done|A supposedly');
    await advance(RECONNECT_DELAYS_MS[0] ?? 0);
    expect(ports).toHaveLength(2);
    expect(port(1).sent).toEqual([{ type: 'subscribe', tabId: 7 }]);
    await port(1).emit({ type: 'snapshot', job: null });
    expect(shown()).toEqual({ text: 'none', synced: 'true' });
  });

  it('keeps trying when connecting throws (extension reloading)', async () => {
    const connect = vi.mocked(fakeBrowser.runtime.connect);
    const realImplementation = connect.getMockImplementation();
    connect.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated.');
    });
    render(<Probe tabId={7} />);
    expect(ports).toHaveLength(0);
    if (realImplementation) connect.mockImplementation(realImplementation);
    await advance(RECONNECT_DELAYS_MS[0] ?? 0);
    expect(ports).toHaveLength(1);
  });

  it('switches to another tab: drops the old port, subscribes anew, forgets the old job', async () => {
    const mounted = render(<Probe tabId={7} />);
    await port(0).emit({ type: 'snapshot', job: seedJob() });
    mounted.rerender(<Probe tabId={8} />);
    expect(port(0).disconnected).toBe(true);
    expect(port(1).sent).toEqual([{ type: 'subscribe', tabId: 8 }]);
    expect(shown()).toEqual({ text: 'none', synced: 'false' });
  });

  it('does nothing without a tab', async () => {
    render(<Probe tabId={null} />);
    expect(ports).toHaveLength(0);
    expect(shown()).toEqual({ text: 'none', synced: 'false' });
  });
});

describe('the mirrored job', () => {
  function JobProbe({ tabId }: { tabId: number }) {
    const { job } = useJobSubscription(tabId);
    return <p>{job ? job.status : 'none'}</p>;
  }

  it('returns the mirrored job', async () => {
    const mounted = render(<JobProbe tabId={3} />);
    await port(0).emit({ type: 'snapshot', job: seedJob({ status: 'running' }) });
    await port(0).emit({ type: 'cancelled' });
    expect(mounted.container.textContent).toBe('cancelled');
  });
});
