import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../lib/article/article';
import type { OpenAITestServer } from '../support/openai-test-server';
import { analyseAfresh, configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import type { PageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-frames-test';
const MODEL = 'test-model-1';
const SEED_TITLE = 'Abkommen zwischen Washington und Minsk steht offenbar kurz bevor';
const SEED_LEAD = 'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.';
const NYT_PATH = '//www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;
let world: World | undefined;

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

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 });
  ({ extension, endpoint, pages } = world);
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
  await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
});

afterAll(async () => {
  await world?.close();
});

beforeEach(() => {
  endpoint.requests.length = 0;
  endpoint.setResponder(null);
});

function region(panel: Page, name: 'Summary' | 'Sources' | 'Translation'): Locator {
  return panel.getByRole('region', { name });
}

function chatRequests() {
  return endpoint.requests.filter((request) => request.path.endsWith('/chat/completions'));
}

async function openTab(slug: string): Promise<Page> {
  const tab = await extension.context.newPage();
  await tab.goto(pages.urlOf(slug));
  return tab;
}

/** The article the background read for the tab, as it keeps it in session storage. */
async function storedArticle(tab: Page): Promise<Article | null> {
  const tabId = await extension.tabIdOf(tab);
  return extension.serviceWorker.evaluate(async (id) => {
    const stored = await chrome.storage.session.get(`job:${id}`);
    const job = stored[`job:${id}`] as { article?: unknown } | undefined;
    return (job?.article ?? null) as never;
  }, tabId);
}

/** The extension's highlight in every frame of the tab: frame URL → highlighted texts. */
async function highlightsByFrame(tab: Page): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const frame of tab.frames()) {
    const texts = await frame
      .evaluate(() => {
        const highlight = CSS.highlights.get('sourcelens-passage');
        return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : null;
      })
      .catch(() => null);
    if (texts) result[frame === tab.mainFrame() ? 'top' : frame.url()] = texts;
  }
  return result;
}

/** The top of the page: the panel's header and first notes, or the page's first screen. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(ARTIFACTS_DIR, `${name}.png`),
    clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 420, height: 900 },
  });
}

/** Analyses the tab's page and waits for the whole result: summary, sources, translation. */
async function analyseToTheEnd(panel: Page): Promise<void> {
  await analyseAfresh(panel);
  await expect.poll(() => region(panel, 'Summary').textContent(), { timeout: 20_000 }).toMatch(/Minsk|Belarus/);
  await expect
    .poll(() => region(panel, 'Translation').textContent(), { timeout: 20_000 })
    .toMatch(/allegedly[\s\S]*according to/i);
  await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });
}

/** What a framed seed article must look like, whichever kind of frame it came from. */
async function expectFramedSeed(tab: Page, panel: Page): Promise<void> {
  expect(await panel.locator('header').first().textContent()).toContain(SEED_TITLE);
  const chats = chatRequests();
  expect(chats.length).toBeGreaterThan(0);
  for (const request of chats) {
    expect(JSON.stringify(request.body)).toContain('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
    expect(JSON.stringify(request.body)).not.toMatch(/Cookie|Kommentar|Leseansicht/i);
  }

  const article = await storedArticle(tab);
  expect(article?.url).toBe(tab.url());
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
  const nyt = panel.locator('.outlet-block__links a', { hasText: 'New York Times' });
  expect(await nyt.getAttribute('href')).toBe(`http:${NYT_PATH}`);
}

/**
 * A note's quote is highlighted where the article was read: in the frame, through the frame's own
 * highlight registry, and nowhere in the page around it.
 */
async function expectNoteShownInFrame(tab: Page, panel: Page, frameUrl: string): Promise<void> {
  const note = region(panel, 'Sources').locator('article.note-card').first();
  expect(await note.textContent()).toContain(SEED_LEAD);
  const toggle = note.getByRole('button', { name: 'Show in page' });
  await toggle.click();
  await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({ [frameUrl]: [SEED_LEAD] });
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await note.textContent()).not.toContain('The page has changed');
  // Escape, pressed where the reader is (in the frame), clears it and tells the panel.
  await tab.bringToFront();
  await tab.locator('iframe').click({ position: { x: 5, y: 5 } });
  await tab.keyboard.press('Escape');
  await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({});
  await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('false');
  await toggle.click();
  await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({ [frameUrl]: [SEED_LEAD] });
}

