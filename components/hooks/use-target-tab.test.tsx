// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from '#imports';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pinnedTabId, useTargetTab } from '@/components/hooks/use-target-tab';

let activeTab: { id: number; windowId: number };

function Probe({ search }: { search: string }) {
  const target = useTargetTab(search);
  return <p>{target ? `${target.tabId}@${target.windowId ?? '?'}${target.pinned ? ' pinned' : ''}` : 'none'}</p>;
}

function shown(): string {
  return document.body.textContent ?? '';
}

function tab(id: number, windowId: number, active = true): Browser.tabs.Tab {
  return { id, windowId, active } as Browser.tabs.Tab;
}

beforeEach(() => {
  fakeBrowser.reset();
  activeTab = { id: 11, windowId: 1 };
  // Stubbed: fakeBrowser's query needs a focused window, which has nothing to do with what is tested here.
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() =>
    Promise.resolve([tab(activeTab.id, activeTab.windowId)])) as typeof fakeBrowser.tabs.query);
});

afterEach(() => {
  cleanup();
});

describe('pinnedTabId', () => {
  it('reads a tab id from the query string, ignoring anything else', () => {
    expect(pinnedTabId('?tabId=42')).toBe(42);
    expect(pinnedTabId('?x=1&tabId=7')).toBe(7);
    expect(pinnedTabId('')).toBeNull();
    expect(pinnedTabId('?tabId=-1')).toBeNull();
    expect(pinnedTabId('?tabId=abc')).toBeNull();
  });
});

describe('useTargetTab', () => {
  it('shows the tab named in the URL and never follows the active tab', async () => {
    render(<Probe search="?tabId=42" />);
    await waitFor(() => expect(shown()).toBe('42@? pinned'));
    await act(() => fakeBrowser.tabs.onActivated.trigger({ tabId: 12, windowId: 1 }).then(() => {}));
    expect(shown()).toBe('42@? pinned');
    expect(fakeBrowser.tabs.query).not.toHaveBeenCalled();
  });

  it('shows the active tab of its window, asking for the current window', async () => {
    render(<Probe search="" />);
    await waitFor(() => expect(shown()).toBe('11@1'));
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('follows tab switches in its own window, not in others', async () => {
    render(<Probe search="" />);
    await waitFor(() => expect(shown()).toBe('11@1'));
    await act(() => fakeBrowser.tabs.onActivated.trigger({ tabId: 12, windowId: 1 }).then(() => {}));
    expect(shown()).toBe('12@1');
    await act(() => fakeBrowser.tabs.onActivated.trigger({ tabId: 30, windowId: 2 }).then(() => {}));
    expect(shown()).toBe('12@1');
  });

  it('looks again when the active tab of its window navigates', async () => {
    render(<Probe search="" />);
    await waitFor(() => expect(shown()).toBe('11@1'));
    activeTab = { id: 13, windowId: 1 };
    await act(() =>
      fakeBrowser.tabs.onUpdated.trigger(13, { url: 'https://example.com/next' }, tab(13, 1)).then(() => {}),
    );
    await waitFor(() => expect(shown()).toBe('13@1'));
  });

  it('stops listening when unmounted', async () => {
    const mounted = render(<Probe search="" />);
    await waitFor(() => expect(shown()).toBe('11@1'));
    // Inside act: Preact 11 runs effect cleanups after paint, and act flushes them.
    await act(() => {
      mounted.unmount();
    });
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false);
    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(false);
  });
});
