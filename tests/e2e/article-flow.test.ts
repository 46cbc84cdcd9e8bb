import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { saveScreenshot } from '@/tests/support/browser/screenshot';
import { requestPurpose, seedTranslationFor } from '@/tests/support/seed-fixtures';

const API_KEY = 'sk-test-sourcelens-0123456789';
const MODEL = 'test-model-1';

const test = browserTest.override({
  endpointOptions: { apiKey: API_KEY, models: [MODEL, 'test-model-2'], fixtureDelayMs: 5 },
});

test.beforeEach(({ endpoint }) => {
  endpoint.requests.length = 0;
  endpoint.setResponder(null);
});

let visit = 0;
/** A unique query per visit, so each tab is found by its own URL; the page's canonical URL stays the same. */
const nextVisit = () => `?visit=${++visit}`;

test.describe('the seed article, end to end', () => {
  test('streams summary, sources and translation from the endpoint into the side panel', async ({
    openOptions,
    openArticle,
    testEndpoint,
    endpoint,
  }) => {
    const options = await openOptions();
    await options.useEndpoint(testEndpoint);
    await options.screenshot('options');
    const article = await openArticle('seed-de', nextVisit());
    const panel = await article.openSidePanel();

    // The translation's first token comes 400 ms after the request, so its trip to the panel can be timed.
    endpoint.setResponder((request) =>
      requestPurpose(request.body) === 'translation'
        ? { kind: 'stream', content: seedTranslationFor(request.body), delayMs: 5, firstTokenDelayMs: 400 }
        : undefined,
    );
    await panel.page.evaluate(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.translation')?.textContent?.trim()) return;
        document.body.dataset.translationShownAt = String(Date.now());
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const started = Date.now();
    await panel.analyse();

    await expect.poll(() => panel.textOf('Summary'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await expect
      .poll(() => panel.textOf('Sources'), { timeout: 20_000 })
      .toMatch(/New York Times[\s\S]*Christopher Smith/);
    await expect.poll(() => panel.textOf('Translation'), { timeout: 20_000 }).toMatch(/allegedly[\s\S]*according to/i);
    await panel.waitUntilDone(30_000);

    // The header shows what was extracted from the page.
    const header = await panel.page.locator('header').first().textContent();
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
    const shownAt = Number(await panel.page.evaluate(() => document.body.dataset.translationShownAt));
    console.log(
      `[figures] first token → appears in the panel: ${shownAt - (translationRequest?.firstContentAt ?? Number.NaN)} ms (translation, sent by the endpoint → shown in the Translation region)`,
    );
    await panel.screenshot('sidepanel-seed');
  });

  test('shows the stored result on a revisit, without a new request', async ({ openArticle, endpoint }) => {
    const article = await openArticle('seed-de', nextVisit());
    const panel = await article.openSidePanel();
    await panel.analyse();
    await expect.poll(() => panel.textOf('Translation'), { timeout: 10_000 }).toMatch(/allegedly/i);
    await panel.waitUntilDone(30_000);
    expect(endpoint.requests.filter((request) => request.path.endsWith('/chat/completions'))).toHaveLength(0);
    await expect.poll(() => panel.text()).toMatch(/cache/i);
  });

  test('tells the user when the key is rejected', async ({ openOptions, openArticle, testEndpoint, endpoint }) => {
    await (await openOptions()).useEndpoint({ ...testEndpoint, apiKey: 'sk-wrong-key-abcd' });
    const article = await openArticle('seed-de', nextVisit());
    const panel = await article.openSidePanel();
    await panel.analyse();
    // The stored result is shown without a request; Regenerate asks the endpoint again.
    await panel.button('Regenerate').click();
    await panel.waitForText('API key rejected', 20_000);
    expect(endpoint.requests.some((request) => request.headers.authorization === 'Bearer sk-wrong-key-abcd')).toBe(
      true,
    );
    await expect.poll(() => panel.text()).toMatch(/check or replace the API key/i);
    await panel.screenshot('sidepanel-key-rejected');
    await (await openOptions()).useEndpoint(testEndpoint);
  });

  test('offers the whole page when the page is not an article', async ({ openArticle }) => {
    const page = await openArticle('search-results', nextVisit());
    const panel = await page.openSidePanel();
    await panel.analyse();
    await panel.waitForText('This page is not an article');
    await panel.screenshot('sidepanel-not-an-article');
    await panel.button(/whole page/i).click();
    await expect.poll(() => panel.textOf('Summary'), { timeout: 20_000 }).not.toBe('');
  });
});

test.describe('the other surfaces', () => {
  test('the popup shows the summary of the current tab and a button to open the side panel', async ({
    openArticle,
  }) => {
    const article = await openArticle('seed-de', nextVisit());
    await article.bringToFront();
    const popup = await article.openPopup();
    await expect.poll(() => popup.textContent('body'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await popup.getByRole('button', { name: /side panel/i }).waitFor();
    await saveScreenshot(popup, 'popup');
  });

  test("the popup's button opens the real side panel, which follows the active tab", async ({
    openArticle,
    openOptions,
  }) => {
    const article = await openArticle('seed-de', nextVisit());
    const popup = await article.openPopup();
    await expect.poll(() => popup.textContent('body'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    const probe = await openOptions();
    const panelTexts = () =>
      probe.page.evaluate(() =>
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

  test('Test connection reports success, and the exact reason when it fails', async ({ openOptions, testEndpoint }) => {
    const options = await openOptions();
    await options.useEndpoint(testEndpoint);
    await options.button('Test connection').click();
    await options.page.getByText(/Connected to test-model-1/).waitFor({ timeout: 10_000 });
    await options.fill('Model', 'no-such-model');
    await options.button('Test connection').click();
    await options.page.getByText('Model not found').waitFor({ timeout: 10_000 });
    await options.button('List models').click();
    await expect.poll(() => options.page.locator('option').allTextContents()).toContain('test-model-2');
    await options.screenshot('options-model-not-found');
    await (await openOptions()).useEndpoint(testEndpoint);
  });
});
