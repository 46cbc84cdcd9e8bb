import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { createClient } from '@/lib/llm/client';
import { checkSource } from '@/lib/sources/check-source';
import { checkableSources } from '@/lib/sources/checkable-sources';
import { followableSources } from '@/lib/sources/follow-sources';
import { sourceCheckTally } from '@/lib/sources/source-check-tally';
import { type SourcePageRead, SourcePageReadSchema } from '@/lib/sources/source-page-read';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { ARTIFACTS_DIR } from '@/tests/support/browser/extension';
import { useBrowserLocale } from '@/tests/support/browser-i18n';
import { saveScreenshot } from '@/tests/support/browser/screenshot';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { SEED_READOUT_SLUG, seedSourceHtmlLinkingReadout } from '@/tests/support/source-page';

/**
 * The background reads a linked source as a source check needs it: fetched without the reader's
 * cookies, parsed and read in Chromium's offscreen document (the service worker has no DOM), with
 * the tab's extractor. The e2e build has host access to 127.0.0.1 (the page server) and none to
 * `localhost`, which stands for a site the reader has not allowed yet.
 */
const KEY = 'sk-source-read-e2e-0123';
const test = browserTest.override({ endpointOptions: { apiKey: KEY, respond: sourceCheckResponder() } });

let extensionPage: Page | undefined;

// The tally is worded here, in the test's process, from locales/en.yml as an English browser would.
await useBrowserLocale('en');

test.beforeAll(async ({ openOptions, extension, pages }) => {
  extensionPage = (await openOptions()).page;
  // The reader is signed in to the page server's site: a background tab sends the cookie, a fetch never does.
  await extension.context.addCookies([{ name: 'session', value: 'reader-signed-in', url: pages.origin }]);
});

/** Sends readSourcePage (or readSourceInTab) from an extension page, in the messaging library's wire format. */
async function readInBrowser(
  url: string,
  type: 'readSourcePage' | 'readSourceInTab' = 'readSourcePage',
): Promise<SourcePageRead> {
  if (!extensionPage) throw new Error('not started');
  const answer = await extensionPage.evaluate(
    ([sourceUrl, messageType]) =>
      chrome.runtime.sendMessage({ id: 1, type: messageType, data: { url: sourceUrl }, timestamp: Date.now() }),
    [url, type] as const,
  );
  if (typeof answer !== 'object' || answer === null || !('res' in answer)) {
    throw new Error(`no answer: ${JSON.stringify(answer)}`);
  }
  return SourcePageReadSchema.parse(answer.res);
}

/** A source whose text its script writes after load: fetching it gives an empty shell. */
const SCRIPT_BUILT_SOURCE = `<!doctype html><html lang="en"><head><title>Belarus talks</title></head><body><main id="root"></main>
<script>
  const paragraphs = [
    'Christopher Smith, the U.S. deputy secretary of state, told Western diplomats in Vilnius on Thursday that an agreement with Minsk appeared to be close, according to several participants.',
    'Mr. Smith had met President Alexander Lukashenko in Minsk a day earlier, the first such meeting between a senior State Department official and the Belarusian leader in five years.',
    'In exchange for the release of more political prisoners, the United States could consider easing some sanctions on Belarusian banks and potash exports, he told the diplomats.',
  ];
  const article = document.createElement('article');
  article.innerHTML = '<h1>U.S. Envoy Signals a Deal With Belarus</h1>';
  for (const text of paragraphs) {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    article.append(paragraph);
  }
  document.getElementById('root').append(article);
</script></body></html>`;

