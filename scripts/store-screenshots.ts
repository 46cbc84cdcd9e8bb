/**
 * npm run screenshots — the store listing's screenshots, taken in Chromium from the built e2e
 * extension (`npm run build:e2e` first; the npm script does it) on the seed article, with the
 * project's OpenAI-compatible test server answering: no real endpoint, no network.
 *
 * Writes 1280 × 800 PNGs (the Chrome Web Store's screenshot size) to docs/screenshots/:
 * the side panel beside the article in the light and the dark theme (analysis done), a note's
 * quote highlighted in the page, the popup over the article, and the options page. The side
 * panel and the popup are extension pages opened as tabs at their real widths, then set beside
 * the article page's own screenshot as the browser shows them. Not part of `npm test`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { loadExtension } from '../tests/support/browser/extension';
import { startPageServer } from '../tests/support/browser/page-server';
import { OptionsPage } from '../tests/support/browser/pages/options-page';
import { SidePanel } from '../tests/support/browser/pages/side-panel';
import { startOpenAITestServer } from '../tests/support/openai-test-server';

const OUT_DIR = path.resolve('docs/screenshots');
/** The Chrome Web Store's screenshot size (1280 × 800 or 640 × 400). */
const WIDTH = 1280;
const HEIGHT = 800;
/** Chrome's side panel opens at about this width. */
const PANEL_WIDTH = 420;
const POPUP_WIDTH = 400;
const POPUP_HEIGHT = 560;
const API_KEY = 'sk-screenshots-0123456789';
const MODEL = 'gpt-4.1-mini';

interface Shot {
  png: Buffer;
  x: number;
  y: number;
  /** A drop shadow, as the browser draws around a popup. */
  floating?: boolean;
  /** The line the browser draws between the page and its side panel. */
  panel?: boolean;
}

/** Lays the shots out on one 1280 × 800 canvas (a page of the same browser) and saves it. */
async function compose(context: BrowserContext, shots: Shot[], file: string): Promise<void> {
  const canvas = await context.newPage();
  await canvas.setViewportSize({ width: WIDTH, height: HEIGHT });
  const images = shots
    .map(
      (shot) =>
        `<img src="data:image/png;base64,${shot.png.toString('base64')}" style="position:absolute;left:${shot.x}px;top:${shot.y}px;${
          shot.floating ? 'box-shadow:0 8px 28px rgba(0,0,0,.35);border-radius:8px;' : ''
        }${shot.panel ? 'box-shadow:-1px 0 0 #9aa0a6;' : ''}">`,
    )
    .join('');
  await canvas.setContent(
    `<!DOCTYPE html><html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative;background:#fff">${images}</body></html>`,
  );
  await canvas.screenshot({ path: path.join(OUT_DIR, file) });
  await canvas.close();
  console.log(`docs/screenshots/${file}`);
}

/** Scrolls the element to a little below the top of its page. */
async function scrollToTop(locator: Locator): Promise<void> {
  await locator.evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -12);
  });
}

async function viewportShot(page: Page, width: number, height: number): Promise<Buffer> {
  await page.setViewportSize({ width, height });
  return page.screenshot();
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const extension = await loadExtension();
  const endpoint = await startOpenAITestServer({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 0 });
  const pages = await startPageServer();
  try {
    // First, while nothing is stored: the options as a new user fills them in for a hosted
    // provider (not saved). The test server's loopback address is no picture of a user's setup.
    const firstOptions = await extension.openPage('options.html');
    await firstOptions.setViewportSize({ width: WIDTH, height: HEIGHT });
    await firstOptions.getByLabel('Provider').selectOption('openai');
    await firstOptions.getByLabel('API key', { exact: true }).fill('sk-proj-store-screenshot-0000000000000000');
    await firstOptions.getByLabel('Model', { exact: true }).fill(MODEL);
    await firstOptions.evaluate(() => window.scrollTo(0, 0));
    await firstOptions.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await firstOptions.screenshot({ path: path.join(OUT_DIR, 'options.png') });
    console.log('docs/screenshots/options.png');
    await firstOptions.close();

    await (await OptionsPage.open(extension)).useEndpoint({ baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });

    const article = await extension.context.newPage();
    await article.setViewportSize({ width: WIDTH - PANEL_WIDTH, height: HEIGHT });
    await article.goto(pages.urlOf('seed-de'));
    // The site's cookie banner would cover the article: on the real site a reader's click closes
    // it; the saved page has no script, so it goes here.
    await article.evaluate(() => document.getElementById('cookie-consent')?.remove());
    const tabId = await extension.tabIdOf(article);
    const sidePanel = await SidePanel.open(extension, tabId);
    const panel = sidePanel.page;
    await panel.setViewportSize({ width: PANEL_WIDTH, height: HEIGHT });
    await sidePanel.analyseAfresh();
    await sidePanel.waitUntilDone(60_000);
    await panel.getByRole('region', { name: 'Sources' }).locator('article.note-card').first().waitFor();

    // The pointer rests where the last click left it: away from the summary, or its source tooltip shows.
    await panel.mouse.move(PANEL_WIDTH - 2, HEIGHT - 2);

    const articleShot = await viewportShot(article, WIDTH - PANEL_WIDTH, HEIGHT);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      // Light: the summary at the top; dark: the notes, the other half of the result.
      if (scheme === 'light') await panel.evaluate(() => window.scrollTo(0, 0));
      else await scrollToTop(panel.getByRole('region', { name: 'Sources' }));
      const panelShot = await viewportShot(panel, PANEL_WIDTH, HEIGHT);
      await compose(
        extension.context,
        [
          { png: articleShot, x: 0, y: 0 },
          { png: panelShot, x: WIDTH - PANEL_WIDTH, y: 0, panel: true },
        ],
        `sidepanel-${scheme}.png`,
      );
    }
    await panel.emulateMedia({ colorScheme: 'light' });

    // The popup opens under the toolbar's right end, over the page.
    const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_HEIGHT });
    await popup.getByRole('button', { name: /side panel/i }).waitFor({ timeout: 20_000 });
    await popup.waitForFunction(() => /Minsk|Belarus/.test(document.body.textContent ?? ''), null, {
      timeout: 20_000,
    });
    const popupShot = await popup.screenshot();
    const fullArticleShot = await viewportShot(article, WIDTH, HEIGHT);
    await compose(
      extension.context,
      [
        { png: fullArticleShot, x: 0, y: 0 },
        { png: popupShot, x: WIDTH - POPUP_WIDTH - 16, y: 8, floating: true },
      ],
      'popup.png',
    );
    // A note's "Show in page": its quote highlighted in the article, the note open in the panel.
    const note = panel.getByRole('region', { name: 'Sources' }).locator('article.note-card').first();
    await scrollToTop(note);
    await note.getByRole('button', { name: 'Show in page' }).click();
    await article.waitForFunction(() => (CSS.highlights.get('sourcelens-passage')?.size ?? 0) > 0, null, {
      timeout: 10_000,
    });
    await article.bringToFront();
    const highlightedShot = await viewportShot(article, WIDTH - PANEL_WIDTH, HEIGHT);
    const noteShot = await viewportShot(panel, PANEL_WIDTH, HEIGHT);
    await compose(
      extension.context,
      [
        { png: highlightedShot, x: 0, y: 0 },
        { png: noteShot, x: WIDTH - PANEL_WIDTH, y: 0, panel: true },
      ],
      'highlighted-note.png',
    );
  } finally {
    await Promise.all([extension.close(), endpoint.close(), pages.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
