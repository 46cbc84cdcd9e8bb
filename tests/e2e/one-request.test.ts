import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { requestPurpose } from '@/tests/support/seed-fixtures';

/**
 * The seed is short: sending it twice would cost more than 2.3× its tokens, and with limits like
 * gpt-4o-mini's one answer holds both, so one request answers both (lib/budget/request-plan.ts).
 * The test endpoint is on loopback, which Sourcelens treats as a local server with a small window
 * unless told otherwise: the test tells it, in Options, as the user of a large local model would.
 */
const test = browserTest.override({
  // Slow enough that the long notes stream for seconds after the translation has closed.
  endpointOptions: {
    apiKey: 'sk-test-one-request-0123456789',
    models: ['gpt-4o-mini'],
    fixtureChunkSize: 24,
    fixtureDelayMs: 15,
  },
});

test.describe('a short article, in one request', () => {
  test('streams summary, translation and notes from one answer, the translation whole before the notes are', async ({
    openOptions,
    openArticle,
    testEndpoint,
    endpoint,
  }) => {
    const options = await openOptions();
    await options.useEndpoint(testEndpoint);
    await options.set({ 'Context window (tokens)': '128000', 'Longest answer (tokens)': '16384' });
    const article = await openArticle('seed-de');
    const panel = await article.openSidePanel();
    await panel.analyse();

    await expect
      .poll(() => panel.textOf('Translation'), { timeout: 20_000 })
      .toMatch(/according to the central election commission/i);
    // The translation is done while the notes are still arriving: Cancel is still there for them.
    expect(await panel.button('Cancel').isVisible()).toBe(true);
    expect(await panel.notes().count()).toBeLessThan(14);
    // The cost line says why there is one request.
    expect(await panel.page.locator('[title*="in one answer, so the article is sent once"]').count()).toBe(1);
    await panel.screenshot('sidepanel-one-request-streaming', { fullPage: false });

    await panel.waitUntilDone(30_000);
    expect(
      ((await panel.page.locator('.verification-tally__summary').textContent()) ?? '').replace(/\s+/g, ' '),
    ).toMatch(/14 of 14 notes verified/);
    expect(await panel.textOf('Summary')).toMatch(/Lukashenko/);
    expect(await panel.textOf('Translation')).toMatch(/allegedly[\s\S]*according to/i);

    const chats = endpoint.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chats.map((request) => requestPurpose(request.body))).toEqual(['combined']);
    await panel.screenshot('sidepanel-one-request');
  }, 60_000);
});
