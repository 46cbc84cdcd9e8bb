import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPurpose } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { type PageServer, startPageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-copycat-test-0123456789';
const MODEL = 'test-model-1';

/** The copy's marks: a site name one letter off and the New York Times link swapped for a look-alike domain. */
const FAKE_SITE = 'Weltb1ick Nachrichten';
const FAKE_LINK = 'https://www.nytirnes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';

let world: World | undefined;
let copySite: PageServer | undefined;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL] });
  // A second page server is another origin (another port) on 127.0.0.1, where the e2e build has host access.
  copySite = await startPageServer();
  const seed = await readFile(path.resolve('tests/fixtures/pages/seed-de/source.html'), 'utf8');
  const copy = seed
    .replace('content="Weltblick Nachrichten"', `content="${FAKE_SITE}"`)
    .replace('https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html', FAKE_LINK);
  expect(copy).toContain(FAKE_LINK);
  copySite.addPage('seed-copy', copy);
});

afterAll(async () => {
  await Promise.all([world?.close(), copySite?.close()]);
});

describe('a copy of the article on another site, analysed first', () => {
  it('never lends its result to the real article, which is analysed afresh and shows its own data', async () => {
    if (!world || !copySite) throw new Error('not started');
    const { extension, endpoint, pages } = world;
    await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });

    const copyTab = await extension.context.newPage();
    await copyTab.goto(copySite.urlOf('seed-copy'));
    const copyPanel = await openPanelFor(extension, copyTab);
    await copyPanel.getByRole('button', { name: 'Analyse this page' }).click();
    await copyPanel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => copyPanel.getByText(FAKE_SITE).count()).toBeGreaterThan(0);
    const analysisRequests = () =>
      endpoint.requests.filter((request) => requestPurpose(request.body) !== 'other').length;
    const afterCopy = analysisRequests();
    expect(afterCopy).toBeGreaterThan(0);

    const realTab = await extension.context.newPage();
    await realTab.goto(world.pages.urlOf('seed-de'));
    const panel = await openPanelFor(extension, realTab);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'copycat-real-article.png'), fullPage: true });

    expect(analysisRequests()).toBeGreaterThan(afterCopy);
    expect(await panel.getByText(/from cache/i).count()).toBe(0);
    const text = (await panel.locator('body').textContent()) ?? '';
    expect(text).toContain('Weltblick Nachrichten');
    expect(text).not.toContain(FAKE_SITE);
    const hrefs = await panel.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.join(' ')).not.toContain('nytirnes');
    expect(pages.origin).not.toBe(copySite.origin);
  });

  it('serves the real article from the cache on a revisit of its own site, with the article as read now', async () => {
    if (!world) throw new Error('not started');
    const { extension, endpoint } = world;
    const before = endpoint.requests.length;
    const tab = await extension.context.newPage();
    await tab.goto(`${world.pages.urlOf('seed-de')}?revisit=1`);
    const panel = await openPanelFor(extension, tab);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel
      .getByText(/from cache/i)
      .first()
      .waitFor({ timeout: 20_000 });
    expect(endpoint.requests.length).toBe(before);
    expect(await panel.locator('body').textContent()).toContain('Weltblick Nachrichten');
  });

  it('analyses again once the stored results are cleared in Options', async () => {
    if (!world) throw new Error('not started');
    const { extension, endpoint } = world;
    const options = await extension.openPage('options.html');
    await options.getByText(/results? (is|are) stored now/).waitFor();
    await options.getByRole('button', { name: 'Clear stored results' }).click();
    await options.getByText('Stored results cleared').waitFor();
    await options.getByText('0 results are stored now.').waitFor();
    await options.screenshot({ path: path.join(ARTIFACTS_DIR, 'options-results-cleared.png'), fullPage: true });
    expect(await options.getByLabel('API key', { exact: true }).inputValue()).toBe(API_KEY);

    const before = endpoint.requests.length;
    const tab = await extension.context.newPage();
    await tab.goto(`${world.pages.urlOf('seed-de')}?after-clear=1`);
    const panel = await openPanelFor(extension, tab);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });
    expect(endpoint.requests.length).toBeGreaterThan(before);
    expect(await panel.getByText(/from cache/i).count()).toBe(0);
  });
});
