import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { OpenAITestServer } from '@/tests/support/openai-test-server';
import { loadWireErrorFixture, wireErrorScenario } from '@/tests/support/wire-error-fixtures';

/**
 * Error responses from a remote-looking endpoint (llm-gateway.example.test, mapped to the test
 * server), as a user meets them: Test connection on the options page and a job in the side panel.
 * Field case 12: a provider behind Cloudflare answers every request with its 403 block page.
 */
const GATEWAY_HOST = 'llm-gateway.example.test';

const test = browserTest
  .override({
    // https, as a remote endpoint must be (Options refuses plain http to a remote host).
    endpointOptions: { apiKey: 'sk-gateway-test', models: ['test-model-1'], tlsHostname: GATEWAY_HOST },
    launchOptions: { hostResolverRules: `MAP ${GATEWAY_HOST} 127.0.0.1` },
  })
  // The endpoint as the user enters it: by the gateway's name, which the browser maps to the test server.
  .override('testEndpoint', { scope: 'file' }, async ({ endpoint, endpointOptions }) => ({
    baseUrl: endpoint.url.replace('127.0.0.1', GATEWAY_HOST),
    apiKey: endpointOptions.apiKey ?? '',
    model: endpointOptions.models?.[0] ?? '',
  }));

function answerEveryRequestWith(endpoint: OpenAITestServer, fixtureName: string): void {
  const fixture = loadWireErrorFixture(fixtureName);
  endpoint.setResponder((request) => (request.method === 'OPTIONS' ? undefined : wireErrorScenario(fixture)));
}

function chatRequests(endpoint: OpenAITestServer): number {
  return endpoint.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
}

test.describe('an endpoint behind a firewall or gateway', () => {
  test('Test connection names Cloudflare’s block and what to try, never the Ollama advice (field case 12)', async ({
    endpoint,
    openOptions,
    testEndpoint,
  }) => {
    answerEveryRequestWith(endpoint, 'cloudflare/403-1010-browser-signature.html');
    const options = await openOptions();
    await options.useEndpoint(testEndpoint);
    const before = chatRequests(endpoint);
    await options.button('Test connection').click();
    await options.page.getByText('The request was blocked before it reached the model').waitFor({ timeout: 10_000 });
    // The error notice, not the rest of the page (whose Provider list names Ollama).
    const text = (await options.page.locator('[role="alert"]').allTextContents()).join(' ');
    expect(text).toContain(`${GATEWAY_HOST}:`);
    expect(text).toContain('Access denied (Cloudflare error 1010)');
    expect(text).toMatch(/another network, or switch a VPN or proxy/);
    expect(text).toContain('8f1a2b3c4d5e6f70');
    expect(text).not.toMatch(/OLLAMA_ORIGINS|Ollama|API key rejected|<\/?(html|div|h1|span)/);
    // One request: a 403 is never retried.
    expect(chatRequests(endpoint) - before).toBe(1);
    await options.screenshot('options-cloudflare-403');
    await options.page.close();
  });

  test('a job shows the same diagnosis in the panel, without a retry loop', async ({ endpoint, openArticle }) => {
    answerEveryRequestWith(endpoint, 'cloudflare/403-1010-browser-signature.html');
    const before = chatRequests(endpoint);
    const article = await openArticle('seed-de');
    const panel = await article.openSidePanel();
    await panel.analyse();
    await panel.page
      .getByText('The request was blocked before it reached the model')
      .first()
      .waitFor({ timeout: 15_000 });
    const text = (await panel.page.locator('body').textContent()) ?? '';
    expect(text).toContain('Access denied (Cloudflare error 1010)');
    expect(text).not.toMatch(/OLLAMA_ORIGINS|<\/?(html|div|h1|span)/);
    // At most one request for each part (analysis, translation), none repeated.
    await panel.page.waitForTimeout(1_000);
    expect(chatRequests(endpoint) - before).toBeLessThanOrEqual(2);
    await panel.screenshot('sidepanel-cloudflare-403');
    await panel.page.close();
    await article.page.close();
  });

  test('a gateway’s 522 page says the provider is unreachable or overloaded', async ({ endpoint, openOptions }) => {
    answerEveryRequestWith(endpoint, 'cloudflare/522-connection-timed-out.html');
    const options = await openOptions();
    await options.field('Base URL').waitFor();
    await options.button('Test connection').click();
    await options.page.getByText('The provider is unreachable or overloaded').waitFor({ timeout: 30_000 });
    expect(await options.page.locator('body').textContent()).toContain('Connection timed out (Cloudflare)');
    await options.screenshot('options-cloudflare-522');
    await options.page.close();
    endpoint.setResponder(null);
  });
});
