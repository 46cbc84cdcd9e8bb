import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Locator } from 'playwright-core';
import { contentHash } from '@/lib/job/content-hash';
import { EvidenceReportSchema } from '@/lib/report/evidence-report-schema';
import { browserTest, expect, type OpenArticle } from '@/tests/support/browser/browser-test';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import type { PageServer } from '@/tests/support/browser/page-server';
import type { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { artifactPath } from '@/tests/support/browser/screenshot';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { SEED_SOURCE_SLUG, seedHtmlLinkingNyt, sourcePageArticle } from '@/tests/support/source-page';
import { paywalledSeedSourceHtml, scriptBuiltSeedSourceHtml } from '@/tests/support/source-page-variants';

/**
 * The side panel's source checks in every state a reader meets, each as the reader gets there: the
 * seed article, its NYT link pointed at a stand-in served another way (built by its script, behind
 * a paywall, on a port nothing listens on, on a site that refuses readers not signed in), analysed
 * in its own tab; Check against The New York Times, then what the panel says and offers. And the
 * evidence report exported after a check. The e2e build has host access to 127.0.0.1 (the page
 * server), so the permission is granted without a prompt.
 */
const KEY = 'sk-source-panel-states-e2e-0123';
const test = browserTest.override({
  endpointOptions: { apiKey: KEY, models: ['test-model-1'], respond: sourceCheckResponder() },
});

const CHECK = 'Check against The New York Times';
const READ_IN_TAB = 'Open and read it in a background tab';
const FULL_TALLY =
  /^4 of 5 claims attributed to The New York Times found in its article; 1 partly: .*could consider easing some/;

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
});

/**
 * The seed article served at its own slug with its NYT link pointing at `sourceUrl`, opened in a
 * tab of its own and analysed in the side panel: the panel, ready for Check against The New York Times.
 */
async function analysedSeedLinking(
  fixtures: { pages: PageServer; openArticle: OpenArticle },
  slug: string,
  sourceUrl: string,
): Promise<SidePanel> {
  fixtures.pages.addPage(slug, seedHtmlLinkingNyt(sourceUrl));
  const article = await fixtures.openArticle(slug);
  const panel = await article.openSidePanel();
  await panel.analyseAfresh();
  await panel.waitUntilDone(60_000);
  await panel.button(CHECK).waitFor({ timeout: 10_000 });
  return panel;
}

/** The article's own linked source's entry in Sources. */
function sourceItem(panel: SidePanel): Locator {
  // The article's own linked source: the pages it links in turn (one step further) are listed under it.
  return panel.region('Sources').locator('.linked-sources > .linked-sources__list > .source-check');
}

/** The page URLs of every open tab. */
async function tabUrls(extension: LoadedExtension): Promise<string[]> {
  return extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.url ?? ''));
}

async function exportFile(
  panel: SidePanel,
  name: 'Export JSON' | 'Export Markdown',
): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([
    panel.page.waitForEvent('download', { timeout: 10_000 }),
    panel.button(name).click(),
  ]);
  return { download, text: await readFile(await download.path(), 'utf8') };
}

