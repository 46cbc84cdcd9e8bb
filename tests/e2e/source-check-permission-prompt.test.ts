import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hostPatternOf } from '@/lib/sources/read-source-in-background';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { artifactPath } from '@/tests/support/browser/screenshot';
import { startVirtualDisplay } from '@/tests/support/browser/virtual-display';
import { SEED_SOURCE_SLUG } from '@/tests/support/source-page';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';

/**
 * The browser's own permission prompt, declined as a reader declines it: headed Chromium on a
 * display of our own, the seed article linking the stand-in NYT page under `localhost` (a site the
 * e2e build has no access to), a click on Check against The New York Times, and Escape pressed on
 * the prompt (xdotool, real keyboard input). The panel must say that nothing was read or sent.
 * It replaces a test that stubbed chrome.permissions.request in the panel page: headed, the prompt
 * is the browser's own dialog (tests/e2e/artifacts/source-check-prompt-shown.png), and a real key
 * press answers it, so the panel's handling of the browser's real answer is what is tested.
 */
const KEY = 'sk-source-prompt-e2e-0123';
const SCREEN = { width: 1400, height: 900 };
const SEED_NYT_LINK = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';
const SEED_HTML = readFileSync(path.resolve('tests/fixtures/pages/seed-de/source.html'), 'utf8');

const test = browserTest
  .override({ endpointOptions: { apiKey: KEY, models: ['test-model-1'], respond: sourceCheckResponder() } })
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; this one has none.
  .extend('display', { scope: 'file' }, async ({}, { onCleanup }) => {
    const display = await startVirtualDisplay(SCREEN);
    onCleanup(() => display.close());
    return display;
  })
  .override('launchOptions', { scope: 'file' }, async ({ display }) => ({
    headed: { display: display.display, ...SCREEN },
  }));

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
});

test('a prompt declined with Escape: nothing read, nothing sent, and the panel says how to allow the site', {
  timeout: 120_000,
}, async ({ display, extension, openArticle, openSidePanel, pages, endpoint }) => {
  const sourceUrl = pages.urlOf(SEED_SOURCE_SLUG, pages.otherOrigin);
  pages.addPage('seed-de-prompt', SEED_HTML.replaceAll(SEED_NYT_LINK, sourceUrl));
  const article = await openArticle('seed-de-prompt');
  const tabId = await article.tabId();
  const panel = await openSidePanel(tabId);
  await panel.analyseAfresh();
  await panel.waitUntilDone(60_000);
  const check = panel.button('Check against The New York Times');
  await check.waitFor({ timeout: 10_000 });
  await panel.page.bringToFront();
  const requestsBefore = pages.requestHeaders.length;
  const endpointBefore = endpoint.requests.length;

  await check.click();
  const alert = panel.page.locator('.linked-sources__problem');
  // The prompt is up and waits for the reader: the panel has nothing to say yet.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await alert.count()).toBe(0);
  await display.screenshot(artifactPath('source-check-prompt-shown'));
  // Escape, as a reader dismisses it; again until the panel answers, in case the prompt was still opening.
  for (let tries = 0; tries < 20 && (await alert.count()) === 0; tries++) {
    await display.xdotool('key', 'Escape');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await alert.waitFor({ timeout: 5_000 });
  await panel.page.locator('.linked-sources').screenshot({ path: artifactPath('source-check-prompt-declined') });
  const site = new URL(sourceUrl).hostname;
  expect(await alert.textContent()).toBe(
    `Sourcelens did not get access to ${site}, so nothing was read from it and nothing was sent to your endpoint. To check The New York Times, choose the button again and pick Allow when the browser asks for access to ${site}.`,
  );
  expect(pages.requestHeaders.length).toBe(requestsBefore);
  expect(endpoint.requests.length).toBe(endpointBefore);
  // Not granted behind the reader's back either: the pattern asked is the site's (hostPatternOf).
  const granted = await extension.serviceWorker.evaluate(
    (pattern) => chrome.permissions.contains({ origins: [pattern] }),
    hostPatternOf(sourceUrl)?.pattern ?? 'none',
  );
  expect(granted).toBe(false);
});
