import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { requestPurpose } from '@/tests/support/seed-fixtures';
import { isSourceCheckRequest, sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { SEED_READOUT_SLUG, seedHtmlLinkingNyt, seedSourceHtmlLinkingReadout } from '@/tests/support/source-page';

/**
 * Source checks from the side panel, past the first step: the seed article links the stand-in NYT
 * page, which attributes Smith's words at the embassy to a State Department readout it links
 * (tests/fixtures/pages/source-state-belarus-readout-en). After Check against The New York Times,
 * the panel offers that readout one step further along the relay chain, and checks the NYT's
 * passage against it. Then the cost limit: a check above it waits for Check or Not now, and Not
 * now sets the batch aside in the background, so the panel opened again does not ask again.
 */
const KEY = 'sk-source-further-e2e-0123';
const test = browserTest.override({
  endpointOptions: { apiKey: KEY, models: ['test-model-1'], respond: sourceCheckResponder() },
});

test.beforeAll(async ({ openOptions, testEndpoint, pages }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
  // The stand-in NYT page linking the readout's stand-in, and the seed linking that NYT page: all on the page server.
  pages.addPage('source-nyt-linking-readout-panel', seedSourceHtmlLinkingReadout(pages.urlOf(SEED_READOUT_SLUG)));
  pages.addPage('seed-de-linking-nyt-readout', seedHtmlLinkingNyt(pages.urlOf('source-nyt-linking-readout-panel')));
});

test.describe('following the sources one step further, in the side panel', { timeout: 120_000 }, () => {
  test('a check above the cost limit waits; Not now sets it aside, and the panel opened again does not ask', async ({
    openArticle,
    openOptions,
    endpoint,
  }) => {
    const options = await openOptions();
    await options.set({
      'Input price ($ per 1M tokens)': '100',
      'Output price ($ per 1M tokens)': '400',
      'Ask before runs above ($)': '0.5',
    });
    const checkRequests = () =>
      endpoint.requests.filter((request) => request.path === '/v1/chat/completions' && isSourceCheckRequest(request));
    const article = await openArticle('seed-de-linking-nyt-readout', '?visit=not-now');
    const panel = await article.openSidePanel();
    await panel.analyse();
    // The analysis itself is above the limit too: Run it.
    await panel.page
      .getByRole('alertdialog', { name: 'Run this analysis?' })
      .getByRole('button', { name: 'Run it' })
      .click();
    await panel.waitUntilDone(60_000);
    const analysisRequests = endpoint.requests.filter((request) => requestPurpose(request.body) !== 'other').length;
    expect(analysisRequests).toBeGreaterThan(0);

    await panel.button('Check against The New York Times').click();
    const dialog = panel.page.getByRole('alertdialog', { name: 'Check these sources?' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.textContent()).toMatch(/estimated at ≈ \$[\d.]+/);
    expect(await dialog.textContent()).toContain('Sources waiting: The New York Times.');
    await panel.screenshot('source-checks-confirm', { fullPage: false });
    expect(checkRequests()).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    // Opened again, the panel shows the job as the background holds it: nothing waiting, the source offered afresh.
    await panel.page.reload();
    await panel.button('Check against The New York Times').waitFor({ timeout: 10_000 });
    expect(await panel.page.getByRole('alertdialog', { name: 'Check these sources?' }).count()).toBe(0);
    expect(checkRequests()).toHaveLength(0);

    // Asked again, it waits again; Check sends it.
    await panel.button('Check against The New York Times').click();
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Check' }).click();
    await panel.region('Sources').getByTestId('source-check-tally').first().waitFor({ timeout: 60_000 });
    expect(checkRequests()).toHaveLength(1);

    // Back to no price (the test model has none): the next test is not held by the limit.
    await options.page.reload();
    await options.set({ 'Input price ($ per 1M tokens)': '', 'Output price ($ per 1M tokens)': '' });
  });

  test('Check against the NYT, then against the readout it attributes Smith’s words to', async ({
    openArticle,
    pages,
  }) => {
    const article = await openArticle('seed-de-linking-nyt-readout', '?visit=further');
    const panel = await article.openSidePanel();
    await panel.analyseAfresh();
    await panel.waitUntilDone(60_000);
    const sources = panel.region('Sources');

    await panel.button('Check against The New York Times').click();
    await sources.getByTestId('source-check-tally').first().waitFor({ timeout: 60_000 });
    expect(await sources.getByTestId('source-check-tally').first().textContent()).toMatch(
      /^4 of 5 claims attributed to The New York Times found in its article/,
    );
    // The NYT's passages say whom they rest on: its unnamed participants, and the readout it links.
    const attributions = await sources.locator('.source-verdict__attributed').allTextContents();
    expect(attributions).toContain('The New York Times attributes this to several participants in the meeting.');
    expect(attributions).toContain('The New York Times attributes this to a State Department readout.');

    const further = sources.locator('.linked-sources__further');
    expect(await further.locator('.linked-sources__further-title').textContent()).toBe(
      'One step further: pages The New York Times links and attributes these claims to',
    );
    await further.getByRole('button', { name: 'Check against a State Department readout' }).click();
    const readoutItem = further.locator(`[data-source-url="${pages.urlOf(SEED_READOUT_SLUG)}"]`);
    await readoutItem.getByTestId('source-check-tally').waitFor({ timeout: 60_000 });
    expect(await readoutItem.getByTestId('source-check-tally').textContent()).toMatch(
      /^1 of 1 claim attributed to a State Department readout found in its article/,
    );

    // The note the chain started from carries both verdicts, the second saying where it came from.
    const followed = sources.locator('.source-verdict', { hasText: 'one step further' });
    await followed.waitFor({ timeout: 5_000 });
    expect(await followed.locator('.source-verdict__label').textContent()).toBe(
      'Supported by a State Department readout (one step further, from The New York Times)',
    );
    const link = followed.getByRole('link', { name: 'Open a State Department readout at this passage' });
    expect((await link.getAttribute('href'))?.startsWith(`${pages.urlOf(SEED_READOUT_SLUG)}#:~:text=`)).toBe(true);
    await panel.screenshot('source-checks-further');
    await followed.scrollIntoViewIfNeeded();
    await panel.screenshot('source-checks-further-verdict', { fullPage: false });
  });
});
