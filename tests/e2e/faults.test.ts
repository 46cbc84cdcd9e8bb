import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAITestServer, startOpenAITestServer } from '../support/openai-test-server';
import { requestPurpose, seedFixtures } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension, loadExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/page-server';

const API_KEY = 'sk-faults-test';
const MODEL = 'test-model-1';

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;

beforeAll(async () => {
  [extension, endpoint, pages] = await Promise.all([
    loadExtension(),
    startOpenAITestServer({ apiKey: API_KEY, models: [MODEL] }),
    startPageServer(),
  ]);
  await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
});

afterAll(async () => {
  await Promise.all([extension?.close(), endpoint?.close(), pages?.close()]);
});

describe('faults', () => {
  it('a service worker stopped mid-job ends the job with Retry, keeping what arrived', async () => {
    const fixtures = seedFixtures();
    // Slow streams, so the browser stops the worker while both requests are running.
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose === 'translation')
        return { kind: 'stream', content: fixtures.translation, chunkSize: 8, delayMs: 150 };
      if (purpose === 'analysis') return { kind: 'stream', content: fixtures.analysis, chunkSize: 8, delayMs: 150 };
      return undefined;
    });
    const article = await extension.context.newPage();
    await article.goto(pages.urlOf('seed-de'));
    const panel = await openPanelFor(extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    const translation = panel.getByRole('region', { name: 'Translation' });
    await expect
      .poll(async () => (await translation.textContent())?.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(80);
    // Let the job's progress reach session storage (written at most every 500 ms), as it would have long before a real stop.
    await panel.waitForTimeout(700);

    const cdp = await extension.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await panel.getByText('Stream interrupted').first().waitFor({ timeout: 15_000 });
    expect(await translation.textContent()).toMatch(/Washington/);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-worker-stopped.png'), fullPage: true });

    endpoint.setResponder(null);
    await panel.getByRole('button', { name: 'Retry' }).first().click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => translation.textContent()).toMatch(/allegedly[\s\S]*according to/i);
  });
});
