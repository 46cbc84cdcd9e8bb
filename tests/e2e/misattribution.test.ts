import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPurpose, seedFixtures } from '../support/seed-fixtures';
import { configureEndpoint, openPanelFor } from './support/configure';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

const API_KEY = 'sk-misattribution-test';
const MODEL = 'test-model-1';
/** The article's own last sentence, which no one is said to say. */
const UNATTRIBUTED = 'Es ist seine siebte Amtszeit als Präsident.';

let world: World | undefined;

beforeAll(async () => {
  world = await startWorld({ apiKey: API_KEY, models: [MODEL] });
  await configureEndpoint(world.extension, { baseUrl: world.endpoint.url, apiKey: API_KEY, model: MODEL });
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
  world.endpoint.setResponder((request) =>
    requestPurpose(request.body) === 'analysis' ? { kind: 'stream', content: answer, chunkSize: 120 } : undefined,
  );
});

afterAll(async () => {
  await world?.close();
});

describe('a verbatim quote attributed to a source the article does not name for it', () => {
  it('says the quote was found but not its attribution, and does not count it verified', async () => {
    if (!world) throw new Error('not started');
    const article = await world.extension.context.newPage();
    await article.goto(`${world.pages.urlOf('seed-de')}?visit=misattribution`);
    const panel = await openPanelFor(world.extension, article);
    await panel.getByRole('button', { name: 'Analyse this page' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor({ timeout: 20_000 });
    const sources = panel.getByRole('region', { name: 'Sources' });
    await sources.getByText('1 of 2').waitFor();
    const cards = sources.locator('article.note-card');
    const clean = async (index: number) =>
      ((await cards.nth(index).locator('.grounding').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    // Konjunktiv I "sei" relaying "so die Zeitung weiter" of the sentence before: attributed by the article.
    expect(await clean(0)).toBe('✓ Quote found in the article, word for word in paragraph · p3');
    expect(await clean(1)).toBe('! Quote found, attribution not in it in paragraph · p7');
    await sources.screenshot({ path: path.join(ARTIFACTS_DIR, 'sources-attribution-missing.png') });
  });
});
