import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-test-sourcelens-first-run';
const MODEL = 'test-model-1';

let world: World;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 });
});

afterAll(async () => {
  await world?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/** The toolbar click: the same action.onClicked event, dispatched to the background's own handler. */
async function clickToolbarIcon(tabId: number): Promise<void> {
  await world.extension.serviceWorker.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    (chrome.action.onClicked as unknown as { dispatch(tab: chrome.tabs.Tab): void }).dispatch(tab);
  }, tabId);
}

describe('a fresh install', () => {
  it('opens a short welcome on the options page', async () => {
    const welcomeUrl = `chrome-extension://${world.extension.extensionId}/options.html?welcome=1`;
    await expect
      .poll(() => world.extension.context.pages().map((page) => page.url()), { timeout: 10_000 })
      .toContain(welcomeUrl);
    const welcome = world.extension.context.pages().find((page) => page.url() === welcomeUrl);
    if (!welcome) throw new Error('no welcome tab');
    await welcome.getByRole('heading', { name: 'Welcome to Sourcelens' }).waitFor();
    await expect
      .poll(() => welcome.getByRole('region', { name: 'Welcome to Sourcelens' }).textContent())
      .toMatch(/Test connection[\s\S]*Alt\+Shift\+S[\s\S]*Analyse selection with Sourcelens/);
    // The form is below it, ready for the first step.
    await welcome.getByLabel('Provider').waitFor();
    await screenshot(welcome, 'first-run-welcome');
  });

  it('the toolbar icon opens the panel on a three-step setup, not an error, and analyses the page once done', async () => {
    const article = await world.extension.context.newPage();
    await article.goto(world.pages.urlOf('seed-de'));
    const tabId = await world.extension.tabIdOf(article);
    await clickToolbarIcon(tabId);
    const panel = await openPanelFor(world.extension, article);

    await panel.getByRole('heading', { name: 'Set up Sourcelens' }).waitFor({ timeout: 10_000 });
    const steps = panel.locator('.setup__step-title');
    await expect
      .poll(() => steps.allTextContents())
      .toEqual(['Choose a provider', 'Paste your API key', 'Test the connection']);
    expect(await panel.getByRole('alert').count()).toBe(0);
    expect(world.endpoint.requests).toEqual([]);
    await screenshot(panel, 'first-run-setup');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await screenshot(panel, 'first-run-setup-dark');
    await panel.emulateMedia({ colorScheme: 'light' });

    // OpenAI needs a key: the step says so, and nothing is sent.
    await panel.getByRole('button', { name: 'Test connection' }).click();
    await panel.getByText('Paste your OpenAI API key.').waitFor();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('setup-api-key');
    expect(world.endpoint.requests).toEqual([]);

    await panel.getByLabel('Provider').selectOption('custom');
    await panel.getByLabel('Base URL').fill(world.endpoint.url);
    await panel.getByLabel('Model').fill(MODEL);
    await panel.getByLabel('API key', { exact: true }).fill(API_KEY);
    await panel.getByRole('button', { name: 'Test connection' }).click();

    await expect
      .poll(() => panel.getByRole('region', { name: 'Summary' }).textContent(), { timeout: 20_000 })
      .toMatch(/Minsk|Belarus/);
    expect(await panel.getByRole('heading', { name: 'Set up Sourcelens' }).count()).toBe(0);
    await screenshot(panel, 'first-run-analysed');

    // Saved as the options page shows it.
    const options = await world.extension.openPage('options.html');
    await expect.poll(() => options.getByLabel('Base URL').inputValue()).toBe(world.endpoint.url);
    expect(await options.getByLabel('Provider').inputValue()).toBe('custom');
  });
});
