import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPurpose } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

/**
 * A run estimated above the limit in Options waits for the user's go-ahead, having sent nothing.
 * The test endpoint is on loopback, which Sourcelens prices as a free local server: the test sets
 * a price in Options, as the user of a paid endpoint at a custom URL would.
 */
const API_KEY = 'sk-test-cost-limit-0123456789';
const MODEL = 'test-model-1';

let world: World;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL] });
  const options = await configureEndpoint(world.extension, {
    baseUrl: world.endpoint.url,
    apiKey: API_KEY,
    model: MODEL,
  });
  await options.getByLabel('Input price ($ per 1M tokens)').fill('100');
  await options.getByLabel('Output price ($ per 1M tokens)').fill('400');
  await options.getByLabel('Ask before runs above ($)').fill('0.5');
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved').waitFor();
});

afterAll(async () => {
  await world?.close();
});

const chatRequests = () =>
  world.endpoint.requests.filter(
    (request) => request.path === '/v1/chat/completions' && requestPurpose(request.body) !== 'other',
  );

describe('the cost limit', () => {
  it('shows the estimate and sends nothing until Run it; Cancel leaves it unsent', async () => {
    const { extension, pages } = world;
    const article = await extension.context.newPage();
    await article.goto(`${pages.urlOf('seed-de')}?visit=cost-limit`);
    const panel = await openPanelFor(extension, article);

    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    const dialog = panel.getByRole('alertdialog', { name: 'Run this analysis?' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toMatch(/This run is estimated at ≈ \$[\d.]+: ≈ [\d,]+ tokens in/);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-cost-limit.png') });
    // Nothing went out while it waits, however long.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(chatRequests()).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByText('Cancelled').first().waitFor({ timeout: 5_000 });
    expect(chatRequests()).toHaveLength(0);

    await panel.getByRole('button', { name: 'Regenerate' }).click();
    await dialog.getByRole('button', { name: 'Run it' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });
    expect(await panel.getByRole('region', { name: 'Translation' }).textContent()).toMatch(/allegedly/i);
    expect(chatRequests().length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
