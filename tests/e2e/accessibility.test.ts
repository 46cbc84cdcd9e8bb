import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinedAnswer, requestPurpose, seedFixtures } from '../support/seed-fixtures';
import { axeViolationsInBothThemes } from './support/axe';
import { analyseAfresh, configureEndpoint, openPanelFor } from './support/configure';
import { startWorld, type World } from './support/world';

/** axe-core finds no WCAG 2.1 AA violation on any surface, in light and dark, in each state it can be in. */
const API_KEY = 'sk-test-sourcelens-axe';
const MODEL = 'test-model-1';

let world: World;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 });
});

afterAll(async () => {
  await world?.close();
});

let visit = 0;
async function openSeedArticle(): Promise<Page> {
  const page = await world.extension.context.newPage();
  visit += 1;
  await page.goto(`${world.pages.urlOf('seed-de')}?visit=${visit}`);
  return page;
}

const NONE = { light: [], dark: [] };

describe('accessibility (axe-core, WCAG 2.1 AA)', { timeout: 240_000 }, () => {
  it('the first-run setup in the side panel, and the welcome on the options page', async () => {
    const panel = await openPanelFor(world.extension, await openSeedArticle());
    await panel.getByRole('heading', { name: 'Set up Sourcelens' }).waitFor();
    expect(await axeViolationsInBothThemes(panel)).toEqual(NONE);
    const welcome = await world.extension.openPage('options.html?welcome=1');
    await welcome.getByLabel('Provider').waitFor();
    expect(await axeViolationsInBothThemes(welcome)).toEqual(NONE);
  });

  it('the options page, the empty side panel and the popup', async () => {
    const options = await configureEndpoint(world.extension, {
      baseUrl: world.endpoint.url,
      apiKey: API_KEY,
      model: MODEL,
    });
    expect(await axeViolationsInBothThemes(options)).toEqual(NONE);
    const article = await openSeedArticle();
    const panel = await openPanelFor(world.extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).waitFor();
    expect(await axeViolationsInBothThemes(panel)).toEqual(NONE);
    const popup = await world.extension.openPage(`popup.html?tabId=${await world.extension.tabIdOf(article)}`);
    await popup.getByRole('button').first().waitFor();
    expect(await axeViolationsInBothThemes(popup)).toEqual(NONE);
  });

  it('the side panel while it streams, once done, and on an error', async () => {
    await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: API_KEY, model: MODEL });
    const fixtures = seedFixtures();
    // Slow streams (about 20 s for the whole answer), so the panel can be checked mid-way.
    const slow = (content: string) => ({ kind: 'stream' as const, content, chunkSize: 24, delayMs: 60 });
    world.endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose === 'combined') return slow(combinedAnswer(fixtures.analysis, fixtures.translation));
      if (purpose === 'translation') return slow(fixtures.translation);
      if (purpose === 'analysis') return slow(fixtures.analysis);
      return undefined;
    });
    const panel = await openPanelFor(world.extension, await openSeedArticle());
    // The popup's test before this one analysed the same article: start afresh, or the stored result shows.
    await analyseAfresh(panel);
    await expect
      .poll(async () => (await panel.getByRole('region', { name: 'Summary' }).textContent())?.length ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThan(40);
    expect(await panel.getByRole('button', { name: 'Cancel' }).count()).toBe(1);
    expect(await axeViolationsInBothThemes(panel)).toEqual(NONE);

    world.endpoint.setResponder(null);
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 60_000 });
    expect(await axeViolationsInBothThemes(panel)).toEqual(NONE);

    await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: 'sk-wrong-key-axe', model: MODEL });
    const failing = await openPanelFor(world.extension, await openSeedArticle());
    await failing.getByRole('button', { name: 'Analyse this page' }).click();
    const fromCache = failing.getByText(/from cache/i);
    await Promise.race([
      failing.getByRole('alert').first().waitFor({ timeout: 20_000 }),
      fromCache.waitFor({ timeout: 20_000 }),
    ]);
    if (await fromCache.count()) await failing.getByRole('button', { name: 'Regenerate' }).click();
    await failing.getByText('API key rejected').first().waitFor({ timeout: 20_000 });
    expect(await axeViolationsInBothThemes(failing)).toEqual(NONE);
  });

  it('from the keyboard alone: Tab reaches a note, Enter shows its quote in the page', async () => {
    await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: API_KEY, model: MODEL });
    const article = await openSeedArticle();
    const panel = await openPanelFor(world.extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).focus();
    await panel.keyboard.press('Enter');
    const firstNote = panel.getByRole('region', { name: 'Sources' }).locator('article.note-card').first();
    const toggle = firstNote.getByRole('button', { name: 'Show in page' });
    await toggle.waitFor({ timeout: 30_000 });

    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let presses = 0;
    while (!(await toggle.evaluate((button) => button === document.activeElement))) {
      presses += 1;
      if (presses > 60) throw new Error('Tab never reached the first note’s Show in page');
      await panel.keyboard.press('Tab');
      // Focus never falls out to the page's body on the way: every stop is a control.
      expect(await panel.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    }
    await panel.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          article.evaluate(() => {
            const highlight = CSS.highlights.get('sourcelens-passage');
            return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : [];
          }),
        { timeout: 10_000 },
      )
      .toEqual([expect.stringContaining('Abkommen zwischen Washington und Minsk')]);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  });
});
