import { AnalysisSchema } from '@/lib/attribution/analysis';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import type { OpenAITestServer, RecordedRequest } from '@/tests/support/openai-test-server';
import { combinedAnswer, requestPurpose, seedFixtures, seedTranslationFor } from '@/tests/support/seed-fixtures';

const API_KEY = 'sk-extraction-test';
const MODEL = 'test-model-1';

/** The sentence of the shadow-DOM article (tests/fixtures/pages/shadow-dom-article-it) a note quotes. */
const SHADOW_QUOTE =
  "Stando a quanto riferiscono alcuni residenti, crepe sull'asfalto sarebbero state segnalate al comune già in primavera, senza che venissero eseguiti controlli.";

/** A sentence each hiding form of the hostile page carries, numbered so a leak names its form. */
const FABRICATED = 'Der Innenminister bestätigte dieser Zeitung den geheimen Deal persönlich';
const HIDING_FORMS = [
  'style="display:none"',
  'style="visibility:hidden"',
  'hidden',
  'aria-hidden="true" style="position:absolute;left:-9999px"',
  'class="offscreen"',
  'style="font-size:0"',
  'style="color:transparent"',
  'style="opacity:0"',
  'class="sr-only"',
  'style="width:0;height:0;overflow:hidden"',
];

function hostilePage(): string {
  const paragraph = (index: number) =>
    `<p>Absatz ${index}: Der Stadtrat hat am Dienstag über den Haushalt beraten, sagte eine Sprecherin der Verwaltung nach der Sitzung im Rathaus. Die Fraktionen wollen den Entwurf in den Ausschüssen weiter beraten und im Dezember darüber abstimmen, hieß es.</p>`;
  const hidden = HIDING_FORMS.map((attributes, index) => `<p ${attributes}>${FABRICATED} (Form ${index + 1}).</p>`);
  const body = [1, 2, 3, 4, 5].map((index) => `${paragraph(index)}${hidden.slice(index * 2 - 2, index * 2).join('')}`);
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Haushalt vertagt – Stadtanzeiger</title>
<style>.offscreen { position: absolute; left: -10000px; top: 0 } .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }</style>
</head><body><main><article><h1>Haushalt vertagt</h1>${body.join('\n')}</article></main></body></html>`;
}

/**
 * A Catalan story under a template that declares English, with no `lang` of its own: the in-page
 * function-word check knows no Catalan, so only the browser's detector can tell.
 */
function catalanUnderEnglishTemplate(): string {
  const paragraphs = [
    'L’Ajuntament va anunciar dimarts que el mercat municipal tancarà tres mesos a partir del gener per fer-hi obres de reforma de la coberta i de les instal·lacions elèctriques.',
    'Segons fonts municipals, les parades es traslladaran provisionalment a la plaça del Sol, on s’instal·laran carpes i un punt d’informació per als veïns i els clients habituals.',
    'Els paradistes, però, asseguren que ningú no els ha consultat i demanen una reunió urgent amb l’alcaldessa abans que s’aprovi definitivament el calendari de les obres.',
    'La presidenta de l’associació de comerciants va explicar que les vendes podrien caure a la meitat durant aquests mesos, sobretot a les parades de peix i de carn.',
    'L’Ajuntament va afirmar que estudiarà ajudes per compensar les pèrdues i que les obres, pressupostades en un milió d’euros, s’haurien d’acabar abans de Setmana Santa.',
  ];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>El mercat municipal tancarà tres mesos per obres | Veus del Camp</title></head>
<body><div class="topbar"><a href="/">Home</a> <a href="/signin">Sign in</a> <button>Get started</button></div>
<main><article><h1>El mercat municipal tancarà tres mesos per obres</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article></main>
<footer><a href="/help">Help</a> <a href="/privacy">Privacy</a></footer></body></html>`;
}

/** The seed answer with one note, quoting the shadow-DOM article's sentence in its paragraph p4. */
function shadowAnalysis(): string {
  const seed = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));
  const [first] = seed.notes;
  if (!first) throw new Error('the seed answer has no notes');
  return JSON.stringify({
    summary: [
      {
        text: 'A landslide cut off three hamlets; residents say cracks were reported in spring.',
        paragraphIds: ['p1', 'p4'],
      },
    ],
    notes: [
      { ...first, claim: 'Cracks were reported to the council in spring.', quote: SHADOW_QUOTE, paragraphId: 'p4' },
    ],
    outsideKnowledge: [],
  });
}

function chatBodies(endpoint: OpenAITestServer): string[] {
  return endpoint.requests
    .filter((request: RecordedRequest) => request.path.endsWith('/chat/completions'))
    .map((request) => JSON.stringify(request.body));
}

const test = browserTest.override({ endpointOptions: { apiKey: API_KEY, models: [MODEL], fixtureDelayMs: 2 } });

test.beforeAll(async ({ pages, openOptions, testEndpoint }) => {
  pages.addPage('hidden-text', hostilePage());
  pages.addPage('catalan-under-english', catalanUnderEnglishTemplate());
  await (await openOptions()).useEndpoint(testEndpoint);
});

test.beforeEach(({ endpoint }) => {
  endpoint.requests.splice(0);
  endpoint.setResponder(null);
});

