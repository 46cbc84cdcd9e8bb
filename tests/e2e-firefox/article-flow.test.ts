import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { firefoxTest } from '@/tests/support/browser/firefox-test';
import type { PageServer } from '@/tests/support/browser/page-server';
import type { OpenAITestServer } from '@/tests/support/openai-test-server';
import {
  bodyText,
  buttonNamed,
  type FirefoxExtension,
  fieldLabelled,
  regionText,
} from '@/tests/support/browser/firefox';

/*
 * The main journey of tests/e2e/article-flow.test.ts, in Firefox ESR with the Firefox (MV2) build.
 *
 * What differs from Chromium, and how it is covered:
 * - Extension pages: BiDi navigates to moz-extension:// only with -remote-allow-system-access, and
 *   sends no navigation events for them (tests/support/browser/firefox.ts).
 * - The panel: the sidebar's page is opened as an ordinary extension tab bound to the article's tab
 *   with `?tabId=`, as the Chromium tests do with the side panel; the real sidebar is opened by a
 *   click on the popup's button (a user action; a script's `sidebarAction.open()` is refused) and
 *   read through `extension.getViews()`. Its pixels cannot be captured: BiDi has no handle on the
 *   browser's own UI.
 * - The permission prompt for the endpoint's origin cannot be answered: the e2e build is granted
 *   http://127.0.0.1/* in its manifest, as in Chromium.
 */

/** Firefox's sidebar API (not in @types/chrome). */
interface FirefoxSidebar {
  sidebarAction: {
    open(): Promise<void>;
    close(): Promise<void>;
    isOpen(details: { windowId?: number }): Promise<boolean>;
  };
}

const API_KEY = 'sk-test-sourcelens-0123456789';
const MODEL = 'test-model-1';
const ARTIFACTS_DIR = path.resolve('tests/e2e/artifacts');

const test = firefoxTest.override({
  endpointOptions: { apiKey: API_KEY, models: [MODEL, 'test-model-2'], fixtureDelayMs: 5 },
});

// The helpers below read these; each test could take them as fixtures too.
let firefox: FirefoxExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;

test.beforeAll(({ firefox: startedFirefox, endpoint: startedEndpoint, pages: startedPages }) => {
  firefox = startedFirefox;
  endpoint = startedEndpoint;
  pages = startedPages;
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `firefox-${name}.png`), fullPage: true });
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await fieldLabelled(page, label);
  // Typed as a user would, over what the field held.
  await field.evaluate((element) => (element as HTMLInputElement).select());
  await field.type(value);
}

/** Options as a user sets them: provider Custom, base URL, key, model, Save. */
async function configure(apiKey: string, baseUrl = endpoint.url): Promise<Page> {
  const options = await firefox.openPage('options.html');
  await options.bringToFront();
  const provider = await fieldLabelled(options, 'Provider');
  await provider.select('custom');
  await fill(options, 'Base URL', baseUrl);
  await fill(options, 'API key', apiKey);
  await fill(options, 'Model', MODEL);
  await (await buttonNamed(options, 'Save')).click();
  await expect.poll(() => bodyText(options), { timeout: 10_000 }).toMatch(/Test connection\s*Saved/);
  return options;
}

let visit = 0;

/** The seed article in a tab of its own, and the panel bound to that tab. */
async function openArticleAndPanel(): Promise<{ article: Page; panel: Page }> {
  const article = await firefox.browser.newPage();
  visit += 1;
  await article.goto(`${pages.urlOf('seed-de')}?visit=${visit}`);
  const tabId = await firefox.tabIdOf(article);
  const panel = await firefox.openPage(`sidepanel.html?tabId=${tabId}`);
  await panel.setViewport({ width: 420, height: 1400 });
  await panel.bringToFront();
  return { article, panel };
}

