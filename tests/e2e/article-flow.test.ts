import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAITestServer } from '../support/openai-test-server';
import { requestPurpose, seedTranslationFor } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import type { PageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-test-sourcelens-0123456789';
const MODEL = 'test-model-1';

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;
let world: World | undefined;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL, 'test-model-2'], fixtureDelayMs: 5 });
  ({ extension, endpoint, pages } = world);
});

afterAll(async () => {
  await world?.close();
});

beforeEach(() => {
  endpoint.requests.length = 0;
  endpoint.setResponder(null);
});

function region(panel: Page, name: 'Summary' | 'Sources' | 'Translation') {
  return panel.getByRole('region', { name });
}

let visit = 0;

/** A unique query per visit, so each tab is found by its own URL; the page's canonical URL stays the same. */
async function openArticle(slug: string): Promise<Page> {
  const page = await extension.context.newPage();
  visit += 1;
  await page.goto(`${pages.urlOf(slug)}?visit=${visit}`);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

describe('the seed article, end to end', () => {
  it('streams summary, sources and translation from the endpoint into the side panel', async () => {
    const options = await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
    await screenshot(options, 'options');
    const article = await openArticle('seed-de');
    const panel = await openPanelFor(extension, article);

    // The translation's first token comes 400 ms after the request, so its trip to the panel can be timed.
    endpoint.setResponder((request) =>
      requestPurpose(request.body) === 'translation'
        ? { kind: 'stream', content: seedTranslationFor(request.body), delayMs: 5, firstTokenDelayMs: 400 }
        : undefined,
    );
    await panel.evaluate(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.translation')?.textContent?.trim()) return;
        document.body.dataset.translationShownAt = String(Date.now());
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const started = Date.now();
    await panel.getByRole('button', { name: 'Analyse this page' }).click();

    await expect.poll(() => region(panel, 'Summary').textContent(), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await expect
      .poll(() => region(panel, 'Sources').textContent(), { timeout: 20_000 })
      .toMatch(/New York Times[\s\S]*Christopher Smith/);
    await expect
      .poll(() => region(panel, 'Translation').textContent(), { timeout: 20_000 })
      .toMatch(/allegedly[\s\S]*according to/i);
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor();

    // The header shows what was extracted from the page.
    const header = await panel.locator('header').first().textContent();
    expect(header).toMatch(/German/);

    // What reached the endpoint: the key, the model and the article's own text.
    const chats = endpoint.requests.filter((request) => request.path.endsWith('/chat/completions'));
    expect(chats).toHaveLength(2);
    for (const request of chats) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(JSON.stringify(request.body)).toContain(`"model":"${MODEL}"`);
      expect(JSON.stringify(request.body)).toContain('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
      // The page around the article (comments, cookie banner) stays out of the prompt.
      expect(JSON.stringify(request.body)).not.toMatch(/Cookie|Kommentar/i);
    }
    const firstRequestAt = Math.min(...chats.map((request) => request.receivedAt));
    console.log(`[figures] click → first request at the endpoint: ${firstRequestAt - started} ms`);
    const translationRequest = chats.find((request) => requestPurpose(request.body) === 'translation');
    const shownAt = Number(await panel.evaluate(() => document.body.dataset.translationShownAt));
    console.log(
      `[figures] first token → appears in the panel: ${shownAt - (translationRequest?.firstContentAt ?? Number.NaN)} ms (translation, sent by the endpoint → shown in the Translation region)`,
    );
    await screenshot(panel, 'sidepanel-seed');
  });

  it('shows the stored result on a revisit, without a new request', async () => {
    const article = await openArticle('seed-de');
    const panel = await openPanelFor(extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await expect.poll(() => region(panel, 'Translation').textContent(), { timeout: 10_000 }).toMatch(/allegedly/i);
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor();
    expect(endpoint.requests.filter((request) => request.path.endsWith('/chat/completions'))).toHaveLength(0);
    await expect.poll(() => panel.textContent('body')).toMatch(/cache/i);
  });

  it('tells the user when the key is rejected', async () => {
    await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: 'sk-wrong-key-abcd', model: MODEL });
    const article = await openArticle('seed-de');
    const panel = await openPanelFor(extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    // The stored result is shown without a request; Regenerate asks the endpoint again.
    await panel.getByRole('button', { name: 'Regenerate' }).click();
    await panel.getByText('API key rejected').first().waitFor({ timeout: 20_000 });
    expect(endpoint.requests.some((request) => request.headers.authorization === 'Bearer sk-wrong-key-abcd')).toBe(
      true,
    );
    await expect.poll(() => panel.textContent('body')).toMatch(/check or replace the API key/i);
    await screenshot(panel, 'sidepanel-key-rejected');
    await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
  });

  it('offers the whole page when the page is not an article', async () => {
    const page = await openArticle('search-results');
    const panel = await openPanelFor(extension, page);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByText('This page is not an article').waitFor({ timeout: 10_000 });
    await screenshot(panel, 'sidepanel-not-an-article');
    await panel.getByRole('button', { name: /whole page/i }).click();
    await expect.poll(() => region(panel, 'Summary').textContent(), { timeout: 20_000 }).not.toBe('');
  });
});

describe('the other surfaces', () => {
  it('the popup shows the summary of the current tab and a button to open the side panel', async () => {
    const article = await openArticle('seed-de');
    await article.bringToFront();
    const tabId = await extension.tabIdOf(article);
    const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 700 });
    await expect.poll(() => popup.textContent('body'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await popup.getByRole('button', { name: /side panel/i }).waitFor();
    await screenshot(popup, 'popup');
  });

  it("the popup's button opens the real side panel, which follows the active tab", async () => {
    const article = await openArticle('seed-de');
    const tabId = await extension.tabIdOf(article);
    const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.textContent('body'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    const probe = await extension.openPage('options.html');
    const panelTexts = () =>
      probe.evaluate(() =>
        chrome.extension
          .getViews()
          .filter((view) => view.location.pathname.endsWith('/sidepanel.html') && !view.location.search)
          .map((view) => view.document.body.textContent ?? ''),
      );
    expect(await panelTexts()).toEqual([]);
    // A Playwright click is a user gesture, as the toolbar click is: sidePanel.open() is allowed in it.
    await popup.getByRole('button', { name: /side panel/i }).click();
    await expect.poll(panelTexts, { timeout: 10_000 }).toHaveLength(1);
    await article.bringToFront();
    await expect.poll(async () => (await panelTexts())[0], { timeout: 10_000 }).toMatch(/Summary[\s\S]*Minsk/);
  });

  it('Test connection reports success, and the exact reason when it fails', async () => {
    const options = await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText(/Connected to test-model-1/).waitFor({ timeout: 10_000 });
    await options.getByLabel('Model', { exact: true }).fill('no-such-model');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText('Model not found').waitFor({ timeout: 10_000 });
    await options.getByRole('button', { name: 'List models' }).click();
    await expect.poll(() => options.locator('option').allTextContents()).toContain('test-model-2');
    await screenshot(options, 'options-model-not-found');
    await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
  });
});