test.describe('articles as news sites publish them, in Chromium', () => {
  test('reads an article inside a shadow root and highlights its quote there on a click', async ({
    endpoint,
    openArticle,
  }) => {
    endpoint.setResponder((request) => {
      if (request.method !== 'POST') return undefined;
      const purpose = requestPurpose(request.body);
      const content =
        purpose === 'combined'
          ? combinedAnswer(shadowAnalysis(), seedTranslationFor(request.body))
          : purpose === 'analysis'
            ? shadowAnalysis()
            : undefined;
      return content === undefined ? undefined : { kind: 'stream', content, chunkSize: 40, delayMs: 2 };
    });
    const tab = await openArticle('shadow-dom-article-it');
    const panel = await tab.openSidePanel();
    await panel.analyseAfresh();
    expect(await panel.page.locator('header').first().textContent()).toContain('Frana sulla provinciale');
    const note = panel.region('Sources').locator('article.note-card').first();
    await note.waitFor({ timeout: 20_000 });
    await panel.waitUntilDone(20_000);
    // Found word for word in the shadow root's text (this stand-in note keeps the seed's source, so its
    // attribution is rightly not found in the Italian sentence: that check is verify-notes' business).
    expect(await note.textContent()).toMatch(/Quote found/);
    // What was sent: the article from the shadow root, not the page's menu, weather box or footer.
    const bodies = chatBodies(endpoint);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).toContain('Una frana di circa duemila metri cubi');
      expect(body).not.toMatch(/Domani pioggia debole|Redazione/);
    }

    await note.getByRole('button', { name: 'Show in page' }).click();
    const highlighted = () =>
      tab.page.evaluate(() => {
        const highlight = CSS.highlights.get('sourcelens-passage');
        return highlight
          ? [...highlight].map((range) => ({
              text: range instanceof Range ? range.toString() : '',
              inShadowRoot: range instanceof Range && range.startContainer.getRootNode() instanceof ShadowRoot,
            }))
          : [];
      });
    await expect.poll(highlighted, { timeout: 10_000 }).toEqual([{ text: SHADOW_QUOTE, inShadowRoot: true }]);
    // The rule that paints it is adopted by the shadow root (document styles do not reach into it).
    const adopted = await tab.page.evaluate(
      () => document.querySelector('nl-article-page')?.shadowRoot?.adoptedStyleSheets.length ?? 0,
    );
    expect(adopted).toBe(1);
    await tab.bringToFront();
    await tab.screenshot('extraction-shadow-dom-highlight', { fullPage: false });
    await tab.page.keyboard.press('Escape');
    await expect.poll(highlighted, { timeout: 10_000 }).toEqual([]);
    expect(
      await tab.page.evaluate(
        () => document.querySelector('nl-article-page')?.shadowRoot?.adoptedStyleSheets.length ?? 0,
      ),
    ).toBe(0);
  });

  test('says in the panel that a paywall hides the rest, and sends neither the box nor the hidden fragment', async ({
    endpoint,
    openArticle,
  }) => {
    const tab = await openArticle('paywall-teaser-de');
    const panel = await tab.openSidePanel();
    await panel.analyseAfresh();
    const notice = panel.page.getByRole('note');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toBe(
      'Only the part shown on the page was analysed (4 paragraphs): the rest is behind a paywall',
    );
    await panel.waitUntilDone(20_000);
    expect(await panel.page.locator('.summary-caveat').textContent()).toContain(
      'only the 4 paragraphs shown before the paywall',
    );
    const bodies = chatBodies(endpoint);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).toContain('Der Kreistag hat die geplante Fusion');
      expect(body).not.toMatch(
        /Sie möchten weiterlesen|Jetzt RZ\+ testen|Nach Informationen unserer Zeitung|Meistgelesen/,
      );
    }
    await panel.screenshot('extraction-paywall-panel', { fullPage: false });
  });

  test('translates a Spanish story on a template that declares English', async ({ endpoint, openArticle }) => {
    const tab = await openArticle('article-lang-override-es');
    const panel = await tab.openSidePanel();
    await panel.analyseAfresh();
    const header = panel.page.locator('header').first();
    await expect.poll(() => header.textContent(), { timeout: 10_000 }).toContain("Spanish (from the article's lang)");
    await panel.waitUntilDone(20_000);
    const translation = panel.region('Translation');
    expect(await translation.textContent()).not.toContain('already in English');
    const purposes = endpoint.requests
      .filter((request) => request.path.endsWith('/chat/completions'))
      .map((request) => requestPurpose(request.body));
    expect(purposes.some((purpose) => purpose === 'translation' || purpose === 'combined')).toBe(true);
    for (const body of chatBodies(endpoint)) {
      expect(body).toContain('presumiblemente');
      expect(body).not.toMatch(/Sign in|Get started|What are your thoughts/);
    }
    await panel.screenshot('extraction-language-override-panel', { fullPage: false });
  });

  test("lets the browser's detector overrule a template's English where the text says Catalan", async ({
    openArticle,
  }) => {
    const tab = await openArticle('catalan-under-english');
    const panel = await tab.openSidePanel();
    await panel.analyseAfresh();
    const header = panel.page.locator('header').first();
    await expect
      .poll(() => header.textContent(), { timeout: 10_000 })
      .toContain('Catalan (detected from the text by the browser; the page says English)');
    await panel.waitUntilDone(20_000);
    expect(await panel.textOf('Translation')).not.toContain('already in English');
    await panel.screenshot('extraction-language-detected-panel', { fullPage: false });
  });

  test('sends none of the text a hostile page hides from its reader', async ({ endpoint, openArticle }) => {
    const tab = await openArticle('hidden-text');
    const panel = await tab.openSidePanel();
    await panel.analyseAfresh();
    await panel.waitUntilDone(20_000);
    const bodies = chatBodies(endpoint);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).toContain('Absatz 5');
      expect(body).not.toContain(FABRICATED);
    }
    // Every form is in the page's DOM, where a copy of the page (as Readability had) would find it.
    const inDom = await tab.page.evaluate(
      (sentence) => document.body.textContent?.split(sentence).length ?? 0,
      FABRICATED,
    );
    expect(inDom - 1).toBe(HIDING_FORMS.length);
  });
});
