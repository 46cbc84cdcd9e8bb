import { SELECTION_MENU_ID } from '@/lib/selection-menu';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { OpenAITestServer } from '@/tests/support/openai-test-server';
import { messagesText } from '@/tests/support/seed-fixtures';

const API_KEY = 'sk-test-sourcelens-shortcut';
const MODEL = 'test-model-1';
const FIRST = 'Ein mutmaßlich bedeutsames Abkommen';
const SECOND = 'Vor diesem Treffen hat Smith';
const NOT_SELECTED = 'Bei den Präsidentschaftswahlen in Weißrussland';

const test = browserTest.override({ endpointOptions: { apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 } });

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
});

let visit = 0;
/** A unique query per visit, so each tab is found by its own URL. */
const nextVisit = () => `?visit=${++visit}`;

/** What the endpoint was sent, all requests' messages together. */
function sentText(endpoint: OpenAITestServer): string {
  return endpoint.requests.map((request) => (request.body ? messagesText(request.body as object) : '')).join('\n');
}

test.describe('the keyboard shortcut', () => {
  test('is Alt+Shift+S on the toolbar action, as the browser registered it', async ({ extension }) => {
    const commands = await extension.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+S' }));
  });

  test('fires the toolbar click, which analyses the page in its side panel', async ({
    extension,
    endpoint,
    openArticle,
  }) => {
    const page = await openArticle('seed-de', nextVisit());
    const tabId = await page.tabId();
    endpoint.requests.length = 0;
    // The shortcut fires action.onClicked, as the click does: dispatch that event to the background's handler.
    await extension.serviceWorker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      (chrome.action.onClicked as unknown as { dispatch(tab: chrome.tabs.Tab): void }).dispatch(tab);
    }, tabId);
    const panel = await page.openSidePanel();
    await expect.poll(() => panel.textOf('Summary'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    expect(sentText(endpoint)).toContain(NOT_SELECTED);
  });
});

test.describe('the context menu on selected text', () => {
  test('is made on install', async ({ extension }) => {
    // update() rejects for an entry that does not exist.
    const updated = await extension.serviceWorker.evaluate(
      (id) =>
        chrome.contextMenus.update(id, {}).then(
          () => 'exists',
          (error: Error) => error.message,
        ),
      SELECTION_MENU_ID,
    );
    expect(updated).toBe('exists');
  });

  test('"Analyse selection with Sourcelens" analyses only the selected paragraphs', async ({
    extension,
    endpoint,
    openArticle,
  }) => {
    const page = await openArticle('seed-de', nextVisit());
    const tabId = await page.tabId();
    await page.page.evaluate(
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
    endpoint.requests.length = 0;
    await extension.serviceWorker.evaluate(
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
    const panel = await page.openSidePanel();
    await panel.page.getByText('From your selection').waitFor({ timeout: 10_000 });
    await expect.poll(() => panel.textOf('Summary'), { timeout: 20_000 }).toMatch(/\S/);
    await panel.screenshot('selection-from-context-menu');
    const sent = sentText(endpoint);
    expect(sent).toContain(FIRST);
    expect(sent).toContain(SECOND);
    expect(sent).not.toContain(NOT_SELECTED);
  });
});