describe('an article inside a frame of the same site', () => {
  it('reads a src= frame’s article under the tab’s address, with its links resolved', async () => {
    const tab = await openTab('reader-src');
    const panel = await openPanelFor(extension, tab);
    await analyseToTheEnd(panel);
    await expectFramedSeed(tab, panel);
    await screenshot(tab, 'frames-src-page');
    await screenshot(panel, 'frames-src-panel');
    await expectNoteShownInFrame(tab, panel, `${pages.origin}/framed-seed/?embed=1`);
    await screenshot(tab, 'frames-src-highlight');
  });

  it('reads an srcdoc frame’s article, its relative links resolved against the page around it', async () => {
    const tab = await openTab('reader-srcdoc');
    const panel = await openPanelFor(extension, tab);
    await analyseToTheEnd(panel);
    await expectFramedSeed(tab, panel);
    await screenshot(panel, 'frames-srcdoc-panel');
    await expectNoteShownInFrame(tab, panel, 'about:srcdoc');
    await screenshot(tab, 'frames-srcdoc-highlight');
  });
});

describe('an article inside a frame of another site', () => {
  it('names the frame’s address to open in its own tab, and asks the endpoint nothing', async () => {
    const tab = await openTab('reader-foreign');
    // The frame really shows the article, from the other origin.
    const frame = tab.frames().find((candidate) => candidate.url().startsWith(pages.otherOrigin));
    expect(await frame?.locator('h1').first().textContent()).toContain(SEED_TITLE);
    const panel = await openPanelFor(extension, tab);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    const notice = panel.locator('[data-error-code="not-an-article"]');
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
    await screenshot(panel, 'frames-foreign-panel');
    expect(chatRequests()).toHaveLength(0);
  });
});

describe('a page with its own article and a small frame of another site', () => {
  it('reads the page’s own article and ignores the advertisement frame', async () => {
    const tab = await openTab('seed-with-ad');
    // The advertisement really is there, and from another site.
    const ad = tab.frames().find((frame) => frame.url().startsWith(`${pages.otherOrigin}/ad-slot/`));
    expect(await ad?.locator('p').textContent()).toContain('Anzeige');
    const panel = await openPanelFor(extension, tab);
    await analyseToTheEnd(panel);
    expect(await panel.locator('header').first().textContent()).toContain(SEED_TITLE);
    const article = await storedArticle(tab);
    expect(article?.paragraphs).toHaveLength(7);
    const chats = chatRequests();
    expect(chats.length).toBeGreaterThan(0);
    for (const request of chats) expect(JSON.stringify(request.body)).not.toContain('Anzeige');
    // The top document's links are absolute already.
    expect(article?.links.map((link) => link.url)).toContain(`https:${NYT_PATH}`);
    // The highlight's style goes to every frame the extension may reach; the advertisement, from
    // a site it has no access to, is passed over without failing the highlight in the page.
    const note = region(panel, 'Sources').locator('article.note-card').first();
    await note.getByRole('button', { name: 'Show in page' }).click();
    await expect.poll(() => highlightsByFrame(tab), { timeout: 10_000 }).toEqual({ top: [SEED_LEAD] });
    await screenshot(tab, 'frames-ad-highlight');
  });
});

describe('a page without an article and a small frame of another site', () => {
  it('says the page is not an article, without naming the advertisement', async () => {
    const tab = await openTab('results-with-ad');
    const ad = tab.frames().find((frame) => frame.url().startsWith(`${pages.otherOrigin}/ad-slot/`));
    expect(await ad?.locator('p').textContent()).toContain('Anzeige');
    // Its real size: far below the share of the window that would make it the page's text.
    const share = await tab.evaluate(() => {
      const rect = document.querySelector('iframe')?.getBoundingClientRect();
      return rect ? (rect.width * rect.height) / (innerWidth * innerHeight) : null;
    });
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.4);
    const panel = await openPanelFor(extension, tab);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    const notice = panel.locator('[data-error-code="not-an-article"]');
    await notice.waitFor({ timeout: 10_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('This page is not an article');
    expect(text).not.toMatch(/frame|localhost/);
    await panel.getByRole('button', { name: 'Use whole page' }).waitFor();
    expect(chatRequests()).toHaveLength(0);
  });
});
