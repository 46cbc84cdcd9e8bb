import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELECTION_MENU_ID } from '../../lib/selection-menu';
import { messagesText } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-test-sourcelens-shortcut';
const MODEL = 'test-model-1';
const FIRST = 'Ein mutmaßlich bedeutsames Abkommen';
const SECOND = 'Vor diesem Treffen hat Smith';
const NOT_SELECTED = 'Bei den Präsidentschaftswahlen in Weißrussland';

let world: World;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 });
  await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: API_KEY, model: MODEL });
});

afterAll(async () => {
  await world?.close();
});

let visit = 0;
async function openSeedArticle(): Promise<{ page: Page; tabId: number }> {
  const page = await world.extension.context.newPage();
  visit += 1;
  await page.goto(`${world.pages.urlOf('seed-de')}?visit=${visit}`);
  return { page, tabId: await world.extension.tabIdOf(page) };
}

/** What the endpoint was sent, all requests' messages together. */
function sentText(): string {
  return world.endpoint.requests
    .map((request) => (request.body ? messagesText(request.body as object) : ''))
    .join('\n');
}

describe('the keyboard shortcut', () => {
  it('is Alt+Shift+S on the toolbar action, as the browser registered it', async () => {
    const commands = await world.extension.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+S' }));
  });

  it('fires the toolbar click, which analyses the page in its side panel', async () => {
    const { page, tabId } = await openSeedArticle();
    world.endpoint.requests.length = 0;
    // The shortcut fires action.onClicked, as the click does: dispatch that event to the background's handler.
    await world.extension.serviceWorker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      (chrome.action.onClicked as unknown as { dispatch(tab: chrome.tabs.Tab): void }).dispatch(tab);
    }, tabId);
    const panel = await openPanelFor(world.extension, page);
    await expect
      .poll(() => panel.getByRole('region', { name: 'Summary' }).textContent(), { timeout: 20_000 })
      .toMatch(/Minsk|Belarus/);
    expect(sentText()).toContain(NOT_SELECTED);
  });
});

describe('the context menu on selected text', () => {
  it('is made on install', async () => {
    // update() rejects for an entry that does not exist.
    const updated = await world.extension.serviceWorker.evaluate(
      (id) =>
        chrome.contextMenus.update(id, {}).then(
          () => 'exists',
          (error: Error) => error.message,
        ),
      SELECTION_MENU_ID,
    );
    expect(updated).toBe('exists');
  });

  it('"Analyse selection with Sourcelens" analyses only the selected paragraphs', async () => {
    const { page, tabId } = await openSeedArticle();
    await page.evaluate(
      ({ first, second }) => {
        const paragraphs = [...document.querySelectorAll('p')];
        const start = paragraphs.find((paragraph) => paragraph.textContent?.startsWith(first));
        const end = paragraphs.find((paragraph) => paragraph.textContent?.startsWith(second));
        if (!start || !end) throw new Error('seed paragraphs not found');
        const range = document.createRange();
        range.setStartBefore(start);
        range.setEndAfter(end);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
      },
      { first: FIRST, second: SECOND },
    );
    world.endpoint.requests.length = 0;
    await world.extension.serviceWorker.evaluate(
      async ({ id, menuItemId, selectionText }) => {
        const tab = await chrome.tabs.get(id);
        const info = { menuItemId, selectionText, editable: false, pageUrl: tab.url ?? '' };
        (
          chrome.contextMenus.onClicked as unknown as {
            dispatch(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab): void;
          }
        ).dispatch(info, tab);
      },
      { id: tabId, menuItemId: SELECTION_MENU_ID, selectionText: `${FIRST} …` },
    );
    const panel = await openPanelFor(world.extension, page);
    await panel.getByText('From your selection').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => panel.getByRole('region', { name: 'Summary' }).textContent(), { timeout: 20_000 })
      .toMatch(/\S/);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'selection-from-context-menu.png'), fullPage: true });
    const sent = sentText();
    expect(sent).toContain(FIRST);
    expect(sent).toContain(SECOND);
    expect(sent).not.toContain(NOT_SELECTED);
  });
});
