import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAITestServer } from '../support/openai-test-server';
import { requestPurpose, seedFixtures } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import type { PageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-spa-test';
const MODEL = 'test-model-1';
/** The first note's quote: the seed article's first sentence, which the next story's teaser repeats. */
const LEAD_SENTENCE = 'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.';

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;
let world: World | undefined;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL] });
  ({ extension, endpoint, pages } = world);
  await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
});

afterAll(async () => {
  await world?.close();
});

function noteCards(panel: Page): Locator {
  return panel.getByRole('region', { name: 'Sources' }).locator('article.note-card');
}

/** The texts of the extension's highlight in the page; null when there is none. */
function highlightedTexts(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('sourcelens-passage');
    return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : null;
  });
}

describe('a single-page app that changes its URL while a job runs', () => {
  it('shows “This tab has moved on”, keeps the result, and will not highlight in the new story', async () => {
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

    const tab = await extension.context.newPage();
    await tab.goto(pages.urlOf('spa-de'));
    const panel = await openPanelFor(extension, tab);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    const translation = panel.getByRole('region', { name: 'Translation' });
    await expect
      .poll(async () => (await translation.textContent())?.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(80);
    expect(await panel.getByRole('button', { name: 'Cancel' }).count()).toBe(1);

    // The reader follows the teaser: the app pushes a new URL and swaps the story in place.
    await tab.getByRole('link', { name: /Putin gratulierte/ }).click();
    await expect.poll(() => tab.url()).toMatch(/\/spa-de\/putin-gratuliert-lukaschenko$/);
    await expect.poll(() => tab.locator('h1').textContent()).toMatch(/Putin gratuliert/);

    await panel.bringToFront();
    await panel.getByText('This tab has moved on').waitFor({ timeout: 10_000 });
    // The job goes on to the end, and its result stays, for the article it read.
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 30_000 });
    expect(await panel.textContent('main')).toContain('This tab has moved on');
    expect(await panel.getByRole('region', { name: 'Summary' }).textContent()).toMatch(/Minsk/);
    await expect.poll(() => translation.textContent()).toMatch(/allegedly[\s\S]*according to/i);
    expect(await panel.textContent('main')).toContain('Abkommen zwischen Washington und Minsk');
    await panel.screenshot({
      path: path.join(ARTIFACTS_DIR, 'sidepanel-spa-moved-on.png'),
      clip: { x: 0, y: 0, width: 420, height: 720 },
    });

    // The new story's teaser repeats the first note's quote: highlighting it there would point
    // at another article. The panel says the page changed instead.
    const note = noteCards(panel).first();
    expect(await note.textContent()).toContain(LEAD_SENTENCE);
    await note.getByRole('button', { name: 'Show in page' }).click();
    await expect
      .poll(async () => ((await note.textContent()) ?? '').replace(/\s+/g, ' '), { timeout: 10_000 })
      .toContain('The page has changed since it was read; this passage is no longer on it.');
    expect(await highlightedTexts(tab)).toBeNull();

    // Chromium told the background, through tabs.onUpdated: with host access (the e2e build has it
    // for 127.0.0.1, the toolbar click's activeTab gives it for the page's origin) the change
    // carries the new URL; without access it is a bare `status: loading`, which is enough too.
    const heard = await extension.serviceWorker.evaluate(() => Reflect.get(globalThis, '__spaTestUpdates') as string[]);
    expect(heard.map((change) => JSON.parse(change))).toContainEqual(
      expect.objectContaining({ status: 'loading', url: expect.stringMatching(/putin-gratuliert-lukaschenko$/) }),
    );

    // Analysing the page shown now reads the new story.
    endpoint.setResponder(null);
    await panel.getByRole('button', { name: 'Analyse the page shown now' }).click();
    await expect.poll(() => panel.textContent('main'), { timeout: 20_000 }).toMatch(/Putin gratuliert/);
    expect(await panel.textContent('main')).not.toContain('This tab has moved on');
  });
});
