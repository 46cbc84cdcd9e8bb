import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv2-e2e');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on id of the Firefox build (wxt.config.ts, `browser_specific_settings.gecko.id`). */
const ADDON_ID = 'sourcelens@sourcelens.dev';
/**
 * Firefox gives each installed add-on a random moz-extension:// host; the
 * `extensions.webextensions.uuids` preference (add-on id → UUID) fixes it, so the tests know
 * the extension's pages' addresses before it is installed.
 */
const EXTENSION_UUID = '5f3c1a2e-8d4b-4e6f-9a17-3c2b1d0e4f5a';

export interface FirefoxExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: the origin of the extension's pages. */
  origin: string;
  /** Opens one of the extension's pages (`options.html`, `sidepanel.html?tabId=3`) in a new tab. */
  openPage(pathAndQuery: string): Promise<Page>;
  /** The browser's id for the tab showing `page`, as the extension sees it. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts Firefox ESR headless over WebDriver BiDi (no geckodriver) and installs the e2e build as a
 * temporary add-on (BiDi's `webExtension.install`).
 *
 * `-remote-allow-system-access` is what lets BiDi navigate a tab to a moz-extension:// page: without
 * it Firefox answers "Navigation to moz-extension://… is not allowed in this context". Even with
 * it, Firefox sends no navigation events for extension pages (its remote agent filters them, bug
 * 1755014): `openPage` therefore waits for the page's own document instead of the `load` event.
 */
export async function launchFirefox(): Promise<FirefoxExtension> {
  const profile = await mkdtemp(path.join(tmpdir(), 'sourcelens-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    // FIREFOX_HEADFUL=1 (under a display, e.g. xvfb-run) shows the browser: the real sidebar can be looked at.
    headless: process.env.FIREFOX_HEADFUL !== '1',
    userDataDir: profile,
    args: ['-remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // permissions.request() grants without showing its prompt, which automation cannot answer. The
      // rest stays real: the origin must be in optional_permissions, and the call in a user action.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
  const origin = `moz-extension://${EXTENSION_UUID}`;

  async function openPage(pathAndQuery: string): Promise<Page> {
    const page = await browser.newPage();
    const url = `${origin}/${pathAndQuery}`;
    const navigation = new AbortController();
    // Never settles for an extension page (no navigation events): stopped once the page is there.
    const pending = page.goto(url, { signal: navigation.signal }).catch(() => undefined);
    // Polled by hand: puppeteer's own waitForFunction keeps the realm of the page it started in.
    const deadline = Date.now() + 15_000;
    while (
      !((await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false)) === url)
    ) {
      if (Date.now() > deadline) throw new Error(`${url} did not open`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    navigation.abort();
    await pending;
    return page;
  }

  let probe: Page | undefined;
  return {
    browser,
    origin,
    openPage,
    async tabIdOf(page) {
      probe ??= await openPage('options.html');
      // Every tab, matched here: Firefox's tabs.query({ url }) misses patterns with a port.
      const id = await probe.evaluate(async (pageUrl) => {
        // Firefox's `chrome` namespace answers with callbacks only: its promises are on `browser`.
        const { browser } = globalThis as unknown as { browser: typeof chrome };
        const tabs = await browser.tabs.query({});
        return tabs.find((tab) => tab.url === pageUrl)?.id ?? null;
      }, page.url());
      if (id === null) throw new Error(`no tab shows ${page.url()}`);
      return id;
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `find` in the page until it gives an element. Puppeteer's own waitForFunction is not used:
 * in an extension page it keeps polling in the realm it started in, and never sees the page's changes.
 */
async function waitForElement(
  page: Page,
  find: (arg: string) => Element | null | undefined,
  arg: string,
  what: string,
  timeout = 10_000,
): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await page.evaluateHandle(find, arg);
    const element = handle.asElement();
    if (element) return element as ElementHandle<Element>;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The form control a `<label>` names, waited for: as a user finds a field. */
export function fieldLabelled(page: Page, label: string): Promise<ElementHandle<Element>> {
  return waitForElement(
    page,
    (text) =>
      [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text)?.control,
    label,
    `field labelled ${label}`,
  );
}

/** The button whose visible text is `name` (or matches it), inside `within`, waited for. */
export function buttonNamed(
  page: Page,
  name: string | RegExp,
  within = 'body',
  timeout = 10_000,
): Promise<ElementHandle<Element>> {
  const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  return waitForElement(
    page,
    (query) => {
      const { source, scope } = JSON.parse(query) as { source: string; scope: string };
      return [...(document.querySelector(scope)?.querySelectorAll('button') ?? [])].find((button) =>
        new RegExp(source, 'i').test(button.textContent?.trim() ?? ''),
      );
    },
    JSON.stringify({ source: pattern, scope: within }),
    `button ${String(name)}`,
    timeout,
  );
}

/** The text of the panel's region (Summary, Sources, Translation), or '' while it is not there. */
export function regionText(page: Page, name: string): Promise<string> {
  return page.evaluate((label) => document.querySelector(`section[aria-label="${label}"]`)?.textContent ?? '', name);
}

/** The page's text, as a user reads it. */
export function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? '');
}
