import { axeViolationsInBothThemes } from '@/tests/support/browser/axe';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { combinedAnswer, requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';

/** axe-core finds no WCAG 2.1 AA violation on any surface, in light and dark, in each state it can be in. */
const test = browserTest.override({
  endpointOptions: { apiKey: 'sk-test-sourcelens-axe', models: ['test-model-1'], fixtureDelayMs: 5 },
});

let visit = 0;
/** A unique query per visit, so each tab is found by its own URL; the page's canonical URL stays the same. */
const nextVisit = () => `?visit=${++visit}`;

const NONE = { light: [], dark: [] };

test.describe('accessibility (axe-core, WCAG 2.1 AA)', { timeout: 240_000 }, () => {
  test('the first-run setup in the side panel, and the welcome on the options page', async ({
    openArticle,
    extension,
  }) => {
    const panel = await (await openArticle('seed-de', nextVisit())).openSidePanel();
    await panel.page.getByRole('heading', { name: 'Set up Sourcelens' }).waitFor();
    expect(await axeViolationsInBothThemes(panel.page)).toEqual(NONE);
    const welcome = await extension.openPage('options.html?welcome=1');
    await welcome.getByLabel('Provider').waitFor();
    expect(await axeViolationsInBothThemes(welcome)).toEqual(NONE);
  });

  test('the options page, the empty side panel and the popup', async ({ openOptions, openArticle, testEndpoint }) => {
    const options = await openOptions();
    await options.useEndpoint(testEndpoint);
    expect(await axeViolationsInBothThemes(options.page)).toEqual(NONE);
    const article = await openArticle('seed-de', nextVisit());
    const panel = await article.openSidePanel();
    await panel.button('Analyse this page').waitFor();
    expect(await axeViolationsInBothThemes(panel.page)).toEqual(NONE);
    const popup = await article.openPopup();
    await popup.getByRole('button').first().waitFor();
    expect(await axeViolationsInBothThemes(popup)).toEqual(NONE);
  });

  test('the side panel while it streams, once done, and on an error', async ({
    openOptions,
    openArticle,
    testEndpoint,
    endpoint,
  }) => {
    await (await openOptions()).useEndpoint(testEndpoint);
    const fixtures = seedFixtures();
    // Slow streams (about 20 s for the whole answer), so the panel can be checked mid-way.
    const slow = (content: string) => ({ kind: 'stream' as const, content, chunkSize: 24, delayMs: 60 });
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose === 'combined') return slow(combinedAnswer(fixtures.analysis, fixtures.translation));
      if (purpose === 'translation') return slow(fixtures.translation);
      if (purpose === 'analysis') return slow(fixtures.analysis);
      return undefined;
    });
    const panel = await (await openArticle('seed-de', nextVisit())).openSidePanel();
    // The popup's test before this one analysed the same article: start afresh, or the stored result shows.
    await panel.analyseAfresh();
    await expect
      .poll(async () => (await panel.textOf('Summary'))?.length ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThan(40);
    expect(await panel.button('Cancel').count()).toBe(1);
    expect(await axeViolationsInBothThemes(panel.page)).toEqual(NONE);

    endpoint.setResponder(null);
    await panel.waitUntilDone(60_000);
    expect(await axeViolationsInBothThemes(panel.page)).toEqual(NONE);

    await (await openOptions()).useEndpoint({ ...testEndpoint, apiKey: 'sk-wrong-key-axe' });
    const failing = await (await openArticle('seed-de', nextVisit())).openSidePanel();
    await failing.analyse();
    const fromCache = failing.page.getByText(/from cache/i);
    await Promise.race([
      failing.page.getByRole('alert').first().waitFor({ timeout: 20_000 }),
      fromCache.waitFor({ timeout: 20_000 }),
    ]);
    if (await fromCache.count()) await failing.button('Regenerate').click();
    await failing.page.getByText('API key rejected').first().waitFor({ timeout: 20_000 });
    expect(await axeViolationsInBothThemes(failing.page)).toEqual(NONE);
  });

  test('from the keyboard alone: Tab reaches a note, Enter shows its quote in the page', async ({
    openOptions,
    openArticle,
    testEndpoint,
  }) => {
    await (await openOptions()).useEndpoint(testEndpoint);
    const article = await openArticle('seed-de', nextVisit());
    const panel = await article.openSidePanel();
    await panel.button('Analyse this page').focus();
    await panel.page.keyboard.press('Enter');
    const firstNote = panel.region('Sources').locator('article.note-card').first();
    const toggle = firstNote.getByRole('button', { name: 'Show in page' });
    await toggle.waitFor({ timeout: 30_000 });

    await panel.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let presses = 0;
    while (!(await toggle.evaluate((button) => button === document.activeElement))) {
      presses += 1;
      if (presses > 60) throw new Error('Tab never reached the first note’s Show in page');
      await panel.page.keyboard.press('Tab');
      // Focus never falls out to the page's body on the way: every stop is a control.
      expect(await panel.page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    }
    await panel.page.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          article.page.evaluate(() => {
            const highlight = CSS.highlights.get('sourcelens-passage');
            return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : [];
          }),
        { timeout: 10_000 },
      )
      .toEqual([expect.stringContaining('Abkommen zwischen Washington und Minsk')]);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  });
});
