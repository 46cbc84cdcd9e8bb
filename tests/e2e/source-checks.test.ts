import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { saveScreenshot } from '@/tests/support/browser/screenshot';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { SEED_SOURCE_SLUG, seedHtmlLinkingNyt } from '@/tests/support/source-page';

/**
 * Source checks from the side panel, as a reader uses them: the seed article, served with its
 * NYT link pointing at the local stand-in page (tests/fixtures/pages/source-nyt-belarus-en), is
 * analysed; Check against The New York Times asks host access (granted: the e2e build may read
 * 127.0.0.1), the background reads the page and checks the five claims the notes attribute to
 * it; the tally, the verdicts and passages on the notes, and the text-fragment link are shown.
 * Needs the background's checkSources runner (lib/sources, the background side of issue 14).
 */
const KEY = 'sk-source-checks-e2e-0123';
const test = browserTest.override({
  endpointOptions: { apiKey: KEY, models: ['test-model-1'], respond: sourceCheckResponder() },
});

test.beforeAll(async ({ openOptions, testEndpoint, pages }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
  // The seed page as published, its link to the NYT pointing at the stand-in the page server serves.
  pages.addPage('seed-de-linked', seedHtmlLinkingNyt(pages.urlOf(SEED_SOURCE_SLUG)));
});

test.describe('checking the article against its linked source, in the side panel', { timeout: 120_000 }, () => {
  test('Check against The New York Times: tally, verdicts, passages and the text-fragment link', async ({
    openArticle,
    extension,
    pages,
  }) => {
    const article = await openArticle('seed-de-linked');
    const panel = await article.openSidePanel();
    await panel.analyseAfresh();
    await panel.waitUntilDone(60_000);
    const sources = panel.region('Sources');
    const check = panel.button('Check against The New York Times');
    await check.waitFor({ timeout: 10_000 });
    await panel.screenshot('source-checks-offered');

    await check.click();
    const tally = sources.getByTestId('source-check-tally');
    await tally.waitFor({ timeout: 60_000 });
    expect(await tally.textContent()).toMatch(
      /^4 of 5 claims attributed to The New York Times found in its article; 1 partly: .*could consider easing some'; 1 not found: “Smith’s meeting with Lukashenko reportedly took place in secret”$/,
    );
    // The source's date beside the article's (the stand-in NYT page is dated the same day, later).
    expect(await sources.locator('.source-check__dates').textContent()).toMatch(/^The New York Times published /);

    // Verdicts on the notes: three supported, one partly, one not found; none unverified.
    const verdict = (name: string) => sources.locator(`.source-verdict[data-verdict="${name}"]`);
    expect(await verdict('supported').count()).toBe(3);
    expect(await verdict('partly-supported').count()).toBe(1);
    expect(await verdict('not-found').count()).toBe(1);
    expect(await verdict('unverified').count()).toBe(0);

    const partly = verdict('partly-supported');
    expect(await partly.locator('.source-verdict__differs').textContent()).toContain('could consider easing some');
    const passage = partly.locator('blockquote');
    expect(await passage.getAttribute('lang')).toBe('en');
    expect(await passage.textContent()).toMatch(/^In exchange for the release of more political prisoners/);
    const link = partly.getByRole('link', { name: 'Open The New York Times at this passage' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${pages.urlOf(SEED_SOURCE_SLUG)}#:~:text=`)).toBe(true);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');

    await panel.screenshot('source-checks-checked');
    await partly.scrollIntoViewIfNeeded();
    await panel.screenshot('source-checks-note-verdict', { fullPage: false });

    // The link opens the source at the passage, in a new tab.
    const [sourceTab] = await Promise.all([extension.context.waitForEvent('page'), link.click()]);
    await sourceTab.waitForLoadState('load');
    expect(sourceTab.url()).toContain('#:~:text=');
    await saveScreenshot(sourceTab, 'source-checks-text-fragment', { fullPage: false });
    await sourceTab.close();
  });
  // A declined permission is declined on the browser's real prompt, in headed Chromium:
  // source-check-permission-prompt.test.ts.
});
