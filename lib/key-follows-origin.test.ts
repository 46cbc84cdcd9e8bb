import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { saveCredential } from '@/lib/endpoint-credential';
import { createBrowserJobEnvironment } from '@/lib/job/browser-environment';
import { createShapeMemory } from '@/lib/llm/request-shape-memory';
import { JobManager } from '@/lib/job/job-manager';
import { testSavedEndpoint } from '@/lib/llm/test-saved-endpoint';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/settings';

/**
 * The key saved for one endpoint origin must never reach another, through any path that sends requests
 * from the background: a job, Test connection, and a base URL changed by sync. (List models and the
 * provider switch send what the options form holds: components/options/options-form.test.tsx.)
 */
const KEY = 'sk-first-origin-0123456789';
const HEADER = 'x-gateway-token';
const TOKEN = 'gw-first-origin-secret';

let first: OpenAITestServer;
let second: OpenAITestServer;

beforeEach(async () => {
  fakeBrowser.reset();
  [first, second] = await Promise.all([
    startOpenAITestServer({ apiKey: KEY, models: ['m'] }),
    startOpenAITestServer({ apiKey: null, models: ['m'] }),
  ]);
  expect(new URL(first.url).origin).not.toBe(new URL(second.url).origin);
  await saveSettings({ ...DEFAULT_SETTINGS, provider: 'custom', baseUrl: first.url, model: 'm' });
  await saveCredential(first.url, KEY, { [HEADER]: TOKEN });
});

afterEach(async () => {
  await Promise.all([first.close(), second.close()]);
});

/** Everything the second origin was sent, headers and bodies. */
const secondSaw = () => JSON.stringify(second.requests.map((request) => [request.headers, request.body]));

/** A job as the background runs it, reading settings and key from storage; only the tab is stubbed. */
async function runJob(): Promise<void> {
  const environment = createBrowserJobEnvironment('chrome-extension://test', createShapeMemory());
  const article = seedArticle();
  const manager = new JobManager({ ...environment, extract: async () => ({ ok: true, article }), onChange: undefined });
  await manager.start(1, { source: 'article', force: true, confirmed: true });
}

describe('the key and headers stay with the origin they were saved for', () => {
  it('go with a job and Test connection to that origin', async () => {
    expect((await testSavedEndpoint({ baseUrl: first.url, model: 'm' }, { maxRetries: 0 })).ok).toBe(true);
    await runJob();
    const chat = first.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chat.length).toBeGreaterThan(1);
    for (const request of chat) {
      expect(request.headers).toMatchObject({ authorization: `Bearer ${KEY}`, [HEADER]: TOKEN });
    }
  });

  it('never reach a base URL changed by sync: neither a job nor Test connection sends them', async () => {
    // What another device's Options page does: the synced settings now name the second origin.
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, provider: 'custom', baseUrl: second.url, model: 'm' },
    });
    await runJob();
    await testSavedEndpoint({ baseUrl: second.url, model: 'm' }, { maxRetries: 0 });
    expect(second.requests.filter((request) => request.path === '/v1/chat/completions').length).toBeGreaterThan(1);
    for (const request of second.requests) expect(request.headers).not.toHaveProperty('authorization');
    expect(secondSaw()).not.toContain(KEY);
    expect(secondSaw()).not.toContain(TOKEN);
  });

  it('never reach another origin named directly in a Test connection request', async () => {
    await testSavedEndpoint({ baseUrl: `${second.url}/`, model: 'm' }, { maxRetries: 0 });
    expect(second.requests.length).toBeGreaterThan(0);
    expect(secondSaw()).not.toContain(KEY);
    expect(secondSaw()).not.toContain(TOKEN);
  });
});
