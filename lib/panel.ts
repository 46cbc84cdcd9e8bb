import { browser } from '#imports';

/** The little of Firefox's `sidebarAction` used here; Chrome has none. */
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

function sidebarAction(): FirefoxSidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox). Both browsers only allow it inside a
 * user gesture, so callers must call `openPanel` synchronously in their click handler, before
 * any `await`.
 */
export function openPanel(target: { tabId: number; windowId?: number }): Promise<void> {
  const firefox = sidebarAction();
  if (firefox) return firefox.open();
  if (browser.sidePanel) return browser.sidePanel.open({ tabId: target.tabId });
  return Promise.reject(new Error('This browser has no side panel.'));
}

/** The toolbar button either shows the popup or (no popup set) fires `action.onClicked`. */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function applyToolbarBehaviour(mode: 'sidepanel' | 'popup'): Promise<void> {
  await toolbarAction().setPopup({ popup: mode === 'popup' ? '/popup.html' : '' });
  // We open the panel ourselves in onClicked, so that the same click also starts the job.
  await browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}
