import { browser } from '#imports';

/** The options page's address with the welcome shown above the form. */
export const WELCOME_PATH = '/options.html?welcome=1';

/** Whether an options page was opened as the welcome (its query). */
export function isWelcome(search: string): boolean {
  return new URLSearchParams(search).has('welcome');
}

/**
 * Opens the welcome once, on a fresh install (not on updates or browser updates), in a tab of its
 * own. `tabs.create` needs no permission for the extension's own pages.
 */
export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  });
}
