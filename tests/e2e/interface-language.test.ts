import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanelFor } from './support/configure';
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

  it('sets up the endpoint on the options page in German', async () => {
    const options = await world.extension.openPage('options.html');
    await options.getByRole('heading', { name: 'Optionen', exact: true }).waitFor();
    await options.getByLabel('Anbieter').selectOption('custom');
    await options.getByLabel('Basis-URL').fill(world.endpoint.url);
    await options.getByLabel('API-Schlüssel', { exact: true }).fill(API_KEY);
    await options.getByLabel('Modell', { exact: true }).fill(MODEL);
    await options.getByRole('button', { name: 'Speichern' }).click();
    await options.getByText('Gespeichert', { exact: true }).waitFor();
    expect(await options.title()).toBe('Sourcelens-Optionen');
    await options.screenshot({ path: path.join(ARTIFACTS_DIR, 'options-de.png'), fullPage: true });
  });

  it('shows the side panel in German, from the empty state to the analysed article', async () => {
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

    const popup = await world.extension.openPage(`popup.html?tabId=${await world.extension.tabIdOf(article)}`);
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.getByRole('button', { name: 'Seitenleiste öffnen' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => popup.textContent('body'), { timeout: 20_000 })
      .toMatch(/Quellennotizen und die Übersetzung/);
    await popup.screenshot({ path: path.join(ARTIFACTS_DIR, 'popup-de.png'), fullPage: true });
  });
});