test.describe('source checks in the side panel, state by state', { timeout: 120_000 }, () => {
  test('a page its script builds: no article by fetch, then read and checked in a background tab that is closed after', async ({
    openArticle,
    pages,
    extension,
  }) => {
    pages.addPage('nyt-script-built', scriptBuiltSeedSourceHtml());
    const sourceUrl = pages.urlOf('nyt-script-built');
    const panel = await analysedSeedLinking({ pages, openArticle }, 'seed-de-script-built', sourceUrl);
    await panel.button(CHECK).click();

    const item = sourceItem(panel);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('unreadable');
    const problem = item.locator('.source-check__problem');
    expect(await problem.getAttribute('data-problem')).toBe('not-an-article');
    expect(await problem.textContent()).toBe(
      'Sourcelens found no article at the link to The New York Times: the page may build its text with scripts or show it only to signed-in readers. Choose Open and read it in a background tab.',
    );
    await item.screenshot({ path: artifactPath('source-check-panel-no-article') });

    const tabsBefore = await tabUrls(extension);
    expect(tabsBefore.some((url) => url.startsWith(sourceUrl))).toBe(false);
    // While the source is read, its tab is open beside the article, not in front of it.
    let sawTab = false;
    let sawItActive = false;
    const watch = setInterval(() => {
      void extension.serviceWorker
        .evaluate(async (url) => (await chrome.tabs.query({ url: `${url}*` })).map((tab) => tab.active), sourceUrl)
        .then((active) => {
          if (active.length > 0) sawTab = true;
          if (active.some((isActive) => isActive)) sawItActive = true;
        })
        .catch(() => undefined);
    }, 50);
    try {
      await panel.button(READ_IN_TAB).click();
      const tally = item.getByTestId('source-check-tally');
      await tally.waitFor({ timeout: 60_000 });
      expect(await tally.textContent()).toMatch(FULL_TALLY);
    } finally {
      clearInterval(watch);
    }
    expect(sawTab).toBe(true);
    expect(sawItActive).toBe(false);
    const verdict = (name: string) => panel.region('Sources').locator(`.source-verdict[data-verdict="${name}"]`);
    expect(await verdict('supported').count()).toBe(3);
    expect(await verdict('partly-supported').count()).toBe(1);
    expect(await verdict('unverified').count()).toBe(0);
    // The tab it opened is gone, and no other tab was closed.
    await expect.poll(async () => (await tabUrls(extension)).some((url) => url.startsWith(sourceUrl))).toBe(false);
    expect((await tabUrls(extension)).sort()).toEqual([...tabsBefore].sort());
    await item.screenshot({ path: artifactPath('source-check-panel-read-in-tab') });
  });

  test('a paywalled source: checked on its visible part, and the tally says so', async ({ openArticle, pages }) => {
    pages.addPage('nyt-paywalled', paywalledSeedSourceHtml());
    const panel = await analysedSeedLinking({ pages, openArticle }, 'seed-de-paywalled', pages.urlOf('nyt-paywalled'));
    await panel.button(CHECK).click();
    const item = sourceItem(panel);
    const tally = item.getByTestId('source-check-tally');
    await tally.waitFor({ timeout: 60_000 });
    // The test model still quotes the sentence on easing sanctions, which is behind the paywall:
    // its passage is not in what was read, so that claim is an unverified check, never supported.
    expect(await tally.textContent()).toBe(
      '3 of 5 claims attributed to The New York Times found in its article; 1 not found: “Smith’s meeting with Lukashenko reportedly took place in secret”; 1 check unverified (the model’s passage is not in the part that was read). Only its part before the paywall was read: a claim not found there may be in the rest.',
    );
    const verdict = (name: string) => panel.region('Sources').locator(`.source-verdict[data-verdict="${name}"]`);
    expect(await verdict('supported').count()).toBe(3);
    expect(await verdict('not-found').count()).toBe(1);
    expect(await verdict('unverified').count()).toBe(1);
    expect(await verdict('partly-supported').count()).toBe(0);
    await item.screenshot({ path: artifactPath('source-check-panel-paywalled') });
    await panel.screenshot('source-check-panel-paywalled-full');
    // What was not found, or not verified, is said of the part that was read: the rest may hold it.
    expect(await verdict('not-found').locator('.source-verdict__label').textContent()).toBe(
      'Not found in the part of The New York Times that was read',
    );
    expect(await verdict('unverified').locator('.source-verdict__why').textContent()).toMatch(
      /^The model’s passage is not, word for word, in the part of The New York Times that was read/,
    );
    const unverified = verdict('unverified');
    await unverified.scrollIntoViewIfNeeded();
    await unverified.screenshot({ path: artifactPath('source-check-panel-paywalled-unverified') });
    const notFound = verdict('not-found');
    await notFound.scrollIntoViewIfNeeded();
    await notFound.screenshot({ path: artifactPath('source-check-panel-paywalled-not-found') });
  });

  test('an unreachable source: named as such, with the next step, and no background tab offered', async ({
    openArticle,
    pages,
    endpoint,
  }) => {
    const before = endpoint.requests.length;
    // Port 9 (discard): nothing listens on it here.
    const panel = await analysedSeedLinking(
      { pages, openArticle },
      'seed-de-unreachable',
      'http://127.0.0.1:9/belarus-deal',
    );
    const analysisRequests = endpoint.requests.length - before;
    await panel.button(CHECK).click();
    const item = sourceItem(panel);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('unreadable');
    const problem = item.locator('.source-check__problem');
    expect(await problem.getAttribute('data-problem')).toBe('unreachable');
    expect(await problem.textContent()).toMatch(
      /^127\.0\.0\.1:9 did not answer: no connection could be made\. Check your connection, or open the link to see whether the site is up\.$/,
    );
    expect(await item.getByRole('button', { name: 'Check again' }).count()).toBe(1);
    expect(await item.getByRole('button', { name: READ_IN_TAB }).count()).toBe(0);
    // Nothing was sent to the endpoint for a source that was never read.
    expect(endpoint.requests.length - before).toBe(analysisRequests);
    await item.screenshot({ path: artifactPath('source-check-panel-unreachable') });
  });

  test('a site that refuses (HTTP 403): named as refused, and read in a background tab with the reader’s session', async ({
    openArticle,
    pages,
    extension,
  }) => {
    // The site gives the article only to a signed-in reader: a fetch (no cookies) gets 403.
    // The signed-in page comes slowly, so the panel's progress while the tab reads it can be seen.
    const article = readFileSync(path.resolve(`tests/fixtures/pages/${SEED_SOURCE_SLUG}/source.html`), 'utf8');
    pages.addPage('nyt-signed-in-only', async (headers) => {
      if (!String(headers.cookie).includes('nyt-session=reader')) {
        return { status: 403, html: '<!doctype html><title>Forbidden</title><h1>Forbidden</h1>' };
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { status: 200, html: article };
    });
    await extension.context.addCookies([{ name: 'nyt-session', value: 'reader', url: pages.origin }]);
    const sourceUrl = pages.urlOf('nyt-signed-in-only');
    const panel = await analysedSeedLinking({ pages, openArticle }, 'seed-de-refused', sourceUrl);
    await panel.button(CHECK).click();
    const item = sourceItem(panel);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('unreadable');
    const problem = item.locator('.source-check__problem');
    expect(await problem.getAttribute('data-problem')).toBe('refused');
    expect(await problem.textContent()).toBe(
      `${new URL(pages.origin).host} refused to give the page to Sourcelens (HTTP 403). If you can read it when signed in, choose Open and read it in a background tab.`,
    );
    await item.screenshot({ path: artifactPath('source-check-panel-refused') });

    await panel.button(READ_IN_TAB).click();
    const progress = item.getByRole('status');
    await expect
      .poll(() => progress.textContent(), { timeout: 10_000 })
      .toBe('Reading the source in a background tab…');
    await item.screenshot({ path: artifactPath('source-check-panel-reading-in-tab') });
    const tally = item.getByTestId('source-check-tally');
    await tally.waitFor({ timeout: 60_000 });
    expect(await tally.textContent()).toMatch(FULL_TALLY);
    await expect.poll(async () => (await tabUrls(extension)).some((url) => url.startsWith(sourceUrl))).toBe(false);
  });

  test('the exported report, Markdown and JSON, carries the source check as evidence', async ({
    openArticle,
    pages,
  }) => {
    const sourceUrl = pages.urlOf(SEED_SOURCE_SLUG);
    const panel = await analysedSeedLinking({ pages, openArticle }, 'seed-de-export', sourceUrl);
    const clicked = Date.now();
    await panel.button(CHECK).click();
    await sourceItem(panel).getByTestId('source-check-tally').waitFor({ timeout: 60_000 });

    const source = sourcePageArticle();
    const sha256 = await contentHash(source);
    const { download: jsonDownload, text: json } = await exportFile(panel, 'Export JSON');
    expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
    const report = EvidenceReportSchema.parse(JSON.parse(json));
    expect(report.sourceChecks).toHaveLength(1);
    const [check] = report.sourceChecks ?? [];
    if (!check) throw new Error('no source check in the report');
    expect(check).toMatchObject({ url: sourceUrl, name: 'The New York Times', sourceSha256: sha256, partial: null });
    const retrieved = Date.parse(check.retrievedAt);
    expect(retrieved).toBeGreaterThanOrEqual(clicked - 1000);
    expect(retrieved).toBeLessThanOrEqual(Date.now());
    expect(check.tally).toMatch(FULL_TALLY);
    expect(check.claims.map((claim) => claim.verdict)).toEqual([
      'supported',
      'supported',
      'not-found',
      'supported',
      'partly-supported',
    ]);
    // Each passage is where its offsets say, in the source's paragraphs as the extractor reads them.
    const withPassage = check.claims.flatMap((claim) => (claim.passage ? [claim.passage] : []));
    expect(withPassage).toHaveLength(4);
    for (const passage of withPassage) {
      const paragraph = source.paragraphs.find((candidate) => candidate.id === passage.paragraphId);
      expect(paragraph?.text.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.parts).toEqual([{ paragraphId: passage.paragraphId, start: passage.start, end: passage.end }]);
    }
    expect(json).not.toContain(KEY);

    const { text: markdown } = await exportFile(panel, 'Export Markdown');
    expect(markdown).toContain('## Source checks');
    expect(markdown).toContain(`- **URL:** ${sourceUrl}`);
    expect(markdown).toContain(`- **Retrieved:** ${check.retrievedAt}`);
    expect(markdown).toContain(`- **Source SHA-256:** \`${sha256}\``);
    expect(markdown).toMatch(/\*\*4 of 5 claims attributed to The New York Times found in its article; 1 partly: /);
    expect(markdown.match(/\*\*✓ supported\*\*/g)).toHaveLength(3);
    expect(markdown.match(/\*\*◐ partly supported\*\*/g)).toHaveLength(1);
    expect(markdown.match(/\*\*∅ not found in the source\*\*/g)).toHaveLength(1);
    const partly = check.claims.find((claim) => claim.verdict === 'partly-supported')?.passage;
    expect(markdown).toContain(`In the source (${partly?.paragraphId}, characters ${partly?.start}–${partly?.end})`);
    expect(markdown).not.toContain(KEY);
  });
});
