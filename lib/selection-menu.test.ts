import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '#imports';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSelectionMenu, SELECTION_MENU_ID } from '@/lib/selection-menu';

type ClickListener = Parameters<typeof browser.contextMenus.onClicked.addListener>[0];
type InstalledListener = Parameters<typeof browser.runtime.onInstalled.addListener>[0];

/** fakeBrowser does not mock context menus: catch what the module registers. */
function captureMenus() {
  const clicks: ClickListener[] = [];
  const installs: InstalledListener[] = [];
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => void clicks.push(listener));
  vi.spyOn(browser.runtime.onInstalled, 'addListener').mockImplementation((listener) => void installs.push(listener));
  const removeAll = vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  const create = vi.spyOn(browser.contextMenus, 'create').mockReturnValue(SELECTION_MENU_ID);
  const click = (info: Partial<chrome.contextMenus.OnClickData>, tab?: Partial<chrome.tabs.Tab>) => {
    for (const listener of clicks) listener(info as chrome.contextMenus.OnClickData, tab as chrome.tabs.Tab);
  };
  const install = async () => {
    for (const listener of installs) listener({ reason: 'install' } as chrome.runtime.InstalledDetails);
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
  };
  return { click, install, removeAll, create };
}

describe('registerSelectionMenu', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds the entry to the menu of selected text once installed, replacing an older one', async () => {
    const menus = captureMenus();
    registerSelectionMenu(() => undefined);
    expect(menus.create).not.toHaveBeenCalled();
    await menus.install();
    expect(menus.removeAll.mock.invocationCallOrder[0]).toBeLessThan(menus.create.mock.invocationCallOrder[0] ?? 0);
    expect(menus.create).toHaveBeenCalledWith({
      id: SELECTION_MENU_ID,
      title: 'Analyse selection with Sourcelens',
      contexts: ['selection'],
    });
  });

  it('hands the tab of a click on its entry to the handler, synchronously (inside the gesture)', () => {
    const menus = captureMenus();
    const chosen = vi.fn();
    registerSelectionMenu(chosen);
    menus.click({ menuItemId: SELECTION_MENU_ID, selectionText: 'a claim' }, { id: 7, windowId: 2 });
    expect(chosen).toHaveBeenCalledExactlyOnceWith({ id: 7, windowId: 2 });
  });

  it("ignores other entries, and clicks outside a tab (devtools' id -1, none at all)", () => {
    const menus = captureMenus();
    const chosen = vi.fn();
    registerSelectionMenu(chosen);
    menus.click({ menuItemId: 'another-extension-entry' }, { id: 7 });
    menus.click({ menuItemId: SELECTION_MENU_ID }, { id: -1 });
    menus.click({ menuItemId: SELECTION_MENU_ID });
    expect(chosen).not.toHaveBeenCalled();
  });
});
