import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseAfresh, configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

/**
 * Screenshots of every surface in a finished state, light and dark, for a person to compare when
 * the styles move (tests/e2e/artifacts/look-*.png). The checks are what must be on screen.
 */
const API_KEY = 'sk-test-sourcelens-look';
const MODEL = 'test-model-1';

let world: World;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 });
});

afterAll(async () => {
  await world?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `look-${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('how the surfaces look', { timeout: 180_000 }, () => {
  it('options, the analysed side panel and the popup, light and dark', async () => {
    const options = await configureEndpoint(world.extension, {
      baseUrl: world.endpoint.url,
      apiKey: API_KEY,
      model: MODEL,
    });
    await shoot(options, 'options');
    const article = await world.extension.context.newPage();
    await article.goto(world.pages.urlOf('seed-de'));
    const panel = await openPanelFor(world.extension, article);
    await analyseAfresh(panel);
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 60_000 });
    expect(await panel.getByRole('region', { name: 'Sources' }).locator('article.note-card').count()).toBeGreaterThan(
      0,
    );
    await shoot(panel, 'sidepanel');
    const popup = await world.extension.openPage(`popup.html?tabId=${await world.extension.tabIdOf(article)}`);
    await popup.setViewportSize({ width: 400, height: 700 });
    await expect.poll(() => popup.textContent('body'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await shoot(popup, 'popup');
  });
});
