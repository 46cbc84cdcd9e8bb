import type { Page } from 'playwright-core';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { saveScreenshot } from '@/tests/support/browser/screenshot';

/**
 * Screenshots of every surface in a finished state, light and dark, for a person to compare when
 * the styles move (tests/e2e/artifacts/look-*.png). The checks are what must be on screen.
 */
const test = browserTest.override({
  endpointOptions: { apiKey: 'sk-test-sourcelens-look', models: ['test-model-1'], fixtureDelayMs: 5 },
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreenshot(page, `look-${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('how the surfaces look', { timeout: 180_000 }, () => {
  test('options, the analysed side panel and the popup, light and dark', async ({
    openOptions,
    openArticle,
    testEndpoint,
  }) => {
    const options = await openOptions();
    await options.useEndpoint(testEndpoint);
    await shoot(options.page, 'options');
    const article = await openArticle('seed-de');
    const panel = await article.openSidePanel();
    await panel.analyseAfresh();
    await panel.waitUntilDone(60_000);
    expect(await panel.region('Sources').locator('article.note-card').count()).toBeGreaterThan(0);
    await shoot(panel.page, 'sidepanel');
    const popup = await article.openPopup();
    await expect.poll(() => popup.textContent('body'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
    await shoot(popup, 'popup');
  });
});
