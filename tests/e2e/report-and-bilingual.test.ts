import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceReportSchema } from '../../lib/report/evidence-report-schema';
import type { OpenAITestServer } from '../support/openai-test-server';
import { requestPurpose, seedFixtures } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import type { PageServer } from './support/page-server';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-report-test-7f3a9c2e5b1d4086';
const MODEL = 'test-model-1';

let extension: LoadedExtension;
let endpoint: OpenAITestServer;
let pages: PageServer;
let world: World | undefined;
let panel: Page;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 5 });
  ({ extension, endpoint, pages } = world);
  await configureEndpoint(extension, { baseUrl: endpoint.url, apiKey: API_KEY, model: MODEL });
  const article = await extension.context.newPage();
  await article.goto(pages.urlOf('seed-de'));
  panel = await openPanelFor(extension, article);
  await panel.getByRole('button', { name: 'Analyse this page' }).click();
  await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await world?.close();
});

function region(name: 'Summary' | 'Sources' | 'Translation') {
  return panel.getByRole('region', { name });
}

/** Clicks an export button and returns the file the browser saved. */
async function exportFile(name: 'Export JSON' | 'Export Markdown'): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([
    panel.waitForEvent('download', { timeout: 10_000 }),
    panel.getByRole('button', { name }).click(),
  ]);
  const file = await download.path();
  return { download, text: await readFile(file, 'utf8') };
}

describe('the seed article: bilingual view and evidence report', () => {
  it('sets each original paragraph beside its translation, p1 with p1', async () => {
    const translation = region('Translation');
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
    await translation.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-bilingual.png') });

    // Where there is room, original and translation sit side by side.
    await panel.setViewportSize({ width: 960, height: 1400 });
    const wideOriginal = await p1.locator('.bilingual__original').boundingBox();
    const wideTranslation = await p1.locator('.bilingual__translation').boundingBox();
    expect(Math.abs((wideTranslation?.y ?? 0) - (wideOriginal?.y ?? 0))).toBeLessThan(2);
    expect((wideTranslation?.x ?? 0) > (wideOriginal?.x ?? 0)).toBe(true);
    await translation.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-bilingual-wide.png') });
    await panel.setViewportSize({ width: 420, height: 1400 });
  });

  it("keeps the model's background knowledge in its own block below the notes", async () => {
    const block = region('Sources').getByRole('complementary', {
      name: "Not from the article — the model's background knowledge",
    });
    await block.waitFor();
    expect(await block.textContent()).toMatch(/Christopher Smith[\s\S]*From general knowledge, not from the article/);
    expect(await region('Sources').locator('.notes').textContent()).not.toMatch(/general knowledge/);
    await block.scrollIntoViewIfNeeded();
    await block.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-outside-knowledge.png') });
  });

  it('exports the evidence report as JSON that validates, with paragraphs, verified notes and no API key', async () => {
    const { download, text } = await exportFile('Export JSON');
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

  it('exports the same report as Markdown, also without the key', async () => {
    const { download, text } = await exportFile('Export Markdown');
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    expect(text).toMatch(/^# Evidence report: Abkommen zwischen Washington und Minsk/);
    expect(text).toContain('✓ verified');
    expect(text).toContain('> Ein mutmaßlich bedeutsames Abkommen');
    expect(text).not.toContain(API_KEY);
    // The end of the panel as the user sees it: the last translated pairs and the export bar.
    await panel.locator('.export-bar').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-export.png') });
  });

  it('flags the paragraph whose translation dropped "mutmaßlich", in the count and beside the paragraph', async () => {
    const unhedged = seedFixtures().translation.replace('An allegedly significant', 'A significant');
    endpoint.setResponder((request) =>
      requestPurpose(request.body) === 'translation' ? { kind: 'stream', content: unhedged } : undefined,
    );
    await panel.getByRole('button', { name: 'Regenerate' }).click();
    const translation = region('Translation');
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
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sidepanel-hedge-flag.png') });

    const { text } = await exportFile('Export JSON');
    const report = EvidenceReportSchema.parse(JSON.parse(text));
    expect(
      report.hedgePreservation.filter((check) => check.status !== 'kept').map((check) => check.paragraphId),
    ).toEqual(['p1']);
    endpoint.setResponder(null);
  });
});
