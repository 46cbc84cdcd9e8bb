import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureEndpoint } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startVirtualDisplay, type VirtualDisplay } from './support/virtual-display';
import { startWorld, type World } from './support/world';

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

let display: VirtualDisplay;
let world: World;

beforeAll(async () => {
  display = await startVirtualDisplay(SCREEN);
  world = await startWorld(
    { apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 },
    { headed: { display: display.display, ...SCREEN } },
  );
  await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: API_KEY, model: MODEL });
});

afterAll(async () => {
  await world?.close();
  await display?.close();
});

let visit = 0;
async function openArticle(slug: string): Promise<Page> {
  const page = await world.extension.context.newPage();
  visit += 1;
  await page.goto(`${world.pages.urlOf(slug)}?visit=${visit}`);
  await page.bringToFront();
  return page;
}

/** The text of the real side panel, read from another extension page through `extension.getViews()`. */
async function realPanelText(): Promise<string | null> {
  const reader = world.extension.context.pages().find((page) => page.url().includes('/options.html'));
  if (!reader) throw new Error('no extension page to read the panel from');
  return reader.evaluate(() => {
    const view = chrome.extension.getViews().find((candidate) => candidate.location.pathname === '/sidepanel.html');
    return view ? view.document.body.textContent : null;
  });
}

function chatRequests(): number {
  return world.endpoint.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
}

describe('the real toolbar', () => {
  it('a click on Sourcelens in the extensions menu opens the side panel, which streams the article', async () => {
    await openArticle('seed-de');
    await display.xdotool('mousemove', String(PUZZLE.x), String(PUZZLE.y), 'click', '1');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await display.screenshot(path.join(ARTIFACTS_DIR, 'toolbar-menu.png'));
    await display.xdotool('mousemove', String(MENU_ENTRY.x), String(MENU_ENTRY.y), 'click', '1');

    await expect.poll(realPanelText, { timeout: 20_000 }).toMatch(/summary[\s\S]*(Minsk|Belarus)/i);
    await expect.poll(realPanelText, { timeout: 20_000 }).toMatch(/translation/i);
    await display.screenshot(path.join(ARTIFACTS_DIR, 'toolbar-click.png'));
  });

  it('Alt+Shift+S analyses the page shown, as the click does', async () => {
    // Another article: the seed's result is cached by now, and a cached result sends nothing.
    await openArticle('de-english-quotes');
    const before = chatRequests();
    // Focus the page (left of the panel), so the key reaches this browser window.
    await display.xdotool('mousemove', '300', '500', 'click', '1');
    await display.xdotool('key', '--clearmodifiers', 'alt+shift+s');
    await expect.poll(chatRequests, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(realPanelText, { timeout: 20_000 }).toMatch(/Chip-Exporte[\s\S]*summary[\s\S]*(Minsk|Belarus)/i);
    await display.screenshot(path.join(ARTIFACTS_DIR, 'toolbar-shortcut.png'));
  });
});
