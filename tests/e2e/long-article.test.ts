import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { longArticle } from '../support/long-article';
import type { OpenAITestServer, RecordedRequest } from '../support/openai-test-server';
import { requestParagraphs } from '../support/request-paragraphs';
import { requestPurpose } from '../support/seed-fixtures';
import { analyseAfresh, configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import type { PageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-long-article-test-5e1d';
const MODEL = 'test-model-1';
/** About 2,500 words: past what a local model's default window takes at once, so it is cut into parts. */
const article = longArticle(2_500);
const SMALL_ANALYSIS = JSON.stringify({
  summary: [{ text: 'A deal between Washington and Minsk is apparently close.', paragraphIds: ['p1'] }],
  notes: [],
  outsideKnowledge: [],
});

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;
let world: World | undefined;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL] });
  ({ extension, endpoint, pages } = world);
  // The page is made here rather than saved: the long article is built from the seed's paragraphs.
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${article.title}</title></head><body><main><article><h1>${article.title}</h1>${article.paragraphs.map((paragraph) => `<p>${paragraph.text}</p>`).join('')}</article></main></body></html>`;
  await extension.context.route(`${pages.origin}/long-de/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
});

afterAll(async () => {
  await world?.close();
});

beforeEach(() => {
  endpoint.requests.length = 0;
});

/** A translation that echoes its part's paragraphs, marked, so the expected text is the article's own. */
function answer(delayMs: number) {
  return (request: RecordedRequest) => {
    if (request.path !== '/v1/chat/completions') return undefined;
    if (requestPurpose(request.body) === 'analysis') {
      return { kind: 'stream' as const, content: SMALL_ANALYSIS, chunkSize: 40 };
    }
    const echo = requestParagraphs(request.body)
      .map((paragraph) => `[${paragraph.id}] ${paragraph.text}`)
      .join('\n\n');
    return { kind: 'stream' as const, content: echo, chunkSize: 40, delayMs };
  };
}

async function openLongArticle(): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`${pages.origin}/long-de/?visit=${Date.now()}`);
  const panel = await openPanelFor(extension, page);
  return panel;
}

const chatRequests = () => endpoint.requests.filter((request) => request.path === '/v1/chat/completions');
const translationParts = () => chatRequests().filter((request) => requestPurpose(request.body) === 'translation');

describe('a long article', () => {
  it('is translated in parallel parts that stream into place in the article’s order', async () => {
    endpoint.setResponder(answer(2));
    const panel = await openLongArticle();
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await expect
      .poll(() => panel.locator('.toolbar__meta').textContent(), { timeout: 10_000 })
      .toMatch(/≈ [\d,]+ tokens in/);
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 60_000 });

    expect(translationParts().length).toBeGreaterThan(1);
    expect(JSON.stringify(translationParts()[0]?.body)).toMatch(/These are part \d+ of \d+/);
    const shown = await panel.locator('.translation p').allTextContents();
    expect(shown).toEqual(article.paragraphs.map((paragraph) => paragraph.text));
    // After the run: what the endpoint reported, no longer an estimate.
    expect(await panel.locator('.toolbar__meta').textContent()).toMatch(/[\d,]+ tokens/);
    expect(await panel.locator('.toolbar__meta').textContent()).not.toMatch(/≈/);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-long-article.png'), fullPage: true });
  });

  it('Cancel stops every part at once, sends nothing more, and keeps what arrived', async () => {
    endpoint.setResponder(answer(40));
    const panel = await openLongArticle();
    // The first test left this article in the cache: Regenerate asks the endpoint again, and the
    // panel is read only once the fresh job has replaced the stored one.
    await analyseAfresh(panel);
    await expect.poll(() => panel.locator('.translation').textContent(), { timeout: 20_000 }).toMatch(/\S/);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByText('Cancelled').first().waitFor({ timeout: 5_000 });
    const requestsAtCancel = chatRequests().length;
    const textAtCancel = await panel.locator('.translation').textContent();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(chatRequests().length).toBe(requestsAtCancel);
    expect(await panel.locator('.translation').textContent()).toBe(textAtCancel);
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor();
  });
});
