import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { type ConsoleCollector, collectConsole } from '@/tests/support/browser/console-collector';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import type { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { openAIErrorBody, type OpenAITestServer, type Scenario } from '@/tests/support/openai-test-server';
import { requestPurpose } from '@/tests/support/seed-fixtures';

/** Shaped like no provider's key, so only an exact search finds it: no pattern could redact it by luck. */
const API_KEY = 'canary-Key-6Hq2-wX9v-Lp31-tR7e';
const KEY_ENDING = `…${API_KEY.slice(-4)}`;
const MODEL = 'test-model-1';

/** Chromium's log, where every context's console messages and uncaught errors land. */
const logDir = mkdtempSync(path.join(tmpdir(), 'sourcelens-log-'));
const logFile = path.join(logDir, 'chromium.log');

const test = browserTest.override({
  endpointOptions: { apiKey: API_KEY, models: [MODEL] },
  launchOptions: { logFile },
});

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let collector: ConsoleCollector;
let options: Page;
let article: Page;
let panel: SidePanel;

/** A provider that repeats the credential it rejected, in full. */
const echoingRejection: Scenario = {
  kind: 'error',
  status: 401,
  body: openAIErrorBody(`Incorrect API key provided: ${API_KEY}.`, 'invalid_request_error', 'invalid_api_key'),
};

test.beforeAll(async ({ extension: started, endpoint: startedEndpoint, openOptions, openArticle, testEndpoint }) => {
  extension = started;
  endpoint = startedEndpoint;
  collector = collectConsole(extension.context, logFile);
  const optionsPage = await openOptions();
  await optionsPage.useEndpoint(testEndpoint);
  options = optionsPage.page;
  const seed = await openArticle('seed-de');
  article = seed.page;
  panel = await seed.openSidePanel();
});

test.afterAll(async () => {
  await rm(logDir, { recursive: true, force: true });
});

/** Answers every chat request of a job with `scenario`; the rest (models, preflights) as usual. */
function answerJobsWith(scenario: Scenario | null): void {
  endpoint.setResponder(scenario && ((request) => (requestPurpose(request.body) === 'other' ? undefined : scenario)));
}

/** Opens the real popup on the article's tab and returns what it shows, read through an extension page. */
async function popupText(): Promise<string> {
  await article.bringToFront();
  await extension.serviceWorker.evaluate(async () => {
    await chrome.action.setPopup({ popup: 'popup.html' });
    await chrome.action.openPopup();
  });
  const readPopup = () =>
    options.evaluate(() => {
      const popup = chrome.extension.getViews().find((view) => view.location.pathname.endsWith('/popup.html'));
      return popup?.document.querySelector('main')?.textContent ?? '';
    });
  await expect.poll(readPopup, { timeout: 10_000 }).toMatch(/API key rejected/);
  const text = await readPopup();
  await extension.serviceWorker.evaluate(async () => {
    await chrome.action.setPopup({ popup: '' });
  });
  return text;
}

async function exportFile(name: 'Export JSON' | 'Export Markdown'): Promise<string> {
  const [download] = await Promise.all([
    panel.page.waitForEvent('download', { timeout: 10_000 }),
    panel.page.getByRole('button', { name }).click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

test.describe('the API key in console output, errors, reports and storage', () => {
  test('the collector hears every context: service worker, extension pages, the popup and the article page', async () => {
    const marks = {
      worker: 'collector-check-worker-log',
      workerError: 'collector-check-worker-uncaught',
      options: 'collector-check-options-warn',
      panel: 'collector-check-panel-error',
      panelError: 'collector-check-panel-uncaught',
      popup: 'collector-check-popup-log',
      article: 'collector-check-article-log',
    };
    await extension.serviceWorker.evaluate((mark) => {
      console.log(mark.worker);
      setTimeout(() => Promise.reject(new Error(mark.workerError)));
    }, marks);
    await options.evaluate((mark) => console.warn(mark), marks.options);
    await panel.page.evaluate((mark) => {
      console.error(mark.panel);
      setTimeout(() => {
        throw new Error(mark.panelError);
      });
    }, marks);
    await article.evaluate((mark) => console.log(mark), marks.article);
    // Opened on the article's tab, the popup would start a job there: open it on the options page's.
    await options.bringToFront();
    await extension.serviceWorker.evaluate(async () => {
      await chrome.action.setPopup({ popup: 'popup.html' });
      await chrome.action.openPopup();
    });
    await expect
      .poll(
        () =>
          options.evaluate((mark) => {
            const popup = chrome.extension.getViews().find((view) => view.location.pathname.endsWith('/popup.html'));
            (popup as (Window & { console: Console }) | undefined)?.console.log(mark);
            return popup !== undefined;
          }, marks.popup),
        { timeout: 10_000 },
      )
      .toBe(true);
    await extension.serviceWorker.evaluate(async () => {
      await chrome.action.setPopup({ popup: '' });
    });
    for (const mark of Object.values(marks)) {
      await expect.poll(() => collector.everything(), { timeout: 10_000 }).toContain(mark);
    }
    // Playwright itself hears the worker's console and the pages' uncaught errors.
    expect(collector.events.join('\n')).toContain(marks.worker);
    expect(collector.events.join('\n')).toContain(marks.panelError);
  });

  test('appears nowhere through a job, a rejected key, a failed connection test, a rate limit and a cut stream', async () => {
    // A full job, and both reports of it.
    answerJobsWith(null);
    await panel.analyseAfresh();
    await panel.waitUntilDone(20_000);
    await expect.poll(() => panel.textOf('Summary')).toMatch(/Minsk/);
    const reports = [await exportFile('Export JSON'), await exportFile('Export Markdown')];

    // The key rejected by an endpoint that repeats it: the user sees which key, by its end only.
    answerJobsWith(echoingRejection);
    await panel.button('Regenerate').click();
    await panel.page.getByText('API key rejected').first().waitFor({ timeout: 15_000 });
    const rejectedText = (await panel.page.textContent('main')) ?? '';
    expect(rejectedText).toContain(`Incorrect API key provided: ${KEY_ENDING}`);
    const popup = await popupText();
    // The job state the worker keeps for a restart (written at most every 500 ms) holds the error too.
    const sessionState = () => extension.serviceWorker.evaluate(() => chrome.storage.session.get(null));
    await expect.poll(async () => JSON.stringify(await sessionState()), { timeout: 5_000 }).toContain(KEY_ENDING);
    const sessionAfterRejection = JSON.stringify(await sessionState());

    // Test connection: rejected the same way, then no server at all.
    await options.bringToFront();
    endpoint.setResponder((request) => (request.method === 'POST' ? echoingRejection : undefined));
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText('API key rejected').waitFor({ timeout: 10_000 });
    const optionsRejected = (await options.textContent('body')) ?? '';
    await options.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options
      .getByText(/unreachable/i)
      .first()
      .waitFor({ timeout: 40_000 });
    const optionsUnreachable = (await options.textContent('body')) ?? '';
    // Test connection saves what it tests: save the working endpoint again.
    await options.getByLabel('Base URL').fill(endpoint.url);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved').waitFor();

    // A rate limit that does not lift, its message naming the key.
    answerJobsWith({
      kind: 'error',
      status: 429,
      headers: { 'retry-after': '0.2' },
      body: openAIErrorBody(`Rate limit reached for key ${API_KEY}`, 'requests', 'rate_limit_exceeded'),
    });
    await panel.page.bringToFront();
    await panel.button('Regenerate').click();
    await panel.page.getByText('Rate limited').first().waitFor({ timeout: 30_000 });
    const rateLimitedText = (await panel.page.textContent('main')) ?? '';

    // A stream cut mid-way.
    answerJobsWith({ kind: 'stream', content: 'x'.repeat(400), chunkSize: 10, cutAfterChunks: 3 });
    await panel.button('Regenerate').click();
    await panel.page.getByText('Stream interrupted').first().waitFor({ timeout: 15_000 });
    answerJobsWith(null);

    const stored = await extension.serviceWorker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    }));
    const { endpointCredential, ...restOfLocal } = stored.local;
    expect(endpointCredential).toMatchObject({ apiKey: API_KEY });

    // Everything printed so far has reached the log once a mark printed after it has.
    const endMark = 'key-secrecy-end-of-run';
    await extension.serviceWorker.evaluate((mark) => console.log(mark), endMark);
    await expect.poll(() => collector.everything(), { timeout: 10_000 }).toContain(endMark);
    const printed = await collector.everything();

    const places: Record<string, string> = {
      'console and uncaught errors': printed,
      'JSON report': reports[0] ?? '',
      'Markdown report': reports[1] ?? '',
      'panel after 401': rejectedText,
      'popup after 401': popup,
      'options after 401': optionsRejected,
      'options after a refused connection': optionsUnreachable,
      'panel after 429': rateLimitedText,
      'storage.session after 401': sessionAfterRejection,
      'storage.session at the end (job state)': JSON.stringify(stored.session),
      'storage.sync': JSON.stringify(stored.sync),
      'storage.local without the key item (the result cache)': JSON.stringify(restOfLocal),
    };
    for (const [place, text] of Object.entries(places)) {
      expect(text.length, `${place} is not empty`).toBeGreaterThan(0);
      expect(text.includes(API_KEY), `the key in ${place}`).toBe(false);
    }
    // The endpoint's words still reach the user, with the key cut to its end.
    expect(rateLimitedText).toContain(`Rate limit reached for key ${KEY_ENDING}`);
    expect(optionsRejected).toContain(`Incorrect API key provided: ${KEY_ENDING}`);
  });
});
