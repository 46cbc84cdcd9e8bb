import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import { saveScreenshot } from '@/tests/support/browser/screenshot';

const API_KEY = 'sk-test-sourcelens-first-run';
const MODEL = 'test-model-1';

const test = browserTest.override({ endpointOptions: { apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 } });

/** The toolbar click: the same action.onClicked event, dispatched to the background's own handler. */
async function clickToolbarIcon(extension: LoadedExtension, tabId: number): Promise<void> {
  await extension.serviceWorker.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    (chrome.action.onClicked as unknown as { dispatch(tab: chrome.tabs.Tab): void }).dispatch(tab);
  }, tabId);
}

test.describe('a fresh install', () => {
  test('opens a short welcome on the options page', async ({ extension }) => {
    const welcomeUrl = `chrome-extension://${extension.extensionId}/options.html?welcome=1`;
    await expect
      .poll(() => extension.context.pages().map((page) => page.url()), { timeout: 10_000 })
      .toContain(welcomeUrl);
    const welcome = extension.context.pages().find((page) => page.url() === welcomeUrl);
    if (!welcome) throw new Error('no welcome tab');
    await welcome.getByRole('heading', { name: 'Welcome to Sourcelens' }).waitFor();
    await expect
      .poll(() => welcome.getByRole('region', { name: 'Welcome to Sourcelens' }).textContent())
      .toMatch(/Test connection[\s\S]*Alt\+Shift\+S[\s\S]*Analyse selection with Sourcelens/);
    // The form is below it, ready for the first step.
    await welcome.getByLabel('Provider').waitFor();
    await saveScreenshot(welcome, 'first-run-welcome');
  });

  test('the toolbar icon opens the panel on a three-step setup, not an error, and analyses the page once done', async ({
    extension,
    endpoint,
    openArticle,
    openOptions,
  }) => {
    const article = await openArticle('seed-de');
    await clickToolbarIcon(extension, await article.tabId());
    const panel = await article.openSidePanel();

    await panel.page.getByRole('heading', { name: 'Set up Sourcelens' }).waitFor({ timeout: 10_000 });
    const steps = panel.page.locator('.setup__step-title');
    await expect
      .poll(() => steps.allTextContents())
      .toEqual(['Choose a provider', 'Paste your API key', 'Test the connection']);
    expect(await panel.page.getByRole('alert').count()).toBe(0);
    expect(endpoint.requests).toEqual([]);
    await panel.screenshot('first-run-setup');
    await panel.page.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot('first-run-setup-dark');
    await panel.page.emulateMedia({ colorScheme: 'light' });

    // OpenAI needs a key: the step says so, and nothing is sent.
    await panel.button('Test connection').click();
    await panel.page.getByText('Paste your OpenAI API key.').waitFor();
    await expect.poll(() => panel.page.evaluate(() => document.activeElement?.id)).toBe('setup-api-key');
    expect(endpoint.requests).toEqual([]);

    await panel.page.getByLabel('Provider').selectOption('custom');
    await panel.page.getByLabel('Base URL').fill(endpoint.url);
    await panel.page.getByLabel('Model').fill(MODEL);
    await panel.page.getByLabel('API key', { exact: true }).fill(API_KEY);
    await panel.button('Test connection').click();

    await expect.poll(() => panel.textOf('Summary'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    expect(await panel.page.getByRole('heading', { name: 'Set up Sourcelens' }).count()).toBe(0);
    await panel.screenshot('first-run-analysed');

    // Saved as the options page shows it.
    const options = await openOptions();
    await expect.poll(() => options.field('Base URL').inputValue()).toBe(endpoint.url);
    expect(await options.field('Provider').inputValue()).toBe('custom');
  });
});
