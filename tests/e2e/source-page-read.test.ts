import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../../lib/attribution/analysis';
import { createClient } from '../../lib/llm/client';
import { checkSource } from '../../lib/sources/check-source';
import { checkableSources } from '../../lib/sources/checkable-sources';
import { sourceCheckTally } from '../../lib/sources/source-check-tally';
import { type SourcePageRead, SourcePageReadSchema } from '../../lib/sources/source-page-read';
import { seedArticle } from '../support/seed-article';
import { seedFixtures } from '../support/seed-fixtures';
import { sourceCheckResponder } from '../support/source-check-scenario';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

/**
 * The background reads a linked source as a source check needs it: fetched without the reader's
 * cookies, parsed and read in Chromium's offscreen document (the service worker has no DOM), with
 * the tab's extractor. The e2e build has host access to 127.0.0.1 (the page server) and none to
 * `localhost`, which stands for a site the reader has not allowed yet.
 */
const KEY = 'sk-source-read-e2e-0123';
let world: World | undefined;
let extensionPage: Page | undefined;

beforeAll(async () => {
  world = await startWorld({ apiKey: KEY, respond: sourceCheckResponder() });
  extensionPage = await world.extension.openPage('options.html');
  // The reader is signed in to the page server's site: a background tab sends the cookie, a fetch never does.
  await world.extension.context.addCookies([{ name: 'session', value: 'reader-signed-in', url: world.pages.origin }]);
});

afterAll(async () => {
  await world?.close();
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

describe('reading a linked source in Chromium', () => {
  it('reads the stand-in NYT page in the offscreen document, without cookies', async () => {
    if (!world) throw new Error('not started');
    const url = world.pages.urlOf('source-nyt-belarus-en');
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
    const contexts = await world.extension.serviceWorker.evaluate(async () =>
      (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map(
        (context) => context.documentUrl,
      ),
    );
    expect(contexts).toEqual([expect.stringMatching(/\/offscreen\.html$/)]);
    const pageRequest = world.pages.requestHeaders.at(-1);
    expect(pageRequest?.cookie).toBeUndefined();
    expect(JSON.stringify(world.pages.requestHeaders)).not.toContain(KEY);
    expect(JSON.stringify(world.pages.requestHeaders)).not.toContain('reader-signed-in');
  });

  it('checks the seed article’s NYT claims against the page it read: 4 of 5 found, 1 partly', async () => {
    if (!world) throw new Error('not started');
    const url = world.pages.urlOf('source-nyt-belarus-en');
    const read = await readInBrowser(url);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const article = { ...seedArticle(), links: [{ text: 'New York Times (NYT)', url, paragraphId: 'p1' }] };
    const notes = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes;
    const [source] = checkableSources(article, notes);
    if (!source) throw new Error('no checkable source');
    const result = await checkSource({
      client: createClient({ baseUrl: world.endpoint.url, apiKey: KEY, maxRetries: 0 }),
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
    const page = await world.extension.context.newPage();
    await page.goto(link);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'source-check-text-fragment.png') });
    await writeFile(path.join(ARTIFACTS_DIR, 'source-check-tally.txt'), `${sourceCheckTally(result)}\n${link}\n`);
    await page.close();
  });

  it('reads a paywalled source on its visible part, saying so', async () => {
    if (!world) throw new Error('not started');
    const read = await readInBrowser(world.pages.urlOf('paywall-declared-ru'));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.article.language).toBe('ru');
    expect(read.article.truncation).toMatchObject({ reason: 'paywall', evidence: 'declared' });
  });

  it('asks for permission for a site the reader has not allowed, rather than fetching it', async () => {
    if (!world) throw new Error('not started');
    const before = world.pages.requestHeaders.length;
    const url = world.pages.urlOf('source-nyt-belarus-en', world.pages.otherOrigin);
    expect(await readInBrowser(url)).toEqual({
      ok: false,
      problem: { kind: 'permission-needed', origin: new URL(url).origin },
    });
    expect(world.pages.requestHeaders.length).toBe(before);
  });

  it('reads a page its scripts build in a background tab, with the reader’s session, and closes the tab', async () => {
    if (!world) throw new Error('not started');
    world.pages.addPage('script-built-source', SCRIPT_BUILT_SOURCE);
    const url = world.pages.urlOf('script-built-source');
    expect(await readInBrowser(url)).toEqual({ ok: false, problem: { kind: 'not-an-article', url } });
    const tabsBefore = await world.extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).length);
    const read = await readInBrowser(url, 'readSourceInTab');
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      expect.stringMatching(/^Christopher Smith, the U\.S\. deputy secretary of state/),
      expect.stringMatching(/^Mr\. Smith had met President Alexander Lukashenko/),
      expect.stringMatching(/could consider easing some sanctions/),
    ]);
    expect(JSON.stringify(world.pages.requestHeaders.at(-1))).toContain('session=reader-signed-in');
    const tabsAfter = await world.extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).length);
    expect(tabsAfter).toBe(tabsBefore);
  });

  it('asks for permission before opening a tab for a site the reader has not allowed', async () => {
    if (!world) throw new Error('not started');
    const url = world.pages.urlOf('source-nyt-belarus-en', world.pages.otherOrigin);
    expect(await readInBrowser(url, 'readSourceInTab')).toEqual({
      ok: false,
      problem: { kind: 'permission-needed', origin: new URL(url).origin },
    });
  });

  it('names a missing page and an unreachable site', async () => {
    if (!world) throw new Error('not started');
    const missing = new URL('/no-such-page/', world.pages.origin).href;
    expect(await readInBrowser(missing)).toMatchObject({ ok: false, problem: { kind: 'http-error', status: 404 } });
    // A port nothing listens on.
    expect(await readInBrowser('http://127.0.0.1:9/story')).toMatchObject({
      ok: false,
      problem: { kind: 'unreachable', host: '127.0.0.1:9' },
    });
  });
});
