import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

/**
 * The interface follows the browser's language: Chromium started in German shows the side panel in
 * German (locales/de.yml), while the analysis keeps its own target language (English by default).
 * Needs Chromium's German UI pack (Debian: chromium-l10n; .ci/run installs it).
 */
const API_KEY = 'sk-test-sourcelens-de';
const MODEL = 'test-model-1';

let world: World;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 }, { lang: 'de' });
});

afterAll(async () => {
  await world?.close();
});

describe('a German browser', { timeout: 180_000 }, () => {
  it('runs the extension in German', async () => {
    expect(await world.extension.serviceWorker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
    const manifest = await world.extension.serviceWorker.evaluate(() => ({
      name: chrome.i18n.getMessage('extName'),
      command: chrome.i18n.getMessage('commandAnalyse'),
    }));
    expect(manifest).toEqual({ name: 'Sourcelens', command: 'Diese Seite analysieren' });
  });

  it('shows the side panel in German, from the empty state to the analysed article', async () => {
    // The options form is set up through its English labels while it has no German yet.
    await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: API_KEY, model: MODEL });
    const article = await world.extension.context.newPage();
    await article.goto(world.pages.urlOf('seed-de'));
    const panel = await openPanelFor(world.extension, article);

    await panel.getByRole('heading', { name: 'Wer sagt das?' }).waitFor();
    expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-de-empty.png'), fullPage: true });

    await panel.getByRole('button', { name: 'Diese Seite analysieren' }).click();
    await panel.getByRole('button', { name: 'Neu erzeugen' }).waitFor({ timeout: 60_000 });
    for (const region of ['Zusammenfassung', 'Quellen', 'Übersetzung']) {
      await panel.getByRole('region', { name: region }).waitFor();
    }
    const text = (await panel.textContent('body')) ?? '';
    expect(text).toContain('Belegbericht');
    expect(text).toMatch(/\d+ Wörter/);
    // The analysis's own language stays English (its setting), so the summary is English.
    expect(await panel.getByRole('region', { name: 'Zusammenfassung' }).textContent()).toMatch(/Minsk|Belarus/);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.screenshot({ path: path.join(ARTIFACTS_DIR, `sidepanel-de-${scheme}.png`), fullPage: true });
    }
  });
});
