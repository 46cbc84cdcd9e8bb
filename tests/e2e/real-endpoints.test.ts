import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTranscript, replayTranscript } from '../support/wire-transcript';
import { analyseAfresh, configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

/**
 * Endpoints as real servers and gateways behave (tests/fixtures/wire/), one of each kind, in
 * Chromium as a user meets them: Options and Test connection, then the seed article analysed.
 * The field cases 07, 09 and 13 (../shared/cases/) are among them.
 */
const API_KEY = 'sk-real-endpoints-0123456789';
const MODEL = 'gpt-4o-mini';
const REASONING = /Okay, the user|<\/?think>|\[\/?THINK\]|The page relays the NYT|Relay chain: page/;

let world: World;
let options: Page;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL, 'qwen3:30b-a3b-thinking-2507'] });
  options = await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: API_KEY, model: MODEL });
});

afterAll(async () => {
  await world?.close();
});

let article: Page | null = null;

/** The seed article in a fresh tab (the last one closed: tabs are found by their URL), analysed afresh. */
async function analyseSeed(): Promise<Page> {
  await article?.close();
  article = await world.extension.context.newPage();
  await article.goto(world.pages.urlOf('seed-de'));
  const panel = await openPanelFor(world.extension, article);
  await analyseAfresh(panel);
  return panel;
}

async function finished(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 40_000 });
}

describe('real endpoints in Chromium', () => {
  it('case 13: answers that end with [DONE] and no finish reason are finished answers', async () => {
    for (const name of ['vllm-mlx/no-finish-reason-before-done', 'gateway/empty-finish-reason']) {
      world.endpoint.setResponder(replayTranscript(loadTranscript(name)));
      const panel = await analyseSeed();
      await finished(panel);
      expect(await panel.getByText('Stream interrupted').count()).toBe(0);
      expect(await panel.getByRole('region', { name: 'Summary' }).textContent()).toMatch(/Lukashenko/);
      expect(await panel.getByRole('region', { name: 'Translation' }).textContent()).toMatch(/according to/);
      await panel.close();
    }
  }, 90_000);

  it('case 09 and every reasoning form: the thinking is never the translation, and the panel says the model thinks', async () => {
    for (const name of [
      'qwen3-thinking/no-opening-tag',
      'deepseek/keep-alive-and-reasoning',
      'llama-cpp/think-tags',
      'mistral/think-brackets',
      'mistral/content-parts-thinking',
      'openrouter/reasoning-details',
    ]) {
      world.endpoint.setResponder(replayTranscript(loadTranscript(name)));
      const panel = await analyseSeed();
      if (name.startsWith('deepseek')) {
        const notice = panel.getByText(/The model is thinking before it answers/).first();
        await notice.waitFor({ timeout: 15_000 });
        await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-thinking.png') });
      }
      await finished(panel);
      const translation = (await panel.getByRole('region', { name: 'Translation' }).textContent()) ?? '';
      expect(translation, name).toMatch(/allegedly/);
      expect(translation, name).not.toMatch(REASONING);
      expect((await panel.getByRole('region', { name: 'Summary' }).textContent()) ?? '', name).not.toMatch(REASONING);
      await panel.getByRole('button', { name: 'Side by side' }).click();
      expect((await panel.locator('body').textContent()) ?? '', name).not.toMatch(REASONING);
      await panel.close();
    }
  }, 180_000);

  it('an error inside a 200 stream is named as such, with the endpoint’s words, and what arrived is kept', async () => {
    world.endpoint.setResponder(replayTranscript(loadTranscript('openrouter/mid-stream-error')));
    const panel = await analyseSeed();
    await panel.getByText('The endpoint reported an error mid-answer').first().waitFor({ timeout: 30_000 });
    expect(await panel.locator('body').textContent()).toMatch(/Provider returned error: upstream connection reset/);
    expect(await panel.getByText('Stream interrupted').count()).toBe(0);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-error-mid-answer.png'), fullPage: true });
  }, 60_000);

  it('SSE as servers write it: comments, data: without a space, CRLF, usage elsewhere, two choices, JSON instead of a stream', async () => {
    for (const name of [
      'openrouter/processing-comments',
      'llama-cpp/data-without-space',
      'groq/x-groq-usage-crlf',
      'vllm/two-choices',
      'lm-studio/json-instead-of-stream',
    ]) {
      const transcript = loadTranscript(name);
      world.endpoint.setResponder(replayTranscript(transcript));
      const panel = await analyseSeed();
      await finished(panel);
      const translation = (await panel.getByRole('region', { name: 'Translation' }).textContent()) ?? '';
      expect(translation, name).toMatch(/according to/);
      expect(translation, name).not.toMatch(/Something else entirely/);
      // The cost line is the endpoint's usage where it sent one, and says "estimated" where not.
      const costLine = (await panel.locator('.toolbar__meta').textContent()) ?? '';
      expect(/\(estimated\)/.test(costLine), name).toBe(transcript.usage === 'none');
      await panel.close();
    }
  }, 150_000);

  // Last: what it learns (no stream_options for this model) stays learnt for the tests after it.
  it('case 07: a refused stream_options is dropped once, Test connection says so, and jobs run with usage estimated', async () => {
    world.endpoint.setResponder(replayTranscript(loadTranscript('strict-proxy/stream-options-rejected')));
    await options.getByRole('button', { name: 'Test connection' }).click();
    const status = options.getByText(/Connected to gpt-4o-mini/);
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toMatch(/structured output ✓ · usage reported ✗ \(costs will be estimated\)/);
    await options.getByText(/The endpoint refused stream_options/).waitFor();
    await options.screenshot({ path: path.join(ARTIFACTS_DIR, 'options-connection-learnt.png'), fullPage: true });

    world.endpoint.requests.length = 0;
    const panel = await analyseSeed();
    await finished(panel);
    expect(await panel.getByRole('region', { name: 'Translation' }).textContent()).toMatch(/allegedly/);
    expect(await panel.getByText(/Stream interrupted|refused the request/).count()).toBe(0);
    expect(await panel.locator('.toolbar__meta').textContent()).toMatch(/\(estimated\)/);
    // Learnt by Test connection: no job request carried the refused field.
    const chats = world.endpoint.requests.filter((request) => request.method === 'POST');
    expect(chats.length).toBeGreaterThan(0);
    expect(chats.every((request) => !('stream_options' in (request.body as object)))).toBe(true);
  }, 90_000);
});
