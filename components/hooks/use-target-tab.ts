import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';

export interface TargetTab {
  tabId: number;
  /** Null when the tab came from the URL and its window is not known. */
  windowId: number | null;
  /** True when the page was bound to this tab with `?tabId=N`: it then never follows the active tab. */
  pinned: boolean;
}

/** `?tabId=N` in the page's URL, if it is a valid tab id. */
export function pinnedTabId(search: string): number | null {
  const value = new URLSearchParams(search).get('tabId');
  if (value === null || !/^\d+$/.test(value)) return null;
  const tabId = Number(value);
  return Number.isSafeInteger(tabId) ? tabId : null;
}

/**
 * The tab a panel shows: the one named by `?tabId=N` (tests bind the panel that way), else the
 * active tab of this window, following tab switches and navigations in it.
 */
export function useTargetTab(search: string = window.location.search): TargetTab | null {
  const [target, setTarget] = useState<TargetTab | null>(() => {
    const pinned = pinnedTabId(search);
    return pinned === null ? null : { tabId: pinned, windowId: null, pinned: true };
  });

  useEffect(() => {
    if (pinnedTabId(search) !== null) return;
    let stopped = false;
    let windowId: number | null = null;
    const show = (tabId: number, inWindow: number) => {
      setTarget((previous) =>
        previous?.tabId === tabId && previous.windowId === inWindow
          ? previous
          : { tabId, windowId: inWindow, pinned: false },
      );
    };

    const refresh = async () => {
      // `currentWindow` is the window this panel (or popup) belongs to, not the focused one.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (stopped) return;
      if (tab?.id === undefined) {
        setTarget(null);
        return;
      }
      windowId = tab.windowId;
      show(tab.id, tab.windowId);
    };

    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === null || info.windowId === windowId) show(info.tabId, info.windowId);
    };
    const onUpdated = (
      _tabId: number,
      change: { url?: string; status?: string },
      tab: { active: boolean; windowId: number },
    ) => {
      // A navigation or a tab replaced in place (prerendering) can change which tab is active here.
      if (
        tab.active &&
        (windowId === null || tab.windowId === windowId) &&
        (change.url || change.status === 'complete')
      ) {
        void refresh();
      }
    };

    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      stopped = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [search]);

  return target;
}
