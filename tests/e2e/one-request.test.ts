import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPurpose } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

/**
 * The seed is short: sending it twice would cost more than 2.3× its tokens, and with limits like
 * gpt-4o-mini's one answer holds both, so one request answers both (lib/budget/request-plan.ts).
 * The test endpoint is on loopback, which Sourcelens treats as a local server with a small window
 * unless told otherwise: the test tells it, in Options, as the user of a large local model would.
 */
const API_KEY = 'sk-test-one-request-0123456789';
const MODEL = 'gpt-4o-mini';

let world: World;

beforeAll(async () => {
  // Slow enough that the long notes stream for seconds after the translation has closed.
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureChunkSize: 24, fixtureDelayMs: 15 });
});

afterAll(async () => {
  await world?.close();
});

describe('a short article, in one request', () => {
  it('streams summary, translation and notes from one answer, the translation whole before the notes are', async () => {
    const { extension, endpoint, pages } = world;
    const options = await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
    await options.getByLabel('Context window (tokens)').fill('128000');
    await options.getByLabel('Longest answer (tokens)').fill('16384');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved').waitFor();
    const article = await extension.context.newPage();
    await article.goto(pages.urlOf('seed-de'));
    const panel = await openPanelFor(extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();

    const translation = panel.getByRole('region', { name: 'Translation' });
    await expect
      .poll(() => translation.textContent(), { timeout: 20_000 })
      .toMatch(/according to the central election commission/i);
    // The translation is done while the notes are still arriving: Cancel is still there for them.
    expect(await panel.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    expect(await panel.locator('.note-card').count()).toBeLessThan(14);
    // The cost line says why there is one request.
    expect(await panel.locator('[title*="in one answer, so the article is sent once"]').count()).toBe(1);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-one-request-streaming.png') });

    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 30_000 });
    expect(((await panel.locator('.verification-tally__summary').textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(
      /14 of 14 notes verified/,
    );
    expect(await panel.getByRole('region', { name: 'Summary' }).textContent()).toMatch(/Lukashenko/);
    expect(await translation.textContent()).toMatch(/allegedly[\s\S]*according to/i);

    const chats = endpoint.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chats.map((request) => requestPurpose(request.body))).toEqual(['combined']);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-one-request.png'), fullPage: true });
  }, 60_000);
});
