import { i18n } from '#i18n';
import { browser } from '#imports';

/** The context-menu entry on selected text. The id is ours; the title (locales/*.yml) is what the user reads. */
export const SELECTION_MENU_ID = 'sourcelens-analyse-selection';

/** The tab a menu click came from: `id` is a real tab's (menus in devtools or the sidebar have none). */
export interface MenuTab {
  id: number;
  windowId?: number;
}

/**
 * Adds "Analyse selection with Sourcelens" to the context menu of selected text, in every page,
 * and calls `onChosen` with the tab when the user picks it. The browser keeps menu entries across
 * restarts of the service worker, so the entry is made once per install or update
 * (https://developer.chrome.com/docs/extensions/reference/api/contextMenus#method-create); the
 * click listener is registered on every start, synchronously, as MV3 requires for events to wake
 * the worker. A menu click is a user gesture: `onChosen` may open the side panel, before any await.
 */
export function registerSelectionMenu(onChosen: (tab: MenuTab) => void): void {
  browser.runtime.onInstalled.addListener(() => {
    // An update keeps the old entry: remove it first, or create fails with a duplicate id.
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: SELECTION_MENU_ID,
        title: i18n.t('menu.analyseSelection'),
        contexts: ['selection'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SELECTION_MENU_ID) return;
    if (tab?.id === undefined || tab.id < 0) return;
    onChosen({ id: tab.id, windowId: tab.windowId });
  });
}
