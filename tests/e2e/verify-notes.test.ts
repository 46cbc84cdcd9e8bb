import type { Locator, Page } from 'playwright-core';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { ArticlePage } from '@/tests/support/browser/pages/article-page';
import type { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { artifactPath } from '@/tests/support/browser/screenshot';
import { FABRICATED_NOTE } from '@/tests/support/components/seed-answer';
import { requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';

const SECRET_MEETING = 'Smiths Treffen mit Lukaschenko sei heimlich erfolgt.';

const test = browserTest.override({ endpointOptions: { apiKey: 'sk-verify-notes-test', models: ['test-model-1'] } });

test.beforeAll(async ({ openOptions, testEndpoint, endpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
  const seed = JSON.parse(seedFixtures().analysis);
  const answer = JSON.stringify({ ...seed, notes: [...seed.notes, FABRICATED_NOTE] });
  endpoint.setResponder((request) =>
    requestPurpose(request.body) === 'analysis' ? { kind: 'stream', content: answer, chunkSize: 120 } : undefined,
  );
});

/** The texts of the ranges registered under the extension's highlight in the page; null when there is none. */
function highlightedTexts(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('sourcelens-passage');
    return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : null;
  });
}

function noteCards(panel: SidePanel): Locator {
  return panel.region('Sources').locator('article.note-card');
}

async function cleanText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The seed article and its panel, analysed by the first test and read by the others. */
let article: ArticlePage;
let panel: SidePanel;

test.describe('notes a reader can verify', () => {
  test('tallies the verified notes, marks the fabricated one, counts the sources and draws the chains', async ({
    openArticle,
  }) => {
    article = await openArticle('seed-de', '?visit=verify');
    panel = await article.openSidePanel();
    await panel.analyseAfresh();

    const tally = panel.page.locator('.verification-tally__summary');
    await tally.waitFor({ timeout: 20_000 });
    expect(await cleanText(tally)).toBe('14 of 15 notes verified');
    await expect.poll(() => noteCards(panel).count()).toBe(15);

    const fabricated = noteCards(panel).nth(14);
    expect(await cleanText(fabricated.locator('.grounding'))).toBe('✕ Not found in the article');
    expect(await fabricated.locator('.grounding--verified').count()).toBe(0);
    expect(await cleanText(noteCards(panel).nth(3).locator('.grounding'))).toBe(
      '✓ Quote found in the article, word for word in paragraph · p3',
    );

    const counts = await panel.page
      .locator('.attribution-count')
      .evaluateAll((elements) =>
        elements.map(
          (element) => `${element.querySelector('dt')?.textContent}: ${element.querySelector('dd')?.textContent}`,
        ),
      );
    // The fabricated note is one more named source; it relays nobody and hedges nothing.
    expect(counts).toEqual([
      'Named sources: 8',
      'Anonymous sources: 1',
      'Unattributed: 6',
      'Hedged: 8',
      'Second-hand: 5',
    ]);

    const chain = noteCards(panel).first().getByRole('list', { name: 'Attribution chain' });
    expect(await chain.locator('.chain__name').allTextContents()).toEqual([
      'This page',
      'The New York Times',
      'Participants of the meeting (unnamed)',
      'Christopher Smith',
    ]);
    expect(await chain.locator('.chain__cue').first().textContent()).toBe('laut der New York Times (NYT)');

    // The pointer rests where the Analyse button was: off the summary, so no preview opens on hover.
    await panel.page.mouse.move(0, 0);
    await panel.screenshot('verify-notes-panel');
    const sources = await panel.region('Sources').boundingBox();
    if (sources) {
      await panel.screenshot('verify-notes-sources', {
        fullPage: true,
        clip: { x: 0, y: sources.y - 12, width: 420, height: 1150 },
      });
    }
    await noteCards(panel)
      .nth(14)
      .screenshot({ path: artifactPath('verify-notes-fabricated') });
    await panel.page.getByRole('checkbox', { name: 'Hide unverified notes' }).check();
    await expect.poll(() => noteCards(panel).count()).toBe(14);
    await panel.page.getByRole('checkbox', { name: 'Hide unverified notes' }).uncheck();
    await expect.poll(() => noteCards(panel).count()).toBe(15);
  });

  test('highlights exactly the note’s sentence in the page on a click; Escape in the panel clears it', async () => {
    const note = noteCards(panel).nth(3);
    const toggle = note.getByRole('button', { name: 'Show in page' });
    expect(await highlightedTexts(article.page)).toBeNull();
    await note.locator('.note-card__claim').click();
    await expect.poll(() => highlightedTexts(article.page), { timeout: 10_000 }).toEqual([SECRET_MEETING]);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await note.screenshot({ path: artifactPath('verify-notes-note-pressed') });

    // The passage was scrolled into view, centred.
    await article.bringToFront();
    await expect
      .poll(
        () =>
          article.page.evaluate(() => {
            const range = [...(CSS.highlights.get('sourcelens-passage') ?? [])][0];
            if (!(range instanceof Range)) return false;
            const rect = range.getBoundingClientRect();
            return rect.top > 0 && rect.bottom < window.innerHeight;
          }),
        { timeout: 5_000 },
      )
      .toBe(true);
    await article.page.waitForTimeout(600);
    await article.screenshot('verify-notes-page-highlight', { fullPage: false });

    await panel.page.bringToFront();
    await panel.page.keyboard.press('Escape');
    await expect.poll(() => highlightedTexts(article.page), { timeout: 10_000 }).toBeNull();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });

  test('a second click on the note clears it, and so does Escape in the page', async () => {
    const note = noteCards(panel).nth(0);
    const toggle = note.getByRole('button', { name: 'Show in page' });
    await toggle.click();
    await expect
      .poll(() => highlightedTexts(article.page), { timeout: 10_000 })
      .toEqual(['Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.']);
    await toggle.click();
    await expect.poll(() => highlightedTexts(article.page), { timeout: 10_000 }).toBeNull();

    // From the keyboard: focus the note's button and press Enter.
    await toggle.focus();
    await panel.page.keyboard.press('Enter');
    await expect.poll(() => highlightedTexts(article.page), { timeout: 10_000 }).not.toBeNull();
    await article.bringToFront();
    await article.page.keyboard.press('Escape');
    await expect.poll(() => highlightedTexts(article.page), { timeout: 10_000 }).toBeNull();
    // The page told the panel, which no longer shows the note as pressed.
    await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('false');
  });

  test('a summary point shows its cited paragraphs in the panel and highlights them in the page', async () => {
    await panel.page.bringToFront();
    const point = panel.region('Summary').locator('.summary-list > li').nth(1);
    expect(await point.locator('.citation-chip').allTextContents()).toEqual(['p2', 'p3']);
    await point.focus();
    const popover = point.locator('.cited-popover');
    await popover.waitFor();
    expect(await cleanText(popover)).toContain('Vor diesem Treffen hat Smith');
    const paragraphs = await article.page.evaluate(() =>
      [...document.querySelectorAll('.story-body p')].slice(1, 3).map((paragraph) => paragraph.textContent),
    );
    await expect.poll(() => highlightedTexts(article.page), { timeout: 10_000 }).toEqual(paragraphs);
    await panel.screenshot('verify-notes-cited-summary', { fullPage: false });
    await point.blur();
    await expect.poll(() => highlightedTexts(article.page), { timeout: 10_000 }).toBeNull();
  });

  test('says the page has changed when the passage is no longer on it', async ({ pages }) => {
    await article.page.goto(pages.urlOf('search-results'));
    await panel.page.bringToFront();
    const note = noteCards(panel).nth(3);
    await note.getByRole('button', { name: 'Show in page' }).click();
    await expect
      .poll(() => cleanText(note.getByRole('status')), { timeout: 10_000 })
      .toBe('The page has changed since it was read; this passage is no longer on it.');
    expect(await highlightedTexts(article.page)).toBeNull();
  });
});
