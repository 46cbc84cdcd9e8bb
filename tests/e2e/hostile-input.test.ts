import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { requestPurpose } from '@/tests/support/seed-fixtures';

const API_KEY = 'sk-hostile-test-key-7f3a9c';
const MODEL = 'test-model-1';

/** A model answer steered by the page: markup and script in every field. */
const HOSTILE_ANALYSIS = {
  summary: [
    {
      text: `The government <img src=x onerror="window.__pwned='summary'"> may drop the reform.`,
      paragraphIds: ['p2'],
    },
  ],
  notes: [
    {
      claim: `<script>window.__pwned='claim'</script>The government reportedly dropped the plan.`,
      source: { name: `<b onmouseover="window.__pwned='source'">Le Monde</b>`, role: null, type: 'media-outlet' },
      chain: [
        { name: 'This page', cue: null },
        { name: 'Le Monde', cue: `selon <a href="javascript:window.__pwned='cue'">Le Monde</a>` },
      ],
      kind: 'reported-speech',
      hedges: [{ original: 'aurait', english: '<i>reportedly</i>' }],
      quote:
        'Le gouvernement aurait renoncé à relever l’âge légal de départ à la retraite, selon plusieurs sources proches du dossier citées par le journal Le Monde.',
      paragraphId: 'p2',
    },
  ],
  outsideKnowledge: [],
};

const HOSTILE_TRANSLATION = [
  `[p1] Pensions: the government is said to back down <img src=x onerror="window.__pwned='translation'">`,
  `[p2] The government has reportedly dropped the plan, according to [Le Monde](https://www.lemonde.example/retraites). <script>window.__pwned='script'</script>`,
  `[p3] [Read more](javascript:window.__pwned='md-link') <a href="javascript:window.__pwned='html-link'">here</a> <iframe src="https://evil.example/"></iframe>`,
].join('\n\n');

const test = browserTest
  .override({
    endpointOptions: {
      apiKey: API_KEY,
      models: [MODEL],
      respond: (request) => {
        const purpose = requestPurpose(request.body);
        if (purpose === 'analysis') return { kind: 'stream', content: JSON.stringify(HOSTILE_ANALYSIS) };
        if (purpose === 'translation') return { kind: 'stream', content: HOSTILE_TRANSLATION };
        return undefined;
      },
    },
  })
  // The hostile page analysed once, before the first test (auto), with the key pasted with spaces
  // around it: every test reads this panel or the requests it made.
  .extend('panel', { scope: 'file', auto: true }, async ({ openOptions, openArticle, testEndpoint }) => {
    await (await openOptions()).useEndpoint({ ...testEndpoint, apiKey: ` ${API_KEY} ` });
    const article = await openArticle('hostile-fr');
    const panel = await article.openSidePanel();
    await panel.analyse();
    await panel.waitUntilDone(20_000);
    await panel.screenshot('sidepanel-hostile');
    return panel;
  });

test.describe('a hostile page and a model steered by it', () => {
  test('executes nothing in the side panel and renders the markup as text', async ({ panel }) => {
    expect(await panel.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const inert = await panel.page.evaluate(() => {
      const main = document.querySelector('main');
      const elements = [...(main?.querySelectorAll('*') ?? [])];
      return {
        // The one image allowed is the extension's own lens mark, built into its bundle (inlined, or its own file).
        dangerous: elements.filter(
          (element) =>
            ['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName) &&
            !(
              element.matches('img.brand__mark') &&
              /^(data:image\/svg\+xml|chrome-extension:)/.test(element.getAttribute('src') ?? '')
            ),
        ).length,
        handlers: elements.filter((element) =>
          [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
        ).length,
        hrefs: [...(main?.querySelectorAll('a[href]') ?? [])].map((anchor) => ({
          href: anchor.getAttribute('href') ?? '',
          rel: anchor.getAttribute('rel') ?? '',
        })),
      };
    });
    expect(inert.dangerous).toBe(0);
    expect(inert.handlers).toBe(0);
    for (const link of inert.hrefs) expect(link.href).toMatch(/^https?:\/\//);
    expect(
      inert.hrefs.filter((link) => link.href.includes('lemonde')).every((link) => link.rel.includes('noopener')),
    ).toBe(true);
    const text = await panel.page.textContent('main');
    // The page's and the model's markup is shown as the text it is.
    expect(text).toContain(`<img src=x onerror="window.__pwned='title'">`);
    expect(text).toContain(`<script>window.__pwned='claim'</script>`);
  });

  test('sends the page text to the model only as delimited data, and the key only in the header', async ({
    endpoint,
  }) => {
    const chats = endpoint.requests.filter((request) => request.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThanOrEqual(2);
    for (const request of chats) {
      // The key was saved with spaces around it: they were trimmed.
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      const body = JSON.stringify(request.body);
      expect(body).not.toContain(API_KEY);
      const messages = (request.body as { messages: Array<{ role: string; content: string }> }).messages;
      expect(messages[0]?.role).toBe('system');
      expect(messages[0]?.content).not.toContain('IGNORE PREVIOUS INSTRUCTIONS');
      const holder = messages.find((message) => message.content.includes('IGNORE PREVIOUS INSTRUCTIONS'));
      const content = holder?.content ?? '';
      const injection = content.indexOf('IGNORE PREVIOUS INSTRUCTIONS');
      expect(content.lastIndexOf('<article', injection)).toBeGreaterThanOrEqual(0);
      expect(content.indexOf('</article>', injection)).toBeGreaterThan(injection);
    }
  });

  test('never sends the key anywhere but the endpoint, nor stores it outside local storage', async ({
    extension,
    pages,
  }) => {
    for (const headers of pages.requestHeaders) expect(JSON.stringify(headers)).not.toContain(API_KEY);
    const stored = await extension.serviceWorker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    }));
    expect(JSON.stringify(stored.sync)).not.toContain(API_KEY);
    expect(JSON.stringify(stored.session)).not.toContain(API_KEY);
    const { endpointCredential, ...restOfLocal } = stored.local;
    expect(endpointCredential).toMatchObject({ apiKey: API_KEY });
    expect(JSON.stringify(restOfLocal)).not.toContain(API_KEY);
  });
});
