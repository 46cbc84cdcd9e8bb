import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { artifactPath } from '@/tests/support/browser/screenshot';
import { requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';

/** The article's own last sentence, which no one is said to say. */
const UNATTRIBUTED = 'Es ist seine siebte Amtszeit als Präsident.';

const test = browserTest.override({ endpointOptions: { apiKey: 'sk-misattribution-test', models: ['test-model-1'] } });

test.beforeAll(async ({ openOptions, testEndpoint, endpoint }) => {
  await (await openOptions()).useEndpoint(testEndpoint);
  // A model (steered by the page, or wrong) that pins the article's unattributed sentence on the New York Times.
  const seed = JSON.parse(seedFixtures().analysis);
  const misattributed = {
    claim: 'According to the New York Times, it is his seventh term as president.',
    source: { name: 'The New York Times', role: null, type: 'media-outlet' },
    chain: [
      { name: 'This page', cue: null },
      { name: 'The New York Times', cue: 'so die NYT' },
    ],
    kind: 'reported-speech',
    hedges: [],
    quote: UNATTRIBUTED,
    paragraphId: 'p7',
  };
  const answer = JSON.stringify({ ...seed, notes: [seed.notes[3], misattributed] });
  endpoint.setResponder((request) =>
    requestPurpose(request.body) === 'analysis' ? { kind: 'stream', content: answer, chunkSize: 120 } : undefined,
  );
});

test.describe('a verbatim quote attributed to a source the article does not name for it', () => {
  test('says the quote was found but not its attribution, and does not count it verified', async ({ openArticle }) => {
    const article = await openArticle('seed-de', '?visit=misattribution');
    const panel = await article.openSidePanel();
    await panel.analyse();
    await panel.waitUntilDone();
    const sources = panel.region('Sources');
    await sources.getByText('1 of 2').waitFor();
    const cards = sources.locator('article.note-card');
    const clean = async (index: number) =>
      ((await cards.nth(index).locator('.grounding').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    // Konjunktiv I "sei" relaying "so die Zeitung weiter" of the sentence before: attributed by the article.
    expect(await clean(0)).toBe('✓ Quote found in the article, word for word in paragraph · p3');
    expect(await clean(1)).toBe('! Quote found, attribution not in it in paragraph · p7');
    await sources.screenshot({ path: artifactPath('sources-attribution-missing') });
  });
});
