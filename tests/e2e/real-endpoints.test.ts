import type { Page } from 'playwright-core';
import { browserTest, expect, type OpenArticle } from '@/tests/support/browser/browser-test';
import type { ArticlePage } from '@/tests/support/browser/pages/article-page';
import type { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { saveScreenshot } from '@/tests/support/browser/screenshot';
import { loadTranscript, replayTranscript } from '@/tests/support/wire-transcript';

/**
 * Endpoints as real servers and gateways behave (tests/fixtures/wire/), one of each kind, in
 * Chromium as a user meets them: Options and Test connection, then the seed article analysed.
 * The field cases 07, 09 and 13 (../shared/cases/) are among them.
 */
const API_KEY = 'sk-real-endpoints-0123456789';
const MODEL = 'gpt-4o-mini';
const REASONING = /Okay, the user|<\/?think>|\[\/?THINK\]|The page relays the NYT|Relay chain: page/;

const test = browserTest.override({
  endpointOptions: { apiKey: API_KEY, models: [MODEL, 'qwen3:30b-a3b-thinking-2507'] },
});

/** The options page the endpoint was saved on, for Test connection later. */
let options: Page;

test.beforeAll(async ({ openOptions, testEndpoint }) => {
  const optionsPage = await openOptions();
  await optionsPage.useEndpoint(testEndpoint);
  options = optionsPage.page;
});

let article: ArticlePage | null = null;

/** The seed article in a fresh tab (the last one closed: tabs are found by their URL), analysed afresh. */
async function analyseSeed(openArticle: OpenArticle): Promise<SidePanel> {
  await article?.page.close();
  article = await openArticle('seed-de');
  const panel = await article.openSidePanel();
  await panel.analyseAfresh();
  return panel;
}

async function finished(panel: SidePanel): Promise<void> {
  await panel.waitUntilDone(40_000);
}

test.describe('real endpoints in Chromium', () => {
  test('case 13: answers that end with [DONE] and no finish reason are finished answers', async ({
    endpoint,
    openArticle,
  }) => {
    for (const name of ['vllm-mlx/no-finish-reason-before-done', 'gateway/empty-finish-reason']) {
      endpoint.setResponder(replayTranscript(loadTranscript(name)));
      const panel = await analyseSeed(openArticle);
      await finished(panel);
      expect(await panel.page.getByText('Stream interrupted').count()).toBe(0);
      expect(await panel.textOf('Summary')).toMatch(/Lukashenko/);
      expect(await panel.textOf('Translation')).toMatch(/according to/);
      await panel.page.close();
    }
  }, 90_000);

  test('case 09 and every reasoning form: the thinking is never the translation, and the panel says the model thinks', async ({
    endpoint,
    openArticle,
  }) => {
    for (const name of [
      'qwen3-thinking/no-opening-tag',
      'deepseek/keep-alive-and-reasoning',
      'llama-cpp/think-tags',
      'mistral/think-brackets',
      'mistral/content-parts-thinking',
      'openrouter/reasoning-details',
    ]) {
      endpoint.setResponder(replayTranscript(loadTranscript(name)));
      const panel = await analyseSeed(openArticle);
      if (name.startsWith('deepseek')) {
        const notice = panel.page.getByText(/The model is thinking before it answers/).first();
        await notice.waitFor({ timeout: 15_000 });
        await panel.screenshot('sidepanel-thinking', { fullPage: false });
      }
      await finished(panel);
      const translation = (await panel.textOf('Translation')) ?? '';
      expect(translation, name).toMatch(/allegedly/);
      expect(translation, name).not.toMatch(REASONING);
      expect((await panel.textOf('Summary')) ?? '', name).not.toMatch(REASONING);
      await panel.button('Side by side').click();
      expect((await panel.page.locator('body').textContent()) ?? '', name).not.toMatch(REASONING);
      await panel.page.close();
    }
  }, 180_000);

  test('an error inside a 200 stream is named as such, with the endpoint’s words, and what arrived is kept', async ({
    endpoint,
    openArticle,
  }) => {
    endpoint.setResponder(replayTranscript(loadTranscript('openrouter/mid-stream-error')));
    const panel = await analyseSeed(openArticle);
    await panel.page.getByText('The endpoint reported an error mid-answer').first().waitFor({ timeout: 30_000 });
    expect(await panel.page.locator('body').textContent()).toMatch(
      /Provider returned error: upstream connection reset/,
    );
    expect(await panel.page.getByText('Stream interrupted').count()).toBe(0);
    await panel.screenshot('sidepanel-error-mid-answer');
  }, 60_000);

  test('SSE as servers write it: comments, data: without a space, CRLF, usage elsewhere, two choices, JSON instead of a stream', async ({
    endpoint,
    openArticle,
  }) => {
    for (const name of [
      'openrouter/processing-comments',
      'llama-cpp/data-without-space',
      'groq/x-groq-usage-crlf',
      'vllm/two-choices',
      'lm-studio/json-instead-of-stream',
    ]) {
      const transcript = loadTranscript(name);
      endpoint.setResponder(replayTranscript(transcript));
      const panel = await analyseSeed(openArticle);
      await finished(panel);
      const translation = (await panel.textOf('Translation')) ?? '';
      expect(translation, name).toMatch(/according to/);
      expect(translation, name).not.toMatch(/Something else entirely/);
      // The cost line is the endpoint's usage where it sent one, and says "estimated" where not.
      const costLine = (await panel.page.locator('.toolbar__meta').textContent()) ?? '';
      expect(/\(estimated\)/.test(costLine), name).toBe(transcript.usage === 'none');
      await panel.page.close();
    }
  }, 150_000);

  // Last: what it learns (no stream_options for this model) stays learnt for the tests after it.
  test('case 07: a refused stream_options is dropped once, Test connection says so, and jobs run with usage estimated', async ({
    endpoint,
    openArticle,
  }) => {
    endpoint.setResponder(replayTranscript(loadTranscript('strict-proxy/stream-options-rejected')));
    await options.getByRole('button', { name: 'Test connection' }).click();
    const status = options.getByText(/Connected to gpt-4o-mini/);
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toMatch(/structured output ✓ · usage reported ✗ \(costs will be estimated\)/);
    await options.getByText(/The endpoint refused stream_options/).waitFor();
    await saveScreenshot(options, 'options-connection-learnt');

    endpoint.requests.length = 0;
    const panel = await analyseSeed(openArticle);
    await finished(panel);
    expect(await panel.textOf('Translation')).toMatch(/allegedly/);
    expect(await panel.page.getByText(/Stream interrupted|refused the request/).count()).toBe(0);
    expect(await panel.page.locator('.toolbar__meta').textContent()).toMatch(/\(estimated\)/);
    // Learnt by Test connection: no job request carried the refused field.
    const chats = endpoint.requests.filter((request) => request.method === 'POST');
    expect(chats.length).toBeGreaterThan(0);
    expect(chats.every((request) => !('stream_options' in (request.body as object)))).toBe(true);
  }, 90_000);
});