test.describe('reading a linked source in Chromium', () => {
  test('reads the stand-in NYT page in the offscreen document, without cookies', async ({ extension, pages }) => {
    const url = pages.urlOf('source-nyt-belarus-en');
    const read = await readInBrowser(url);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.article).toMatchObject({
      url,
      title: 'U.S. Envoy Signals a Broader Deal With Belarus After Prisoner Release',
      language: 'en',
      siteName: 'The New York Times',
      publishedTime: '2025-02-14T17:05:00-05:00',
    });
    expect(read.article.paragraphs).toHaveLength(6);
    expect(Date.parse(read.retrievedAt)).toBeGreaterThan(Date.now() - 60_000);
    const contexts = await extension.serviceWorker.evaluate(async () =>
      (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map(
        (context) => context.documentUrl,
      ),
    );
    expect(contexts).toEqual([expect.stringMatching(/\/offscreen\.html$/)]);
    const pageRequest = pages.requestHeaders.at(-1);
    expect(pageRequest?.cookie).toBeUndefined();
    // Nor does the site learn which page led there (PRIVACY.md says so).
    expect(pageRequest?.referer).toBeUndefined();
    expect(pageRequest?.origin).toBeUndefined();
    expect(JSON.stringify(pages.requestHeaders)).not.toContain(KEY);
    expect(JSON.stringify(pages.requestHeaders)).not.toContain('reader-signed-in');
  });

  test('checks the seed article’s NYT claims against the page it read: 4 of 5 found, 1 partly', async ({
    extension,
    pages,
    endpoint,
  }) => {
    const url = pages.urlOf('source-nyt-belarus-en');
    const read = await readInBrowser(url);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const article = { ...seedArticle(), links: [{ text: 'New York Times (NYT)', url, paragraphId: 'p1' }] };
    const notes = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes;
    const [source] = checkableSources(article, notes);
    if (!source) throw new Error('no checkable source');
    const result = await checkSource({
      client: createClient({ baseUrl: endpoint.url, apiKey: KEY, maxRetries: 0 }),
      model: 'gpt-4o-mini',
      source,
      page: read.article,
      articleLanguage: 'de',
      targetLanguage: 'English',
      limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
      retrievedAt: read.retrievedAt,
    });
    expect(sourceCheckTally(result)).toMatch(
      /^4 of 5 claims attributed to The New York Times found in its article; 1 partly: /,
    );
    // The text-fragment link opens the page at the passage: Chromium highlights it there.
    const link = result.claims[4]?.passage?.link ?? '';
    expect(link).toContain('#:~:text=');
    const page = await extension.context.newPage();
    await page.goto(link);
    await saveScreenshot(page, 'source-check-text-fragment', { fullPage: false });
    await writeFile(path.join(ARTIFACTS_DIR, 'source-check-tally.txt'), `${sourceCheckTally(result)}\n${link}\n`);
    await page.close();
  });

  test('follows the chain one more step: the NYT’s passage checked against the readout it links', async ({
    extension,
    pages,
    endpoint,
  }) => {
    // The stand-in NYT page as served here links the readout's stand-in on the page server.
    const readoutUrl = pages.urlOf(SEED_READOUT_SLUG);
    pages.addPage('source-nyt-linking-readout', seedSourceHtmlLinkingReadout(readoutUrl));
    const nytUrl = pages.urlOf('source-nyt-linking-readout');
    const nytRead = await readInBrowser(nytUrl);
    if (!nytRead.ok) throw new Error(JSON.stringify(nytRead.problem));
    const article = { ...seedArticle(), links: [{ text: 'New York Times (NYT)', url: nytUrl, paragraphId: 'p1' }] };
    const notes = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes;
    const [source] = checkableSources(article, notes);
    if (!source) throw new Error('no checkable source');
    const common = {
      client: createClient({ baseUrl: endpoint.url, apiKey: KEY, maxRetries: 0 }),
      model: 'gpt-4o-mini',
      targetLanguage: 'English',
      limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
    };
    const nyt = await checkSource({
      ...common,
      source,
      page: nytRead.article,
      articleLanguage: 'de',
      retrievedAt: nytRead.retrievedAt,
    });
    expect(sourceCheckTally(nyt)).toMatch(/^4 of 5 claims attributed to The New York Times found in its article/);
    const [next, ...others] = followableSources(nyt);
    expect(others).toEqual([]);
    expect(next).toMatchObject({ url: readoutUrl, name: 'a State Department readout' });
    if (!next) throw new Error('nothing to follow');
    const readoutRead = await readInBrowser(next.url);
    if (!readoutRead.ok) throw new Error(JSON.stringify(readoutRead.problem));
    expect(readoutRead.article.title).toBe('Deputy Secretary Smith’s Remarks to the Press in Vilnius');
    const followUp = await checkSource({
      ...common,
      source: next,
      page: readoutRead.article,
      articleLanguage: nyt.language,
      retrievedAt: readoutRead.retrievedAt,
      parentUrl: nyt.url,
    });
    expect(followUp).toMatchObject({ url: readoutUrl, parentUrl: nytUrl });
    expect(followUp.claims).toMatchObject([{ noteIndex: nyt.claims[3]?.noteIndex, verdict: 'supported' }]);
    expect(sourceCheckTally(followUp)).toBe(
      '1 of 1 claim attributed to a State Department readout found in its article',
    );
    // The follow-up's text-fragment link opens the readout at its own passage.
    const link = followUp.claims[0]?.passage?.link ?? '';
    expect(link).toMatch(/#:~:text=Deputy%20Secretary%20Smith%20hailed/);
    const page = await extension.context.newPage();
    await page.goto(link);
    await saveScreenshot(page, 'source-check-follow-up-fragment', { fullPage: false });
    await page.close();
  });

  test('reads a paywalled source on its visible part, saying so', async ({ pages }) => {
    const read = await readInBrowser(pages.urlOf('paywall-declared-ru'));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.article.language).toBe('ru');
    expect(read.article.truncation).toMatchObject({ reason: 'paywall', evidence: 'declared' });
  });

  test('asks for permission for a site the reader has not allowed, rather than fetching it', async ({ pages }) => {
    const before = pages.requestHeaders.length;
    const url = pages.urlOf('source-nyt-belarus-en', pages.otherOrigin);
    expect(await readInBrowser(url)).toEqual({
      ok: false,
      problem: { kind: 'permission-needed', origin: new URL(url).origin },
    });
    expect(pages.requestHeaders.length).toBe(before);
  });

  test('reads a page its scripts build in a background tab, with the reader’s session, and closes the tab', async ({
    extension,
    pages,
  }) => {
    pages.addPage('script-built-source', SCRIPT_BUILT_SOURCE);
    const url = pages.urlOf('script-built-source');
    expect(await readInBrowser(url)).toEqual({ ok: false, problem: { kind: 'not-an-article', url } });
    const tabsBefore = await extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).length);
    const read = await readInBrowser(url, 'readSourceInTab');
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      expect.stringMatching(/^Christopher Smith, the U\.S\. deputy secretary of state/),
      expect.stringMatching(/^Mr\. Smith had met President Alexander Lukashenko/),
      expect.stringMatching(/could consider easing some sanctions/),
    ]);
    expect(JSON.stringify(pages.requestHeaders.at(-1))).toContain('session=reader-signed-in');
    const tabsAfter = await extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).length);
    expect(tabsAfter).toBe(tabsBefore);
  });

  test('asks for permission before opening a tab for a site the reader has not allowed', async ({ pages }) => {
    const url = pages.urlOf('source-nyt-belarus-en', pages.otherOrigin);
    expect(await readInBrowser(url, 'readSourceInTab')).toEqual({
      ok: false,
      problem: { kind: 'permission-needed', origin: new URL(url).origin },
    });
  });

  test('names a missing page and an unreachable site', async ({ pages }) => {
    const missing = new URL('/no-such-page/', pages.origin).href;
    expect(await readInBrowser(missing)).toMatchObject({ ok: false, problem: { kind: 'http-error', status: 404 } });
    // A port nothing listens on.
    expect(await readInBrowser('http://127.0.0.1:9/story')).toMatchObject({
      ok: false,
      problem: { kind: 'unreachable', host: '127.0.0.1:9' },
    });
  });
});
