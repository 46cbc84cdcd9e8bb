import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAITestServer } from '../support/openai-test-server';
import { requestPurpose, seedFixtures } from '../support/seed-fixtures';
import { analyseAfresh, configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import type { PageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-faults-test';
const MODEL = 'test-model-1';

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

  it('runs two jobs in two tabs at once, each shown in its own panel', async () => {
    const fixtures = seedFixtures();
    endpoint.setResponder((request) => {
      const body = JSON.stringify(request.body);
      const purpose = requestPurpose(request.body);
      if (purpose === 'other') return undefined;
      // The English page is already in the target language: only its analysis is requested.
      const english = body.includes('Little Skerry');
      if (purpose === 'analysis' && english) {
        return {
          kind: 'stream',
          content: JSON.stringify({ ...JSON.parse(fixtures.analysis), summary: [ferrySummary] }),
          delayMs: 10,
        };
      }
      return {
        kind: 'stream',
        content: purpose === 'analysis' ? fixtures.analysis : fixtures.translation,
        delayMs: 10,
      };
    });
    const ferrySummary = {
      text: 'The island ferry keeps its winter timetable, the council says.',
      paragraphIds: ['p1'],
    };
    const german = await extension.context.newPage();
    await german.goto(`${pages.urlOf('seed-de')}?tab=two-jobs`);
    const english = await extension.context.newPage();
    await english.goto(pages.urlOf('en-no-lang'));
    const [germanPanel, englishPanel] = [await openPanelFor(extension, german), await openPanelFor(extension, english)];
    await Promise.all([
      analyseAfresh(germanPanel),
      englishPanel.getByRole('button', { name: 'Analyse this page' }).click(),
    ]);
    await expect
      .poll(() => englishPanel.getByRole('region', { name: 'Summary' }).textContent(), { timeout: 20_000 })
      .toMatch(/ferry/);
    await expect
      .poll(() => germanPanel.getByRole('region', { name: 'Summary' }).textContent(), { timeout: 20_000 })
      .toMatch(/Minsk/);
    expect(await englishPanel.getByRole('region', { name: 'Summary' }).textContent()).not.toMatch(/Minsk/);
    expect(await englishPanel.getByRole('region', { name: 'Translation' }).textContent()).toMatch(/already in English/);
    expect(await germanPanel.getByRole('region', { name: 'Summary' }).textContent()).not.toMatch(/ferry/);
    endpoint.setResponder(null);
  });

  it('closing the tab mid-job aborts its requests', async () => {
    const fixtures = seedFixtures();
    endpoint.setResponder((request) =>
      requestPurpose(request.body) === 'other'
        ? undefined
        : { kind: 'stream', content: fixtures.translation, chunkSize: 4, delayMs: 200 },
    );
    const article = await extension.context.newPage();
    await article.goto(`${pages.urlOf('seed-de')}?tab=closed`);
    const panel = await openPanelFor(extension, article);
    const before = endpoint.requests.length;
    await analyseAfresh(panel);
    await expect.poll(() => endpoint.requests.length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await article.close();
    const jobRequests = () =>
      endpoint.requests.slice(before).filter((request) => requestPurpose(request.body) !== 'other');
    await expect
      .poll(() => jobRequests().every((request) => request.clientClosedAt !== undefined), { timeout: 10_000 })
      .toBe(true);
    endpoint.setResponder(null);
  });

  it('a browser page gets a clear message, with nothing requested', async () => {
    const internal = await extension.context.newPage();
    await internal.goto('chrome://version');
    const panel = await openPanelFor(extension, internal);
    const before = endpoint.requests.length;
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByText('Sourcelens cannot read this page').waitFor({ timeout: 10_000 });
    await expect.poll(() => panel.textContent('main')).toMatch(/Browser pages/);
    expect(endpoint.requests.length).toBe(before);
  });

  it('a first token after 35 s still completes: the worker is not stopped while it waits', async () => {
    const fixtures = seedFixtures();
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose === 'other') return undefined;
      const content = purpose === 'analysis' ? fixtures.analysis : fixtures.translation;
      // Response headers only after 35 s: a local model loading, or a long prompt being read.
      return { kind: 'stream', content, headersDelayMs: 35_000 };
    });
    const article = await extension.context.newPage();
    await article.goto(`${pages.urlOf('seed-de')}?tab=slow`);
    const panel = await openPanelFor(extension, article);
    await analyseAfresh(panel);
    await expect
      .poll(() => panel.getByRole('region', { name: 'Translation' }).textContent(), {
        timeout: 60_000,
        interval: 1_000,
      })
      .toMatch(/allegedly[\s\S]*according to/i);
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 10_000 });
    endpoint.setResponder(null);
  }, 90_000);

  it('navigating away keeps the result, says the tab has moved on, and analyses the new page on request', async () => {
    const fixtures = seedFixtures();
    const ferry = { text: 'The island ferry keeps its winter timetable, the council says.', paragraphIds: ['p1'] };
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose !== 'analysis' || !JSON.stringify(request.body).includes('Little Skerry')) return undefined;
      return { kind: 'stream', content: JSON.stringify({ ...JSON.parse(fixtures.analysis), summary: [ferry] }) };
    });
    const tab = await extension.context.newPage();
    await tab.goto(`${pages.urlOf('seed-de')}?tab=navigates`);
    const panel = await openPanelFor(extension, tab);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });

    await tab.goto(pages.urlOf('en-no-lang'));
    await panel.getByText('This tab has moved on').waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('region', { name: 'Summary' }).textContent()).toMatch(/Minsk/);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-page-changed.png'), fullPage: true });

    await panel.getByRole('button', { name: 'Analyse the page shown now' }).click();
    await expect
      .poll(() => panel.getByRole('region', { name: 'Summary' }).textContent(), { timeout: 20_000 })
      .toMatch(/ferry/);
    expect(await panel.textContent('main')).not.toContain('This tab has moved on');
    endpoint.setResponder(null);
  });
});
