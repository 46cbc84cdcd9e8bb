import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { longArticle } from '@/tests/support/long-article';
import type { OpenAITestServer, RecordedRequest } from '@/tests/support/openai-test-server';
import { requestParagraphs } from '@/tests/support/request-paragraphs';
import { requestPurpose } from '@/tests/support/seed-fixtures';

const API_KEY = 'sk-long-article-test-5e1d';
const MODEL = 'test-model-1';
/** About 2,500 words: past what a local model's default window takes at once, so it is cut into parts. */
const article = longArticle(2_500);
const SMALL_ANALYSIS = JSON.stringify({
  summary: [{ text: 'A deal between Washington and Minsk is apparently close.', paragraphIds: ['p1'] }],
  notes: [],
  outsideKnowledge: [],
});

const test = browserTest.override({ endpointOptions: { apiKey: API_KEY, models: [MODEL] } });

test.beforeAll(async ({ pages, openOptions, testEndpoint }) => {
  // The page is made here rather than saved: the long article is built from the seed's paragraphs.
  pages.addPage(
    'long-de',
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${article.title}</title></head><body><main><article><h1>${article.title}</h1>${article.paragraphs.map((paragraph) => `<p>${paragraph.text}</p>`).join('')}</article></main></body></html>`,
  );
  await (await openOptions()).useEndpoint(testEndpoint);
});

test.beforeEach(({ endpoint }) => {
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

const chatRequests = (endpoint: OpenAITestServer) =>
  endpoint.requests.filter((request) => request.path === '/v1/chat/completions');
const translationParts = (endpoint: OpenAITestServer) =>
  chatRequests(endpoint).filter((request) => requestPurpose(request.body) === 'translation');

test.describe('a long article', () => {
  test('is translated in parallel parts that stream into place in the article’s order', async ({
    endpoint,
    openArticle,
  }) => {
    endpoint.setResponder(answer(2));
    const panel = await (await openArticle('long-de', `?visit=${Date.now()}`)).openSidePanel();
    await panel.analyse();
    await expect
      .poll(() => panel.page.locator('.toolbar__meta').textContent(), { timeout: 10_000 })
      .toMatch(/≈ [\d,]+ tokens in/);
    await panel.waitUntilDone(60_000);

    expect(translationParts(endpoint).length).toBeGreaterThan(1);
    expect(JSON.stringify(translationParts(endpoint)[0]?.body)).toMatch(/These are part \d+ of \d+/);
    const shown = await panel.page.locator('.translation p').allTextContents();
    expect(shown).toEqual(article.paragraphs.map((paragraph) => paragraph.text));
    // After the run: what the endpoint reported, no longer an estimate.
    expect(await panel.page.locator('.toolbar__meta').textContent()).toMatch(/[\d,]+ tokens/);
    expect(await panel.page.locator('.toolbar__meta').textContent()).not.toMatch(/≈/);
    await panel.screenshot('sidepanel-long-article');
  });

  test('Cancel stops every part at once, sends nothing more, and keeps what arrived', async ({
    endpoint,
    openArticle,
  }) => {
    endpoint.setResponder(answer(40));
    const panel = await (await openArticle('long-de', `?visit=${Date.now()}`)).openSidePanel();
    // The first test left this article in the cache: Regenerate asks the endpoint again, and the
    // panel is read only once the fresh job has replaced the stored one.
    await panel.analyseAfresh();
    await expect.poll(() => panel.page.locator('.translation').textContent(), { timeout: 20_000 }).toMatch(/\S/);
    await panel.button('Cancel').click();
    await panel.page.getByText('Cancelled').first().waitFor({ timeout: 5_000 });
    const requestsAtCancel = chatRequests(endpoint).length;
    const textAtCancel = await panel.page.locator('.translation').textContent();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(chatRequests(endpoint).length).toBe(requestsAtCancel);
    expect(await panel.page.locator('.translation').textContent()).toBe(textAtCancel);
    await panel.button('Regenerate').waitFor();
  });
});
