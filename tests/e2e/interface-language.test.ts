import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { saveScreenshot } from '@/tests/support/browser/screenshot';

/**
 * The interface follows the browser's language: Chromium started in German shows the side panel in
 * German (locales/de.yml), while the analysis keeps its own target language (English by default).
 * Needs Chromium's German UI pack (Debian: chromium-l10n; .ci/run installs it).
 */
const test = browserTest.override({
  endpointOptions: { apiKey: 'sk-test-sourcelens-de', models: ['test-model-1'], fixtureDelayMs: 5 },
  launchOptions: { lang: 'de' },
});

test.describe('a German browser', { timeout: 180_000 }, () => {
  test('runs the extension in German', async ({ extension }) => {
    expect(await extension.serviceWorker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
    const manifest = await extension.serviceWorker.evaluate(() => ({
      name: chrome.i18n.getMessage('extName'),
      command: chrome.i18n.getMessage('commandAnalyse'),
    }));
    expect(manifest).toEqual({ name: 'Sourcelens', command: 'Diese Seite analysieren' });
  });

  test('sets up the endpoint on the options page in German', async ({ openOptions, testEndpoint }) => {
    // OptionsPage's helpers go by the English labels: here the German ones are the point.
    const options = (await openOptions()).page;
    await options.getByRole('heading', { name: 'Optionen', exact: true }).waitFor();
    await options.getByLabel('Anbieter').selectOption('custom');
    await options.getByLabel('Basis-URL').fill(testEndpoint.baseUrl);
    await options.getByLabel('API-Schlüssel', { exact: true }).fill(testEndpoint.apiKey);
    await options.getByLabel('Modell', { exact: true }).fill(testEndpoint.model);
    await options.getByRole('button', { name: 'Speichern' }).click();
    await options.getByText('Gespeichert', { exact: true }).waitFor();
    expect(await options.title()).toBe('Sourcelens-Optionen');
    await saveScreenshot(options, 'options-de');
  });

  test('shows the side panel in German, from the empty state to the analysed article', async ({ openArticle }) => {
    const article = await openArticle('seed-de');
    const panel = (await article.openSidePanel()).page;

    await panel.getByRole('heading', { name: 'Wer sagt das?' }).waitFor();
    expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    await saveScreenshot(panel, 'sidepanel-de-empty');

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
      await saveScreenshot(panel, `sidepanel-de-${scheme}`);
    }

    const popup = await article.openPopup();
    await popup.getByRole('button', { name: 'Seitenleiste öffnen' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => popup.textContent('body'), { timeout: 20_000 })
      .toMatch(/Quellennotizen und die Übersetzung/);
    await saveScreenshot(popup, 'popup-de');
  });
});
