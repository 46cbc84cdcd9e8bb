import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { EvidenceReportSchema } from '@/lib/report/evidence-report-schema';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { artifactPath } from '@/tests/support/browser/screenshot';
import { requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';

const API_KEY = 'sk-report-test-7f3a9c2e5b1d4086';
const MODEL = 'test-model-1';

const test = browserTest
  .override({ endpointOptions: { apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 } })
  // The seed article analysed once, before the first test (auto): every test reads this panel.
  .extend('panel', { scope: 'file', auto: true }, async ({ openOptions, openArticle, testEndpoint }) => {
    await (await openOptions()).useEndpoint(testEndpoint);
    const article = await openArticle('seed-de');
    const panel = await article.openSidePanel();
    await panel.analyse();
    await panel.waitUntilDone(30_000);
    return panel;
  });

/** Clicks an export button and returns the file the browser saved. */
async function exportFile(
  panel: SidePanel,
  name: 'Export JSON' | 'Export Markdown',
): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([
    panel.page.waitForEvent('download', { timeout: 10_000 }),
    panel.page.getByRole('button', { name }).click(),
  ]);
  const file = await download.path();
  return { download, text: await readFile(file, 'utf8') };
}

test.describe('the seed article: bilingual view and evidence report', () => {
  test('sets each original paragraph beside its translation, p1 with p1', async ({ panel }) => {
    const translation = panel.region('Translation');
    await expect.poll(() => translation.textContent(), { timeout: 20_000 }).toMatch(/allegedly/);
    const toggle = translation.getByRole('button', { name: 'Side by side' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    const pairs = translation.locator('.bilingual__pair');
    await expect.poll(() => pairs.count()).toBe(7);
    const p1 = translation.locator('[data-paragraph-id="p1"]');
    expect(await p1.locator('.bilingual__original').textContent()).toMatch(/^Ein mutmaßlich bedeutsames Abkommen/);
    expect(await p1.locator('.bilingual__original').getAttribute('lang')).toBe('de');
    expect(await p1.locator('.bilingual__translation').textContent()).toMatch(/^An allegedly significant agreement/);
    expect(await p1.locator('.bilingual__translation').getAttribute('lang')).toBe('en');
    const p7 = translation.locator('[data-paragraph-id="p7"]');
    expect(await p7.locator('.bilingual__translation').textContent()).toMatch(/Central Election Commission/);
    // The seed translation keeps every hedge: nothing is flagged.
    expect(await translation.locator('.hedge-count').count()).toBe(0);
    // In the narrow panel each pair is stacked: the translation below its original.
    const originalBox = await p1.locator('.bilingual__original').boundingBox();
    const translationBox = await p1.locator('.bilingual__translation').boundingBox();
    expect((translationBox?.y ?? 0) > (originalBox?.y ?? 0) + (originalBox?.height ?? 0) - 1).toBe(true);
    await translation.scrollIntoViewIfNeeded();
    await translation.screenshot({ path: artifactPath('sidepanel-bilingual') });

    // Where there is room, original and translation sit side by side.
    await panel.page.setViewportSize({ width: 960, height: 1400 });
    const wideOriginal = await p1.locator('.bilingual__original').boundingBox();
    const wideTranslation = await p1.locator('.bilingual__translation').boundingBox();
    expect(Math.abs((wideTranslation?.y ?? 0) - (wideOriginal?.y ?? 0))).toBeLessThan(2);
    expect((wideTranslation?.x ?? 0) > (wideOriginal?.x ?? 0)).toBe(true);
    await translation.screenshot({ path: artifactPath('sidepanel-bilingual-wide') });
    await panel.page.setViewportSize({ width: 420, height: 1400 });
  });

  test("keeps the model's background knowledge in its own block below the notes", async ({ panel }) => {
    const block = panel.region('Sources').getByRole('complementary', {
      name: "Not from the article — the model's background knowledge",
    });
    await block.waitFor();
    expect(await block.textContent()).toMatch(/Christopher Smith[\s\S]*From general knowledge, not from the article/);
    expect(await panel.region('Sources').locator('.notes').textContent()).not.toMatch(/general knowledge/);
    await block.scrollIntoViewIfNeeded();
    await block.screenshot({ path: artifactPath('sidepanel-outside-knowledge') });
  });

  test('exports the evidence report as JSON that validates, with paragraphs, verified notes and no API key', async ({
    panel,
    endpoint,
  }) => {
    const { download, text } = await exportFile(panel, 'Export JSON');
    expect(download.suggestedFilename()).toMatch(
      /^sourcelens-abkommen-zwischen-washington-und-minsk-steht-offenbar-kurz-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const report = EvidenceReportSchema.parse(JSON.parse(text));
    expect(report.paragraphs).toHaveLength(7);
    expect(report.paragraphs[0]?.id).toBe('p1');
    expect(report.source.canonicalUrl).toBe('https://weltblick.example/international/minsk-washington-abkommen');
    expect(report.source.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.outlet.siteName).toBe('Weltblick Nachrichten');
    expect(report.notes.length).toBeGreaterThan(5);
    for (const note of report.notes) {
      expect(note.verification.status).toBe('verified');
      const paragraph = report.paragraphs.find((candidate) => candidate.id === note.verification.paragraphId);
      expect(paragraph?.text.slice(note.verification.start ?? 0, note.verification.end ?? 0)).toBe(note.quote);
    }
    expect(report.translation.paragraphs.map((pair) => pair.paragraphId)).toEqual(
      report.paragraphs.map((paragraph) => paragraph.id),
    );
    expect(report.hedgePreservation.every((check) => check.status === 'kept')).toBe(true);
    expect(report.outsideKnowledge.length).toBeGreaterThan(0);
    expect(report.generator.model).toBe(MODEL);
    expect(report.generator.endpointHost).toBe(new URL(endpoint.url).host);
    expect(text).not.toContain(API_KEY);
  });

  test('exports the same report as Markdown, also without the key', async ({ panel }) => {
    const { download, text } = await exportFile(panel, 'Export Markdown');
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    expect(text).toMatch(/^# Evidence report: Abkommen zwischen Washington und Minsk/);
    expect(text).toContain('✓ verified');
    expect(text).toContain('> Ein mutmaßlich bedeutsames Abkommen');
    expect(text).not.toContain(API_KEY);
    // The end of the panel as the user sees it: the last translated pairs and the export bar.
    await panel.page.locator('.export-bar').scrollIntoViewIfNeeded();
    await panel.screenshot('sidepanel-export', { fullPage: false });
  });

  test('flags the paragraph whose translation dropped "mutmaßlich", in the count and beside the paragraph', async ({
    panel,
    endpoint,
  }) => {
    const unhedged = seedFixtures().translation.replace('An allegedly significant', 'A significant');
    endpoint.setResponder((request) =>
      requestPurpose(request.body) === 'translation' ? { kind: 'stream', content: unhedged } : undefined,
    );
    await panel.button('Regenerate').click();
    const translation = panel.region('Translation');
    await translation.locator('.hedge-count').waitFor({ timeout: 20_000 });
    expect(await translation.locator('.hedge-count').textContent()).toContain('1 paragraph may have lost a hedge');
    if ((await translation.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')) !== 'true') {
      await translation.getByRole('button', { name: 'Side by side' }).click();
    }
    const flagged = translation.locator('.bilingual__pair--flagged');
    await expect.poll(() => flagged.count()).toBe(1);
    expect(await flagged.getAttribute('data-paragraph-id')).toBe('p1');
    expect(await flagged.textContent()).toMatch(/A hedge may be lost[\s\S]*mutmaßlich/);
    await translation.scrollIntoViewIfNeeded();
    await panel.screenshot('sidepanel-hedge-flag', { fullPage: false });

    const { text } = await exportFile(panel, 'Export JSON');
    const report = EvidenceReportSchema.parse(JSON.parse(text));
    expect(
      report.hedgePreservation.filter((check) => check.status !== 'kept').map((check) => check.paragraphId),
    ).toEqual(['p1']);
    endpoint.setResponder(null);
  });
});
