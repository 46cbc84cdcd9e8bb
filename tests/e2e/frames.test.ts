import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Article } from '@/lib/article/article';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import type { PageServer } from '@/tests/support/browser/page-server';
import type { ArticlePage } from '@/tests/support/browser/pages/article-page';
import type { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { artifactPath } from '@/tests/support/browser/screenshot';
import type { OpenAITestServer } from '@/tests/support/openai-test-server';

const API_KEY = 'sk-frames-test';
const MODEL = 'test-model-1';
const SEED_TITLE = 'Abkommen zwischen Washington und Minsk steht offenbar kurz bevor';
const SEED_LEAD = 'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.';
const NYT_PATH = '//www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';

/**
 * The seed page with the links a CMS writes: its own site's relative (`/thema/…`), the New York
 * Times' scheme-relative. Each resolves only against the document's real base URL.
 */
function seedWithRelativeLinks(): string {
  return readFileSync(path.resolve('tests/fixtures/pages/seed-de/source.html'), 'utf8')
    .replaceAll('href="https://weltblick.example/', 'href="/')
    .replaceAll(`href="https:${NYT_PATH}"`, `href="${NYT_PATH}"`);
}

function escapeAttribute(html: string): string {
  return html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/** A reader page whose body is one frame filling the window, as e-papers and CMS previews are built. */
function wrapperPage(frameAttributes: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Weltblick – Leseansicht</title>
<style>html, body { margin: 0; height: 100%; } iframe { display: block; border: 0; width: 100%; height: 100%; }</style>
</head><body><iframe title="Artikel" ${frameAttributes}></iframe></body></html>`;
}

const test = browserTest.override({ endpointOptions: { apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 } });

// The helpers below read these; each test gets the same ones through its fixtures.
let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;

test.beforeAll(
  async ({ extension: started, endpoint: startedEndpoint, pages: startedPages, openOptions, testEndpoint }) => {
    extension = started;
    endpoint = startedEndpoint;
    pages = startedPages;
    const framed = seedWithRelativeLinks();
    pages.addPage('framed-seed', framed);
    pages.addPage('reader-src', wrapperPage('src="/framed-seed/?embed=1"'));
    pages.addPage('reader-srcdoc', wrapperPage(`srcdoc="${escapeAttribute(framed)}"`));
    pages.addPage('reader-foreign', wrapperPage(`src="${pages.urlOf('seed-de', pages.otherOrigin)}?embed=1"`));
    pages.addPage(
      'ad-slot',
      '<!DOCTYPE html><html><body><p>Anzeige: Jetzt wechseln und beim Strom sparen! Nur heute zwanzig Prozent Rabatt auf den ersten Monat.</p></body></html>',
    );
    const ad = `<iframe title="Anzeige" src="${pages.urlOf('ad-slot', pages.otherOrigin)}" width="300" height="250" style="border:0"></iframe>`;
    pages.addPage(
      'results-with-ad',
      readFileSync(path.resolve('tests/fixtures/pages/search-results/source.html'), 'utf8').replace(
        /<body([^>]*)>/,
        `<body$1>${ad}`,
      ),
    );
    pages.addPage(
      'seed-with-ad',
      readFileSync(path.resolve('tests/fixtures/pages/seed-de/source.html'), 'utf8').replace('</h1>', `</h1>${ad}`),
    );
    await (await openOptions()).useEndpoint(testEndpoint);
  },
);

test.beforeEach(() => {
  endpoint.requests.length = 0;
  endpoint.setResponder(null);
});

function chatRequests() {
  return endpoint.requests.filter((request) => request.path.endsWith('/chat/completions'));
}

/** The article the background read for the tab, as it keeps it in session storage. */
async function storedArticle(tab: ArticlePage): Promise<Article | null> {
  const tabId = await tab.tabId();
  return extension.serviceWorker.evaluate(async (id) => {
    const stored = await chrome.storage.session.get(`job:${id}`);
    const job = stored[`job:${id}`] as { article?: unknown } | undefined;
    return (job?.article ?? null) as never;
  }, tabId);
}

/** The extension's highlight in every frame of the tab: frame URL → highlighted texts. */
async function highlightsByFrame(tab: ArticlePage): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const frame of tab.page.frames()) {
    const texts = await frame
      .evaluate(() => {
        const highlight = CSS.highlights.get('sourcelens-passage');
        return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : null;
      })
      .catch(() => null);
    if (texts) result[frame === tab.page.mainFrame() ? 'top' : frame.url()] = texts;
  }
  return result;
}

/** The top of the page: the panel's header and first notes, or the page's first screen. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: artifactPath(name),
    clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 420, height: 900 },
  });
}

/** Analyses the tab's page and waits for the whole result: summary, sources, translation. */
async function analyseToTheEnd(panel: SidePanel): Promise<void> {
  await panel.analyseAfresh();
  await expect.poll(() => panel.textOf('Summary'), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
  await expect.poll(() => panel.textOf('Translation'), { timeout: 20_000 }).toMatch(/allegedly[\s\S]*according to/i);
  await panel.waitUntilDone(20_000);
}

/** What a framed seed article must look like, whichever kind of frame it came from. */
async function expectFramedSeed(tab: ArticlePage, panel: SidePanel): Promise<void> {
  expect(await panel.page.locator('header').first().textContent()).toContain(SEED_TITLE);
  const chats = chatRequests();
  expect(chats.length).toBeGreaterThan(0);
  for (const request of chats) {
    expect(JSON.stringify(request.body)).toContain('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
    expect(JSON.stringify(request.body)).not.toMatch(/Cookie|Kommentar|Leseansicht/i);
  }

  const article = await storedArticle(tab);
  expect(article?.url).toBe(tab.page.url());
  expect(article?.title).toBe(SEED_TITLE);
  expect(article?.paragraphs.map((paragraph) => paragraph.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
  expect(article?.paragraphs[0]?.text).toContain(SEED_LEAD);
  // Links resolve against the frame's base URL: the reader page's origin, and http for the
  // scheme-relative one (the pages are served over http).
  const links = article?.links ?? [];
  expect(links.length).toBeGreaterThan(1);
  for (const link of links) expect(link.url).toMatch(/^https?:\/\//);
  expect(links.map((link) => link.url)).toEqual(
    expect.arrayContaining([`${pages.origin}/thema/swetlana-tichanowskaja`, `http:${NYT_PATH}`]),
  );
  // The panel links the New York Times, a named source, at the resolved address.
  const nyt = panel.page.locator('.outlet-block__links a', { hasText: 'New York Times' });
  expect(await nyt.getAttribute('href')).toBe(`http:${NYT_PATH}`);
}

/**
 * A note's quote is highlighted where the article was read: in the frame, through the frame's own
 * highlight registry, and nowhere in the page around it.
 */
async function expectNoteShownInFrame(tab: ArticlePage, panel: SidePanel, frameUrl: string): Promise<void> {
  const note = panel.region('Sources').locator('article.note-card').first();
  expect(await note.textContent()).toContain(SEED_LEAD);
  const toggle = note.getByRole('button', { name: 'Show in page' });
  await toggle.click();
  await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({ [frameUrl]: [SEED_LEAD] });
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await note.textContent()).not.toContain('The page has changed');
  // Escape, pressed where the reader is (in the frame), clears it and tells the panel.
  await tab.bringToFront();
  await tab.page.locator('iframe').click({ position: { x: 5, y: 5 } });
  await tab.page.keyboard.press('Escape');
  await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({});
  await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('false');
  await toggle.click();
  await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({ [frameUrl]: [SEED_LEAD] });
}

test.describe('an article inside a frame of the same site', () => {
  test('reads a src= frame’s article under the tab’s address, with its links resolved', async ({ openArticle }) => {
    const tab = await openArticle('reader-src');
    const panel = await tab.openSidePanel();
    await analyseToTheEnd(panel);
    await expectFramedSeed(tab, panel);
    await screenshot(tab.page, 'frames-src-page');
    await screenshot(panel.page, 'frames-src-panel');
    await expectNoteShownInFrame(tab, panel, `${pages.origin}/framed-seed/?embed=1`);
    await screenshot(tab.page, 'frames-src-highlight');
  });

  test('reads an srcdoc frame’s article, its relative links resolved against the page around it', async ({
    openArticle,
  }) => {
    const tab = await openArticle('reader-srcdoc');
    const panel = await tab.openSidePanel();
    await analyseToTheEnd(panel);
    await expectFramedSeed(tab, panel);
    await screenshot(panel.page, 'frames-srcdoc-panel');
    await expectNoteShownInFrame(tab, panel, 'about:srcdoc');
    await screenshot(tab.page, 'frames-srcdoc-highlight');
  });
});

test.describe('an article inside a frame of another site', () => {
  test('names the frame’s address to open in its own tab, and asks the endpoint nothing', async ({ openArticle }) => {
    const tab = await openArticle('reader-foreign');
    // The frame really shows the article, from the other origin.
    const frame = tab.page.frames().find((candidate) => candidate.url().startsWith(pages.otherOrigin));
    expect(await frame?.locator('h1').first().textContent()).toContain(SEED_TITLE);
    const panel = await tab.openSidePanel();
    await panel.analyse();
    const notice = panel.page.locator('[data-error-code="not-an-article"]');
    await notice.waitFor({ timeout: 10_000 });
    const frameUrl = `${pages.urlOf('seed-de', pages.otherOrigin)}?embed=1`;
    const text = ((await notice.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('The article is in a frame from another site');
    expect(text).toContain(`Open ${frameUrl} in its own tab and analyse it there.`);
    expect(text).toContain(`appears to come from ${new URL(frameUrl).host}`);
    // The link opens the frame's page in a tab of its own, where it can be analysed.
    const [opened] = await Promise.all([
      extension.context.waitForEvent('page'),
      notice.getByRole('link', { name: 'Open the frame in a new tab' }).click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(frameUrl);
    await opened.close();
    await screenshot(panel.page, 'frames-foreign-panel');
    expect(chatRequests()).toHaveLength(0);
  });
});

test.describe('a page with its own article and a small frame of another site', () => {
  test('reads the page’s own article and ignores the advertisement frame', async ({ openArticle }) => {
    const tab = await openArticle('seed-with-ad');
    // The advertisement really is there, and from another site.
    const ad = tab.page.frames().find((frame) => frame.url().startsWith(`${pages.otherOrigin}/ad-slot/`));
    expect(await ad?.locator('p').textContent()).toContain('Anzeige');
    const panel = await tab.openSidePanel();
    await analyseToTheEnd(panel);
    expect(await panel.page.locator('header').first().textContent()).toContain(SEED_TITLE);
    const article = await storedArticle(tab);
    expect(article?.paragraphs).toHaveLength(7);
    const chats = chatRequests();
    expect(chats.length).toBeGreaterThan(0);
    for (const request of chats) expect(JSON.stringify(request.body)).not.toContain('Anzeige');
    // The top document's links are absolute already.
    expect(article?.links.map((link) => link.url)).toContain(`https:${NYT_PATH}`);
    // The highlight's style goes to every frame the extension may reach; the advertisement, from
    // a site it has no access to, is passed over without failing the highlight in the page.
    const note = panel.region('Sources').locator('article.note-card').first();
    await note.getByRole('button', { name: 'Show in page' }).click();
    await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({ top: [SEED_LEAD] });
    await screenshot(tab.page, 'frames-ad-highlight');
  });
});

test.describe('a page without an article and a small frame of another site', () => {
  test('says the page is not an article, without naming the advertisement', async ({ openArticle }) => {
    const tab = await openArticle('results-with-ad');
    const ad = tab.page.frames().find((frame) => frame.url().startsWith(`${pages.otherOrigin}/ad-slot/`));
    expect(await ad?.locator('p').textContent()).toContain('Anzeige');
    // Its real size: far below the share of the window that would make it the page's text.
    const share = await tab.page.evaluate(() => {
      const rect = document.querySelector('iframe')?.getBoundingClientRect();
      return rect ? (rect.width * rect.height) / (innerWidth * innerHeight) : null;
    });
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.4);
    const panel = await tab.openSidePanel();
    await panel.analyse();
    const notice = panel.page.locator('[data-error-code="not-an-article"]');
    await notice.waitFor({ timeout: 10_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('This page is not an article');
    expect(text).not.toMatch(/frame|localhost/);
    await panel.button('Use whole page').waitFor();
    expect(chatRequests()).toHaveLength(0);
  });
});
