/**
 * Error responses from a remote-looking endpoint (llm-gateway.example.test, mapped to the test
 * server), as a user meets them: Test connection on the options page and a job in the side panel.
 * Field case 12: a provider behind Cloudflare answers every request with its 403 block page.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAITestServer } from '../support/openai-test-server';
import { loadWireErrorFixture, wireErrorScenario } from '../support/wire-error-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import type { PageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const GATEWAY_HOST = 'llm-gateway.example.test';
const API_KEY = 'sk-gateway-test';
const MODEL = 'test-model-1';

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;
let world: World | undefined;
let baseUrl: string;

beforeAll(async () => {
  world = await startWorld(
    // https, as a remote endpoint must be (Options refuses plain http to a remote host).
    { apiKey: API_KEY, models: [MODEL], tlsHostname: GATEWAY_HOST },
    { hostResolverRules: `MAP ${GATEWAY_HOST} 127.0.0.1` },
  );
  ({ extension, endpoint, pages } = world);
  baseUrl = endpoint.url.replace('127.0.0.1', GATEWAY_HOST);
});

afterAll(async () => {
  await world?.close();
});

function answerEveryRequestWith(fixtureName: string): void {
  const fixture = loadWireErrorFixture(fixtureName);
  endpoint.setResponder((request) => (request.method === 'OPTIONS' ? undefined : wireErrorScenario(fixture)));
}

function chatRequests(): number {
  return endpoint.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

describe('an endpoint behind a firewall or gateway', () => {
  it('Test connection names Cloudflare’s block and what to try, never the Ollama advice (field case 12)', async () => {
    answerEveryRequestWith('cloudflare/403-1010-browser-signature.html');
    const options = await configureEndpoint(extension, { baseUrl, apiKey: API_KEY, model: MODEL });
    const before = chatRequests();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText('The request was blocked before it reached the model').waitFor({ timeout: 10_000 });
    // The error notice, not the rest of the page (whose Provider list names Ollama).
    const text = (await options.locator('[role="alert"]').allTextContents()).join(' ');
    expect(text).toContain(`${GATEWAY_HOST}:`);
    expect(text).toContain('Access denied (Cloudflare error 1010)');
    expect(text).toMatch(/another network, or switch a VPN or proxy/);
    expect(text).toContain('8f1a2b3c4d5e6f70');
    expect(text).not.toMatch(/OLLAMA_ORIGINS|Ollama|API key rejected|<\/?(html|div|h1|span)/);
    // One request: a 403 is never retried.
    expect(chatRequests() - before).toBe(1);
    await screenshot(options, 'options-cloudflare-403');
    await options.close();
  });

  it('a job shows the same diagnosis in the panel, without a retry loop', async () => {
    answerEveryRequestWith('cloudflare/403-1010-browser-signature.html');
    const before = chatRequests();
    const article = await extension.context.newPage();
    await article.goto(pages.urlOf('seed-de'));
    const panel = await openPanelFor(extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByText('The request was blocked before it reached the model').first().waitFor({ timeout: 15_000 });
    const text = (await panel.locator('body').textContent()) ?? '';
    expect(text).toContain('Access denied (Cloudflare error 1010)');
    expect(text).not.toMatch(/OLLAMA_ORIGINS|<\/?(html|div|h1|span)/);
    // At most one request for each part (analysis, translation), none repeated.
    await panel.waitForTimeout(1_000);
    expect(chatRequests() - before).toBeLessThanOrEqual(2);
    await screenshot(panel, 'sidepanel-cloudflare-403');
    await panel.close();
    await article.close();
  });

  it('a gateway’s 522 page says the provider is unreachable or overloaded', async () => {
    answerEveryRequestWith('cloudflare/522-connection-timed-out.html');
    const options = await extension.openPage('options.html');
    await options.getByLabel('Base URL').waitFor();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText('The provider is unreachable or overloaded').waitFor({ timeout: 30_000 });
    expect(await options.locator('body').textContent()).toContain('Connection timed out (Cloudflare)');
    await screenshot(options, 'options-cloudflare-522');
    await options.close();
    endpoint.setResponder(null);
  });
});
