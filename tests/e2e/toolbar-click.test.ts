import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import { artifactPath } from '@/tests/support/browser/screenshot';
import { startVirtualDisplay } from '@/tests/support/browser/virtual-display';
import type { OpenAITestServer } from '@/tests/support/openai-test-server';

/**
 * The real toolbar, as a user meets it: headed Chromium on a display of our own, a real click on the
 * extensions menu and on Sourcelens in it, and a real Alt+Shift+S (xdotool). Every other browser
 * test opens sidepanel.html?tabId=…; this one checks that the browser itself opens the panel.
 */
const API_KEY = 'sk-test-sourcelens-toolbar';
const MODEL = 'test-model-1';
const SCREEN = { width: 1400, height: 900 };
/**
 * Where Debian's Chromium draws them in a 1400×900 window at 0,0, measured on screenshots
 * (tests/e2e/artifacts/toolbar-*.png show them): the extensions (puzzle) button at the toolbar's
 * right end, and the first entry of its menu.
 */
const PUZZLE = { x: SCREEN.width - 114, y: 62 };
const MENU_ENTRY = { x: SCREEN.width - 322, y: 223 };

const test = browserTest
  .override({ endpointOptions: { apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 } })
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; this one has none.
  .extend('display', { scope: 'file' }, async ({}, { onCleanup }) => {
    const display = await startVirtualDisplay(SCREEN);
    onCleanup(() => display.close());
    return display;
  })
  // Headed, on that display: set up before the browser, closed after it.
  .override('launchOptions', { scope: 'file' }, async ({ display }) => ({
    headed: { display: display.display, ...SCREEN },
  }));

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
});

let visit = 0;
/** A unique query per visit, so each tab is found by its own URL. */
const nextVisit = () => `?visit=${++visit}`;

/** The text of the real side panel, read from another extension page through `extension.getViews()`. */
async function realPanelText(extension: LoadedExtension): Promise<string | null> {
  const reader = extension.context.pages().find((page) => page.url().includes('/options.html'));
  if (!reader) throw new Error('no extension page to read the panel from');
  return reader.evaluate(() => {
    const view = chrome.extension.getViews().find((candidate) => candidate.location.pathname === '/sidepanel.html');
    return view ? view.document.body.textContent : null;
  });
}

function chatRequests(endpoint: OpenAITestServer): number {
  return endpoint.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
}

test.describe('the real toolbar', () => {
  test('a click on Sourcelens in the extensions menu opens the side panel, which streams the article', async ({
    display,
    extension,
    openArticle,
  }) => {
    await (await openArticle('seed-de', nextVisit())).bringToFront();
    await display.xdotool('mousemove', String(PUZZLE.x), String(PUZZLE.y), 'click', '1');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await display.screenshot(artifactPath('toolbar-menu'));
    await display.xdotool('mousemove', String(MENU_ENTRY.x), String(MENU_ENTRY.y), 'click', '1');

    await expect.poll(() => realPanelText(extension), { timeout: 20_000 }).toMatch(/summary[\s\S]*(Minsk|Belarus)/i);
    await expect.poll(() => realPanelText(extension), { timeout: 20_000 }).toMatch(/translation/i);
    await display.screenshot(artifactPath('toolbar-click'));
  });

  test('Alt+Shift+S analyses the page shown, as the click does', async ({
    display,
    extension,
    endpoint,
    openArticle,
  }) => {
    // Another article: the seed's result is cached by now, and a cached result sends nothing.
    await (await openArticle('de-english-quotes', nextVisit())).bringToFront();
    const before = chatRequests(endpoint);
    // Focus the page (left of the panel), so the key reaches this browser window.
    await display.xdotool('mousemove', '300', '500', 'click', '1');
    await display.xdotool('key', '--clearmodifiers', 'alt+shift+s');
    await expect.poll(() => chatRequests(endpoint), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect
      .poll(() => realPanelText(extension), { timeout: 20_000 })
      .toMatch(/Chip-Exporte[\s\S]*summary[\s\S]*(Minsk|Belarus)/i);
    await display.screenshot(artifactPath('toolbar-shortcut'));
  });
});
