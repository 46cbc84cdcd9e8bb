import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { startPageServer } from '@/tests/support/browser/page-server';
import { requestPurpose } from '@/tests/support/seed-fixtures';

/** The copy's marks: a site name one letter off and the New York Times link swapped for a look-alike domain. */
const API_KEY = 'sk-copycat-test-0123456789';

const FAKE_SITE = 'Weltb1ick Nachrichten';
const FAKE_LINK = 'https://www.nytirnes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';

const test = browserTest
  .override({ endpointOptions: { apiKey: API_KEY, models: ['test-model-1'] } })
  // A second page server is another origin (another port) on 127.0.0.1, where the e2e build has host access.
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; this one has none.
  .extend('copySite', { scope: 'file' }, async ({}, { onCleanup }) => {
    const copySite = await startPageServer();
    onCleanup(() => copySite.close());
    const seed = await readFile(path.resolve('tests/fixtures/pages/seed-de/source.html'), 'utf8');
    const copy = seed
      .replace('content="Weltblick Nachrichten"', `content="${FAKE_SITE}"`)
      .replace('https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html', FAKE_LINK);
    expect(copy).toContain(FAKE_LINK);
    copySite.addPage('seed-copy', copy);
    return copySite;
  });

test.describe('a copy of the article on another site, analysed first', () => {
  test('never lends its result to the real article, which is analysed afresh and shows its own data', async ({
    copySite,
    endpoint,
    pages,
    openArticle,
    openOptions,
    testEndpoint,
  }) => {
    await (await openOptions()).useEndpoint(testEndpoint);

    const copyTab = await openArticle(copySite.urlOf('seed-copy'));
    const copyPanel = await copyTab.openSidePanel();
    await copyPanel.analyse();
    await copyPanel.waitUntilDone(20_000);
    await expect.poll(() => copyPanel.page.getByText(FAKE_SITE).count()).toBeGreaterThan(0);
    const analysisRequests = () =>
      endpoint.requests.filter((request) => requestPurpose(request.body) !== 'other').length;
    const afterCopy = analysisRequests();
    expect(afterCopy).toBeGreaterThan(0);

    const realTab = await openArticle('seed-de');
    const panel = await realTab.openSidePanel();
    await panel.analyse();
    await panel.waitUntilDone(20_000);
    await panel.screenshot('copycat-real-article');

    expect(analysisRequests()).toBeGreaterThan(afterCopy);
    expect(await panel.page.getByText(/from cache/i).count()).toBe(0);
    const text = (await panel.page.locator('body').textContent()) ?? '';
    expect(text).toContain('Weltblick Nachrichten');
    expect(text).not.toContain(FAKE_SITE);
    const hrefs = await panel.page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.join(' ')).not.toContain('nytirnes');
    expect(pages.origin).not.toBe(copySite.origin);
  });

  test('serves the real article from the cache on a revisit of its own site, with the article as read now', async ({
    endpoint,
    openArticle,
  }) => {
    const before = endpoint.requests.length;
    const tab = await openArticle('seed-de', '?revisit=1');
    const panel = await tab.openSidePanel();
    await panel.analyse();
    await panel.waitForText(/from cache/i, 20_000);
    expect(endpoint.requests.length).toBe(before);
    expect(await panel.page.locator('body').textContent()).toContain('Weltblick Nachrichten');
  });

  test('analyses again once the stored results are cleared in Options', async ({
    endpoint,
    openArticle,
    openOptions,
  }) => {
    const options = await openOptions();
    await options.page.getByText(/results? (is|are) stored now/).waitFor();
    await options.button('Clear stored results').click();
    await options.page.getByText('Stored results cleared').waitFor();
    await options.page.getByText('0 results are stored now.').waitFor();
    await options.screenshot('options-results-cleared');
    expect(await options.field('API key').inputValue()).toBe(API_KEY);

    const before = endpoint.requests.length;
    const tab = await openArticle('seed-de', '?after-clear=1');
    const panel = await tab.openSidePanel();
    await panel.analyse();
    await panel.waitUntilDone(20_000);
    expect(endpoint.requests.length).toBeGreaterThan(before);
    expect(await panel.page.getByText(/from cache/i).count()).toBe(0);
  });
});
