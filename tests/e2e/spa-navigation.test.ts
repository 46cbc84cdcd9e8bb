import type { Locator, Page } from 'playwright-core';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';

/** The first note's quote: the seed article's first sentence, which the next story's teaser repeats. */
const LEAD_SENTENCE = 'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.';

const test = browserTest.override({ endpointOptions: { apiKey: 'sk-spa-test', models: ['test-model-1'] } });

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
});

function noteCards(panel: SidePanel): Locator {
  return panel.region('Sources').locator('article.note-card');
}

/** The texts of the extension's highlight in the page; null when there is none. */
function highlightedTexts(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('sourcelens-passage');
    return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : null;
  });
}

test.describe('a single-page app that changes its URL while a job runs', () => {
  test('shows “This tab has moved on”, keeps the result, and will not highlight in the new story', async ({
    extension,
    endpoint,
    openArticle,
  }) => {
    const fixtures = seedFixtures();
    // Slow streams: the page changes while both requests are still running.
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose === 'other') return undefined;
      const content = purpose === 'analysis' ? fixtures.analysis : fixtures.translation;
      return { kind: 'stream', content, chunkSize: 60, delayMs: 40 };
    });
    // What the background hears from the browser about this tab.
    await extension.serviceWorker.evaluate(() => {
      const heard: string[] = [];
      Reflect.set(globalThis, '__spaTestUpdates', heard);
      chrome.tabs.onUpdated.addListener((_tabId, change) => heard.push(JSON.stringify(change)));
    });

    const tab = await openArticle('spa-de');
    const panel = await tab.openSidePanel();
    await panel.analyse();
    const translation = panel.region('Translation');
    await expect
      .poll(async () => (await translation.textContent())?.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(80);
    expect(await panel.button('Cancel').count()).toBe(1);

    // The reader follows the teaser: the app pushes a new URL and swaps the story in place.
    await tab.page.getByRole('link', { name: /Putin gratulierte/ }).click();
    await expect.poll(() => tab.page.url()).toMatch(/\/spa-de\/putin-gratuliert-lukaschenko$/);
    await expect.poll(() => tab.page.locator('h1').textContent()).toMatch(/Putin gratuliert/);

    await panel.page.bringToFront();
    await panel.page.getByText('This tab has moved on').waitFor({ timeout: 10_000 });
    // The job goes on to the end, and its result stays, for the article it read.
    await panel.waitUntilDone(30_000);
    expect(await panel.page.textContent('main')).toContain('This tab has moved on');
    expect(await panel.textOf('Summary')).toMatch(/Minsk/);
    await expect.poll(() => translation.textContent()).toMatch(/allegedly[\s\S]*according to/i);
    expect(await panel.page.textContent('main')).toContain('Abkommen zwischen Washington und Minsk');
    await panel.screenshot('sidepanel-spa-moved-on', { clip: { x: 0, y: 0, width: 420, height: 720 } });

    // The new story's teaser repeats the first note's quote: highlighting it there would point
    // at another article. The panel says the page changed instead.
    const note = noteCards(panel).first();
    expect(await note.textContent()).toContain(LEAD_SENTENCE);
    await note.getByRole('button', { name: 'Show in page' }).click();
    await expect
      .poll(async () => ((await note.textContent()) ?? '').replace(/\s+/g, ' '), { timeout: 10_000 })
      .toContain('The page has changed since it was read; this passage is no longer on it.');
    expect(await highlightedTexts(tab.page)).toBeNull();

    // Chromium told the background, through tabs.onUpdated: with host access (the e2e build has it
    // for 127.0.0.1, the toolbar click's activeTab gives it for the page's origin) the change
    // carries the new URL; without access it is a bare `status: loading`, which is enough too.
    const heard = await extension.serviceWorker.evaluate(() => Reflect.get(globalThis, '__spaTestUpdates') as string[]);
    expect(heard.map((change) => JSON.parse(change))).toContainEqual(
      expect.objectContaining({ status: 'loading', url: expect.stringMatching(/putin-gratuliert-lukaschenko$/) }),
    );

    // Analysing the page shown now reads the new story.
    endpoint.setResponder(null);
    await panel.button('Analyse the page shown now').click();
    await expect.poll(() => panel.page.textContent('main'), { timeout: 20_000 }).toMatch(/Putin gratuliert/);
    expect(await panel.page.textContent('main')).not.toContain('This tab has moved on');
  });
});
