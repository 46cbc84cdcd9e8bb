import { requestPurpose } from '@/tests/support/seed-fixtures';
import { browserTest, expect } from '@/tests/support/browser/browser-test';

/**
 * A run estimated above the limit in Options waits for the user's go-ahead, having sent nothing.
 * The test endpoint is on loopback, which Sourcelens prices as a free local server: the test sets
 * a price in Options, as the user of a paid endpoint at a custom URL would.
 */
const test = browserTest.override({
  endpointOptions: { apiKey: 'sk-test-cost-limit-0123456789', models: ['test-model-1'] },
});

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  const options = await openOptions();
  await options.useEndpoint(testEndpoint);
  await options.set({
    'Input price ($ per 1M tokens)': '100',
    'Output price ($ per 1M tokens)': '400',
    'Ask before runs above ($)': '0.5',
  });
});

test.describe('the cost limit', () => {
  test('shows the estimate and sends nothing until Run it; Cancel leaves it unsent', async ({
    openArticle,
    endpoint,
  }) => {
    const chatRequests = () =>
      endpoint.requests.filter(
        (request) => request.path === '/v1/chat/completions' && requestPurpose(request.body) !== 'other',
      );
    const article = await openArticle('seed-de', '?visit=cost-limit');
    const panel = await article.openSidePanel();

    await panel.analyse();
    const dialog = panel.page.getByRole('alertdialog', { name: 'Run this analysis?' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toMatch(/This run is estimated at ≈ \$[\d.]+: ≈ [\d,]+ tokens in/);
    await panel.screenshot('sidepanel-cost-limit', { fullPage: false });
    // Nothing went out while it waits, however long.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(chatRequests()).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await panel.waitForText('Cancelled', 5_000);
    expect(chatRequests()).toHaveLength(0);

    await panel.button('Regenerate').click();
    await dialog.getByRole('button', { name: 'Run it' }).click();
    await panel.waitUntilDone();
    expect(await panel.textOf('Translation')).toMatch(/allegedly/i);
    expect(chatRequests().length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
