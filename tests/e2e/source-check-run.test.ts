import type { Page } from 'playwright-core';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import type { CheckableSource } from '@/lib/sources/checkable-sources';
import { checkableSources } from '@/lib/sources/checkable-sources';
import {
  type SourceCheckRequest,
  type SourceCheckState,
  SourceCheckStateSchema,
} from '@/lib/sources/source-check-state';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { isSourceCheckRequest, sourceCheckResponder } from '@/tests/support/source-check-scenario';

/**
 * The background side of source checks in Chromium: the panel's `checkSources` message runs the
 * checks on the tab's finished job (lib/sources/source-check-runner.ts), and each source's state
 * lands in the job (JobState.sourceChecks), kept in session storage as the job is. The panel's
 * buttons are another branch's: here an extension page sends the message as the panel will. The
 * e2e build has host access to 127.0.0.1 (the page server) and none to `localhost`.
 */
const test = browserTest.override({ endpointOptions: { apiKey: 'sk-source-run-e2e-0123', models: ['test-model-1'] } });

let extensionPage: Page | undefined;

test.beforeAll(async ({ openOptions, testEndpoint, endpoint }) => {
  const options = await openOptions();
  await options.useEndpoint(testEndpoint);
  extensionPage = options.page;
  endpoint.setResponder(sourceCheckResponder());
});

/** The seed's NYT claims, as the panel sends them, for the stand-in NYT page at `url`. */
function nytSource(url: string): CheckableSource {
  const article = { ...seedArticle(), links: [{ text: 'New York Times (NYT)', url, paragraphId: 'p1' }] };
  const [source] = checkableSources(article, AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes);
  if (!source) throw new Error('no checkable source');
  return source;
}

/** Sends checkSources from an extension page, in the messaging library's wire format; its answer. */
async function checkSources(request: SourceCheckRequest): Promise<unknown> {
  if (!extensionPage) throw new Error('not started');
  return extensionPage.evaluate(
    (data) => chrome.runtime.sendMessage({ id: 2, type: 'checkSources', data, timestamp: Date.now() }),
    request,
  );
}

/** The tab's source checks as the background keeps them with its job (session storage). */
async function storedChecks(extension: LoadedExtension, tabId: number): Promise<Record<string, SourceCheckState>> {
  const stored = await extension.serviceWorker.evaluate(
    async (key) => (await chrome.storage.session.get(key))[key],
    `job:${tabId}`,
  );
  const checks =
    typeof stored === 'object' && stored !== null && 'sourceChecks' in stored ? stored.sourceChecks : undefined;
  return Object.fromEntries(
    Object.entries(typeof checks === 'object' && checks !== null ? checks : {}).map(([url, check]) => [
      url,
      SourceCheckStateSchema.parse(check),
    ]),
  );
}

test.describe('source checks run by the background', () => {
  test('checks the seed’s NYT claims by fetch and in a background tab, names a site not allowed, and refuses a tab with no analysis', async ({
    extension,
    openArticle,
    pages,
    endpoint,
  }) => {
    const article = await openArticle('seed-de', '?visit=source-run');
    const tabId = await article.tabId();
    const panel = await article.openSidePanel();
    await panel.analyseAfresh();
    await panel.waitUntilDone();

    const fetched = pages.urlOf('source-nyt-belarus-en');
    const inTab = `${fetched}?read=tab`;
    const notAllowed = pages.urlOf('source-nyt-belarus-en', pages.otherOrigin);
    const request = (url: string, via: SourceCheckRequest['via']): SourceCheckRequest => ({
      tabId,
      sources: [{ ...nytSource(url), url }],
      via,
      confirmed: false,
    });
    for (const answer of [
      await checkSources(request(fetched, 'fetch')),
      await checkSources(request(inTab, 'tab')),
      await checkSources(request(notAllowed, 'fetch')),
    ]) {
      expect(JSON.stringify(answer)).not.toContain('err');
    }

    const statuses = async () => {
      const checks = await storedChecks(extension, tabId);
      return [fetched, inTab, notAllowed].map((url) => checks[url]?.status);
    };
    await expect.poll(statuses, { timeout: 30_000 }).toEqual(['checked', 'checked', 'unreadable']);
    const checks = await storedChecks(extension, tabId);
    for (const [url, via] of [
      [fetched, 'fetch'],
      [inTab, 'tab'],
    ] as const) {
      const check = checks[url];
      expect(check).toMatchObject({ via, parentUrl: null, status: 'checked' });
      expect(check?.status === 'checked' && check.result.claims.map((claim) => claim.verdict)).toEqual([
        'supported',
        'supported',
        'not-found',
        'supported',
        'partly-supported',
      ]);
    }
    expect(checks[notAllowed]).toMatchObject({
      status: 'unreadable',
      problem: { kind: 'permission-needed', origin: new URL(notAllowed).origin },
    });
    expect(endpoint.requests.filter(isSourceCheckRequest)).toHaveLength(2);
    // The background tab was closed after reading.
    expect(extension.context.pages().some((page) => page.url().includes('read=tab'))).toBe(false);

    // A tab with no analysis: the message is refused, saying why.
    const answer = await checkSources({ ...request(fetched, 'fetch'), tabId: tabId + 1000 });
    expect(JSON.stringify(answer)).toMatch(/analyse the page first/);
  });
});