test.describe('the seed article in Firefox, end to end', () => {
  test('saves the endpoint and tests the connection', async () => {
    const options = await configure(API_KEY);
    await (await buttonNamed(options, 'Test connection')).click();
    await expect.poll(() => bodyText(options), { timeout: 10_000 }).toMatch(/Connected to test-model-1/);
    await screenshot(options, 'options');
    await options.close();
  });

  test('streams summary, sources and translation into the panel, and shows a note in the page', async () => {
    const { article, panel } = await openArticleAndPanel();
    endpoint.requests.length = 0;
    await (await buttonNamed(panel, 'Analyse this page')).click();

    await expect.poll(() => regionText(panel, 'Summary'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await expect
      .poll(() => regionText(panel, 'Sources'), { timeout: 20_000 })
      .toMatch(/New York Times[\s\S]*Christopher Smith/);
    await expect
      .poll(() => regionText(panel, 'Translation'), { timeout: 20_000 })
      .toMatch(/allegedly[\s\S]*according to/i);
    await buttonNamed(panel, 'Regenerate', 'body', 20_000);

    // What reached the endpoint, from Firefox's background page: the key, the model, the article's text.
    const chats = endpoint.requests.filter((request) => request.path.endsWith('/chat/completions'));
    expect(chats).toHaveLength(2);
    for (const request of chats) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(JSON.stringify(request.body)).toContain(`"model":"${MODEL}"`);
      expect(JSON.stringify(request.body)).toContain('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
    }
    await screenshot(panel, 'sidepanel-seed');
    // Firefox's sidebar opens about 240 px wide, narrower than Chrome's side panel: nothing may stick out.
    await panel.setViewport({ width: 240, height: 1400 });
    const overflowing = await panel.evaluate(() =>
      [...document.querySelectorAll('h1, section[aria-label], .note-card, .grounding, .attribution-counts')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((element) => element.className || element.tagName),
    );
    expect(overflowing).toEqual([]);
    await screenshot(panel, 'sidepanel-narrow');
    await panel.setViewport({ width: 420, height: 1400 });

    // A note's passage, highlighted in the page with the CSS Custom Highlight API (Firefox 140+).
    const quote = await panel.evaluate(
      () => document.querySelector('section[aria-label="Sources"] article.note-card')?.textContent ?? '',
    );
    await (await buttonNamed(panel, 'Show in page', 'section[aria-label="Sources"] article.note-card')).click();
    const highlighted = () =>
      article.evaluate(() => {
        const highlight = CSS.highlights.get('sourcelens-passage');
        return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : [];
      });
    await expect.poll(highlighted, { timeout: 10_000 }).toHaveLength(1);
    const [passage = ''] = await highlighted();
    expect(passage.length).toBeGreaterThan(20);
    expect(quote).toContain(passage.slice(0, 40));
    await article.bringToFront();
    await screenshot(article, 'highlight');
  });

  test("the popup's button opens the real sidebar; without a user action Firefox refuses", async () => {
    const { article } = await openArticleAndPanel();
    const tabId = await firefox.tabIdOf(article);
    const probe = await firefox.openPage('options.html');
    const sidebar = () =>
      probe.evaluate(async () => {
        const { browser } = globalThis as unknown as { browser: typeof chrome & FirefoxSidebar };
        return {
          open: await browser.sidebarAction.isOpen({}),
          texts: browser.extension
            .getViews()
            .filter((view) => view.location.pathname.endsWith('/sidepanel.html') && !view.location.search)
            .map((view) => view.document.body.textContent ?? ''),
        };
      });
    // A script is no user action: sidebarAction.open() is refused, as it would be after an await.
    const refused = await probe.evaluate(async () => {
      const { browser } = globalThis as unknown as { browser: FirefoxSidebar };
      return browser.sidebarAction.open().then(
        () => 'opened',
        (error: unknown) => String(error),
      );
    });
    expect(refused).toMatch(/user input handler/i);
    // Firefox opens an add-on's sidebar when it is installed (sidebar_action's open_at_install,
    // true unless the manifest says otherwise): closed here with a button of the test's own, since
    // close() too wants a user action.
    if ((await sidebar()).open) {
      await probe.bringToFront();
      await probe.evaluate(() => {
        const { browser } = globalThis as unknown as { browser: FirefoxSidebar };
        const button = document.createElement('button');
        button.textContent = 'Close the sidebar (test)';
        button.addEventListener('click', () => void browser.sidebarAction.close());
        document.body.prepend(button);
      });
      await (await buttonNamed(probe, 'Close the sidebar (test)')).click();
      await expect.poll(async () => (await sidebar()).open, { timeout: 10_000 }).toBe(false);
    }

    const popup = await firefox.openPage(`popup.html?tabId=${tabId}`);
    await popup.bringToFront();
    await expect.poll(() => bodyText(popup), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await screenshot(popup, 'popup');
    // A click is a user action: the popup's button opens the sidebar.
    expect(await bodyText(popup)).toMatch(/translation are in the sidebar\./);
    await (await buttonNamed(popup, 'Open sidebar')).click();
    await expect.poll(async () => (await sidebar()).open, { timeout: 10_000 }).toBe(true);
    await article.bringToFront();
    await expect
      .poll(async () => (await sidebar()).texts[0] ?? '', { timeout: 10_000 })
      .toMatch(/Summary[\s\S]*Minsk/i);
  });

  test('storage: storage.local takes more than Chrome’s 10 MB, storage.sync refuses an item over 8 kB', async () => {
    const probe = await firefox.openPage('options.html');
    const outcome = await probe.evaluate(async () => {
      const { browser } = globalThis as unknown as { browser: typeof chrome };
      const attempt = (write: Promise<void>) =>
        write.then(
          () => 'stored',
          (error: unknown) => String(error),
        );
      const local = await attempt(browser.storage.local.set({ quotaProbe: 'x'.repeat(11 * 1024 * 1024) }));
      await browser.storage.local.remove('quotaProbe');
      const sync = await attempt(browser.storage.sync.set({ quotaProbe: 'x'.repeat(9 * 1024) }));
      await browser.storage.sync.remove('quotaProbe');
      return { local, sync };
    });
    expect(outcome.local).toBe('stored');
    expect(outcome.sync).toMatch(/quota/i);
    await probe.close();
  });

  test('tabs.query: a URL pattern with a port matches no tab in Firefox, so tabs are found by id', async () => {
    const article = await firefox.browser.newPage();
    const url = `${pages.urlOf('seed-de')}?tabs-query`;
    await article.goto(url);
    const probe = await firefox.openPage('options.html');
    const found = await probe.evaluate(
      async ({ origin, url }) => {
        const { browser } = globalThis as unknown as { browser: typeof chrome };
        const byPattern = await browser.tabs.query({ url: `${origin}/*` });
        const all = await browser.tabs.query({});
        return { byPattern: byPattern.length, byUrl: all.filter((tab) => tab.url === url).length };
      },
      { origin: pages.origin, url },
    );
    expect(found).toEqual({ byPattern: 0, byUrl: 1 });
    await Promise.all([article.close(), probe.close()]);
  });

  test('tells the user when the key is rejected', async () => {
    const options = await configure('sk-wrong-key-abcd');
    await options.close();
    const { panel } = await openArticleAndPanel();
    await (await buttonNamed(panel, 'Analyse this page')).click();
    // The stored result comes back without a request; Regenerate asks the endpoint again.
    await (await buttonNamed(panel, 'Regenerate', 'body', 20_000)).click();
    await expect.poll(() => bodyText(panel), { timeout: 20_000 }).toMatch(/API key rejected/);
    expect(endpoint.requests.some((request) => request.headers.authorization === 'Bearer sk-wrong-key-abcd')).toBe(
      true,
    );
    expect(await bodyText(panel)).toMatch(/check or replace the API key/i);
    await screenshot(panel, 'sidepanel-key-rejected');
  });

  test("Save asks for the endpoint's origin, an MV2 optional permission, and requests then go there", async () => {
    const probe = await firefox.openPage('options.html');
    const access = () =>
      probe.evaluate(async () => {
        const { browser } = globalThis as unknown as { browser: typeof chrome };
        return {
          optional: browser.runtime.getManifest().optional_permissions ?? [],
          localhost: await browser.permissions.contains({ origins: ['http://localhost/*'] }),
        };
      });
    // The e2e build holds 127.0.0.1 only: localhost is another origin, asked for at Save.
    expect(await access()).toEqual({ optional: ['https://*/*', 'http://*/*'], localhost: false });
    const options = await configure(API_KEY, endpoint.url.replace('127.0.0.1', 'localhost'));
    expect((await access()).localhost).toBe(true);
    await (await buttonNamed(options, 'Test connection')).click();
    await expect.poll(() => bodyText(options), { timeout: 10_000 }).toMatch(/Connected to test-model-1/);
    expect(endpoint.requests.some((request) => request.headers.host?.startsWith('localhost:'))).toBe(true);
    await screenshot(options, 'options-localhost-granted');
    await options.close();
    await probe.close();
  });
});
