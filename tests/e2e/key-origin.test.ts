import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAITestServer, startOpenAITestServer } from '../support/openai-test-server';
import { openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

/**
 * Two endpoints on two origins (two ports of 127.0.0.1). The key and custom headers saved for the first
 * must never reach the second, through List models, Test connection, a provider switch, or a base URL
 * changed by sync followed by a job.
 */
const KEY = 'sk-first-origin-e2e-0123456789';
const TOKEN = 'gw-first-origin-e2e-secret';
const MODEL = 'test-model-1';

let world: World | undefined;
let second: OpenAITestServer | undefined;

beforeAll(async () => {
  world = await startWorld({ apiKey: KEY, models: [MODEL] });
  second = await startOpenAITestServer({ apiKey: null, models: [MODEL] });
});

afterAll(async () => {
  await Promise.all([world?.close(), second?.close()]);
});

async function saveFirstEndpoint(options: Page, firstUrl: string): Promise<void> {
  await options.getByLabel('Provider').selectOption('custom');
  await options.getByLabel('Base URL').fill(firstUrl);
  await options.getByLabel('API key', { exact: true }).fill(KEY);
  await options.getByLabel('Custom headers').fill(`X-Gateway-Token: ${TOKEN}`);
  await options.getByLabel('Model', { exact: true }).fill(MODEL);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved').waitFor();
}

/** Everything the second endpoint received: headers and bodies. */
const secondSaw = () => JSON.stringify(second?.requests.map((request) => [request.headers, request.body]) ?? []);

describe('the key saved for one endpoint origin, and another endpoint', () => {
  it('goes with the custom headers to its own origin', async () => {
    if (!world) throw new Error('not started');
    const options = await world.extension.openPage('options.html');
    await saveFirstEndpoint(options, world.endpoint.url);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText(`Connected to ${MODEL}`).waitFor({ timeout: 15_000 });
    const chat = world.endpoint.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chat.at(-1)?.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'x-gateway-token': TOKEN });
    await options.close();
  });

  it('never reaches the second origin through List models, Test connection or a provider switch', async () => {
    if (!world || !second) throw new Error('not started');
    const options = await world.extension.openPage('options.html');
    await options.getByLabel('API key', { exact: true }).waitFor();
    expect(await options.getByLabel('API key', { exact: true }).inputValue()).toBe(KEY);

    await options.getByLabel('Base URL').fill(second.url);
    expect(await options.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    expect(await options.getByLabel('Custom headers').inputValue()).toBe('');
    await options.getByTestId('set-aside-notice').waitFor();
    await options.screenshot({ path: path.join(ARTIFACTS_DIR, 'options-key-set-aside.png'), fullPage: true });

    await options.getByRole('button', { name: 'List models' }).click();
    await options.getByText('1 model available at this endpoint.').waitFor({ timeout: 15_000 });
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText(`Connected to ${MODEL}`).waitFor({ timeout: 15_000 });
    expect(second.requests.map((request) => request.path)).toEqual(
      expect.arrayContaining(['/v1/models', '/v1/chat/completions']),
    );

    // A preset: the field empties too, and the typed key is not kept for the next host.
    await options.getByLabel('Provider').selectOption('openrouter');
    expect(await options.getByLabel('API key', { exact: true }).inputValue()).toBe('');

    for (const request of second.requests) expect(request.headers).not.toHaveProperty('authorization');
    expect(secondSaw()).not.toContain(KEY);
    expect(secondSaw()).not.toContain(TOKEN);
    await options.close();
  });

  it('never reaches a base URL that sync changed: the job there goes without it', async () => {
    if (!world || !second) throw new Error('not started');
    const { extension, pages } = world;
    const options = await extension.openPage('options.html');
    await saveFirstEndpoint(options, world.endpoint.url);
    await options.close();
    const secondUrl = second.url;
    // What another device's Options page does: the synced settings now name the second origin.
    await extension.serviceWorker.evaluate(async (baseUrl) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: Object.assign({}, settings, { baseUrl }) });
    }, secondUrl);
    const before = second.requests.length;

    const article = await extension.context.newPage();
    await article.goto(pages.urlOf('seed-de'));
    const panel = await openPanelFor(extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 30_000 });
    const chat = second.requests.slice(before).filter((request) => request.path === '/v1/chat/completions');
    expect(chat.length).toBeGreaterThan(0);
    for (const request of second.requests) expect(request.headers).not.toHaveProperty('authorization');
    expect(secondSaw()).not.toContain(KEY);
    expect(secondSaw()).not.toContain(TOKEN);

    // The options page then says whose key it is, and sends it nowhere until told to.
    const reopened = await extension.openPage('options.html');
    await reopened.getByTestId('set-aside-notice').waitFor();
    expect(await reopened.getByLabel('API key', { exact: true }).inputValue()).toBe('');
  });
});
