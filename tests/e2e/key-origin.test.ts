import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { OptionsPage } from '@/tests/support/browser/pages/options-page';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';

/**
 * Two endpoints on two origins (two ports of 127.0.0.1). The key and custom headers saved for the first
 * must never reach the second, through List models, Test connection, a provider switch, or a base URL
 * changed by sync followed by a job.
 */
const KEY = 'sk-first-origin-e2e-0123456789';
const TOKEN = 'gw-first-origin-e2e-secret';
const MODEL = 'test-model-1';

const test = browserTest
  .override({ endpointOptions: { apiKey: KEY, models: [MODEL] } })
  // Another endpoint, at another origin, that wants no key.
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; this one has none.
  .extend('second', { scope: 'file' }, async ({}, { onCleanup }) => {
    const second = await startOpenAITestServer({ apiKey: null, models: [MODEL] });
    onCleanup(() => second.close());
    return second;
  });

async function saveFirstEndpoint(options: OptionsPage, firstUrl: string): Promise<void> {
  await options.field('Provider').selectOption('custom');
  await options.set({
    'Base URL': firstUrl,
    'API key': KEY,
    'Custom headers': `X-Gateway-Token: ${TOKEN}`,
    Model: MODEL,
  });
}

/** Everything the second endpoint received: headers and bodies. */
const secondSaw = (second: OpenAITestServer) =>
  JSON.stringify(second.requests.map((request) => [request.headers, request.body]));

test.describe('the key saved for one endpoint origin, and another endpoint', () => {
  test('goes with the custom headers to its own origin', async ({ openOptions, endpoint }) => {
    const options = await openOptions();
    await saveFirstEndpoint(options, endpoint.url);
    await options.button('Test connection').click();
    await options.page.getByText(`Connected to ${MODEL}`).waitFor({ timeout: 15_000 });
    const chat = endpoint.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chat.at(-1)?.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'x-gateway-token': TOKEN });
    await options.page.close();
  });

  test('never reaches the second origin through List models, Test connection or a provider switch', async ({
    openOptions,
    second,
  }) => {
    const options = await openOptions();
    await options.field('API key').waitFor();
    expect(await options.field('API key').inputValue()).toBe(KEY);

    await options.fill('Base URL', second.url);
    expect(await options.field('API key').inputValue()).toBe('');
    expect(await options.field('Custom headers').inputValue()).toBe('');
    await options.page.getByTestId('set-aside-notice').waitFor();
    await options.screenshot('options-key-set-aside');

    await options.button('List models').click();
    await options.page.getByText('1 model available at this endpoint.').waitFor({ timeout: 15_000 });
    await options.button('Test connection').click();
    await options.page.getByText(`Connected to ${MODEL}`).waitFor({ timeout: 15_000 });
    expect(second.requests.map((request) => request.path)).toEqual(
      expect.arrayContaining(['/v1/models', '/v1/chat/completions']),
    );

    // A preset: the field empties too, and the typed key is not kept for the next host.
    await options.field('Provider').selectOption('openrouter');
    expect(await options.field('API key').inputValue()).toBe('');

    for (const request of second.requests) expect(request.headers).not.toHaveProperty('authorization');
    expect(secondSaw(second)).not.toContain(KEY);
    expect(secondSaw(second)).not.toContain(TOKEN);
    await options.page.close();
  });

  test('never reaches a base URL that sync changed: the job there goes without it', async ({
    extension,
    endpoint,
    second,
    openArticle,
    openOptions,
  }) => {
    const options = await openOptions();
    await saveFirstEndpoint(options, endpoint.url);
    await options.page.close();
    const secondUrl = second.url;
    // What another device's Options page does: the synced settings now name the second origin.
    await extension.serviceWorker.evaluate(async (baseUrl) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: Object.assign({}, settings, { baseUrl }) });
    }, secondUrl);
    const before = second.requests.length;

    const article = await openArticle('seed-de');
    const panel = await article.openSidePanel();
    await panel.analyse();
    await panel.waitUntilDone(30_000);
    const chat = second.requests.slice(before).filter((request) => request.path === '/v1/chat/completions');
    expect(chat.length).toBeGreaterThan(0);
    for (const request of second.requests) expect(request.headers).not.toHaveProperty('authorization');
    expect(secondSaw(second)).not.toContain(KEY);
    expect(secondSaw(second)).not.toContain(TOKEN);

    // The options page then says whose key it is, and sends it nowhere until told to.
    const reopened = await openOptions();
    await reopened.page.getByTestId('set-aside-notice').waitFor();
    expect(await reopened.field('API key').inputValue()).toBe('');
  });
});
