import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';

const test = browserTest.override({ endpointOptions: { apiKey: 'sk-faults-test', models: ['test-model-1'] } });

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
});

test.describe('faults', () => {
  test('a service worker stopped mid-job ends the job with Retry, keeping what arrived', async ({
    extension,
    endpoint,
    openArticle,
  }) => {
    const fixtures = seedFixtures();
    // Slow streams, so the browser stops the worker while both requests are running.
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose === 'translation')
        return { kind: 'stream', content: fixtures.translation, chunkSize: 8, delayMs: 150 };
      if (purpose === 'analysis') return { kind: 'stream', content: fixtures.analysis, chunkSize: 8, delayMs: 150 };
      return undefined;
    });
    const article = await openArticle('seed-de');
    const panel = await article.openSidePanel();
    await panel.analyse();
    const translation = panel.region('Translation');
    await expect
      .poll(async () => (await translation.textContent())?.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(80);
    // Let the job's progress reach session storage (written at most every 500 ms), as it would have long before a real stop.
    await panel.page.waitForTimeout(700);

    const cdp = await extension.context.newCDPSession(panel.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await panel.page.getByText('Stream interrupted').first().waitFor({ timeout: 15_000 });
    expect(await translation.textContent()).toMatch(/Washington/);
    await panel.screenshot('sidepanel-worker-stopped');

    endpoint.setResponder(null);
    await panel.button('Retry').first().click();
    await panel.waitUntilDone(20_000);
    await expect.poll(() => translation.textContent()).toMatch(/allegedly[\s\S]*according to/i);
  });

  test('runs two jobs in two tabs at once, each shown in its own panel', async ({ endpoint, openArticle }) => {
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
    const german = await openArticle('seed-de', '?tab=two-jobs');
    const english = await openArticle('en-no-lang');
    const [germanPanel, englishPanel] = [await german.openSidePanel(), await english.openSidePanel()];
    await Promise.all([germanPanel.analyseAfresh(), englishPanel.analyse()]);
    await expect.poll(() => englishPanel.textOf('Summary'), { timeout: 20_000 }).toMatch(/ferry/);
    await expect.poll(() => germanPanel.textOf('Summary'), { timeout: 20_000 }).toMatch(/Minsk/);
    expect(await englishPanel.textOf('Summary')).not.toMatch(/Minsk/);
    expect(await englishPanel.textOf('Translation')).toMatch(/already in English/);
    expect(await germanPanel.textOf('Summary')).not.toMatch(/ferry/);
    endpoint.setResponder(null);
  });

  test('closing the tab mid-job aborts its requests', async ({ endpoint, openArticle }) => {
    const fixtures = seedFixtures();
    endpoint.setResponder((request) =>
      requestPurpose(request.body) === 'other'
        ? undefined
        : { kind: 'stream', content: fixtures.translation, chunkSize: 4, delayMs: 200 },
    );
    const article = await openArticle('seed-de', '?tab=closed');
    const panel = await article.openSidePanel();
    const before = endpoint.requests.length;
    await panel.analyseAfresh();
    await expect.poll(() => endpoint.requests.length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await article.page.close();
    const jobRequests = () =>
      endpoint.requests.slice(before).filter((request) => requestPurpose(request.body) !== 'other');
    await expect
      .poll(() => jobRequests().every((request) => request.clientClosedAt !== undefined), { timeout: 10_000 })
      .toBe(true);
    endpoint.setResponder(null);
  });

  test('a browser page gets a clear message, with nothing requested', async ({ endpoint, openArticle }) => {
    const internal = await openArticle('chrome://version');
    const panel = await internal.openSidePanel();
    const before = endpoint.requests.length;
    await panel.analyse();
    await panel.page.getByText('Sourcelens cannot read this page').waitFor({ timeout: 10_000 });
    await expect.poll(() => panel.page.textContent('main')).toMatch(/Browser pages/);
    expect(endpoint.requests.length).toBe(before);
  });

  test('a first token after 35 s still completes: the worker is not stopped while it waits', async ({
    endpoint,
    openArticle,
  }) => {
    const fixtures = seedFixtures();
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose === 'other') return undefined;
      const content = purpose === 'analysis' ? fixtures.analysis : fixtures.translation;
      // Response headers only after 35 s: a local model loading, or a long prompt being read.
      return { kind: 'stream', content, headersDelayMs: 35_000 };
    });
    const article = await openArticle('seed-de', '?tab=slow');
    const panel = await article.openSidePanel();
    await panel.analyseAfresh();
    await expect
      .poll(() => panel.textOf('Translation'), {
        timeout: 60_000,
        interval: 1_000,
      })
      .toMatch(/allegedly[\s\S]*according to/i);
    await panel.waitUntilDone(10_000);
    endpoint.setResponder(null);
  }, 90_000);

  test('navigating away keeps the result, says the tab has moved on, and analyses the new page on request', async ({
    endpoint,
    pages,
    openArticle,
  }) => {
    const fixtures = seedFixtures();
    const ferry = { text: 'The island ferry keeps its winter timetable, the council says.', paragraphIds: ['p1'] };
    endpoint.setResponder((request) => {
      const purpose = requestPurpose(request.body);
      if (purpose !== 'analysis' || !JSON.stringify(request.body).includes('Little Skerry')) return undefined;
      return { kind: 'stream', content: JSON.stringify({ ...JSON.parse(fixtures.analysis), summary: [ferry] }) };
    });
    const tab = await openArticle('seed-de', '?tab=navigates');
    const panel = await tab.openSidePanel();
    await panel.analyse();
    await panel.waitUntilDone(20_000);

    await tab.page.goto(pages.urlOf('en-no-lang'));
    await panel.page.getByText('This tab has moved on').waitFor({ timeout: 10_000 });
    expect(await panel.textOf('Summary')).toMatch(/Minsk/);
    await panel.screenshot('sidepanel-page-changed');

    await panel.button('Analyse the page shown now').click();
    await expect.poll(() => panel.textOf('Summary'), { timeout: 20_000 }).toMatch(/ferry/);
    expect(await panel.page.textContent('main')).not.toContain('This tab has moved on');
    endpoint.setResponder(null);
  });
});
