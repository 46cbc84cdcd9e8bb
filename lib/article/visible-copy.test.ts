// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract';
import { loadTestDocument } from '@/tests/support/test-document';
import { copyVisiblePage } from '@/lib/article/visible-copy';

const FABRICATED = 'Der Minister bestätigte den geheimen Deal gegenüber dieser Zeitung';

/** Each way a page can hide a sentence from its reader while keeping it in the DOM. */
const HIDING_FORMS: Record<string, string> = {
  'display: none': '<p style="display:none">{}</p>',
  'display: none from a style sheet': '<p class="collapsed">{}</p>',
  'visibility: hidden': '<p style="visibility:hidden">{}</p>',
  'visibility: hidden from a style sheet on an ancestor': '<div class="ghost"><p>{}</p></div>',
  'the hidden attribute': '<p hidden>{}</p>',
  'aria-hidden with off-screen positioning': '<p aria-hidden="true" style="position:absolute;left:-9999px">{}</p>',
  'off-screen positioning alone': '<p class="offscreen">{}</p>',
  'zero font size': '<p style="font-size:0">{}</p>',
  'transparent text': '<p style="color:transparent">{}</p>',
  'transparent rgba text': '<p style="color:rgba(0,0,0,0)">{}</p>',
  'opacity: 0': '<p style="opacity:0">{}</p>',
  'a 1px clipping box': '<p class="sr-only">{}</p>',
  'a closed details element': '<details><summary>Mehr</summary><p>{}</p></details>',
};

function page(hidden: string): string {
  const paragraph = (index: number) =>
    `<p>Absatz ${index}: Der Stadtrat hat am Dienstag über den Haushalt beraten, sagte eine Sprecherin der Verwaltung nach der Sitzung im Rathaus. Die Fraktionen wollen den Entwurf in den kommenden Wochen in den Ausschüssen weiter beraten und im Dezember darüber abstimmen, hieß es weiter.</p>`;
  return `<html lang="de"><head><title>Haushalt</title><style>
    .collapsed { display: none } .ghost { visibility: hidden } .offscreen { position: absolute; left: -10000px }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden }
  </style></head><body><article><h1>Haushalt</h1>${paragraph(1)}${paragraph(2)}${hidden.replace('{}', `${FABRICATED}.`)}${paragraph(3)}${paragraph(4)}</article></body></html>`;
}

describe('copyVisiblePage', () => {
  it.each(Object.entries(HIDING_FORMS))('leaves out text hidden with %s, in every source', (_, markup) => {
    const document = loadTestDocument(page(markup), 'https://news.example/haushalt');
    for (const source of ['article', 'page'] as const) {
      const result = extractArticle(document, { source });
      if (!result.ok) throw new Error(`no ${source}: ${JSON.stringify(result.error)}`);
      const text = result.article.paragraphs.map((paragraph) => paragraph.text).join('\n');
      expect(text).toContain('Absatz 4');
      expect(text).not.toContain(FABRICATED);
    }
  });

  it('keeps text a visible child shows inside a hidden-visibility parent, and until-found text', () => {
    const document = loadTestDocument(
      '<html><body><div style="visibility:hidden"><span style="visibility:visible">sichtbar</span> unsichtbar</div><div hidden="until-found">aufklappbar</div></body></html>',
      'https://news.example/',
    );
    const text = copyVisiblePage(document).document.body?.textContent ?? '';
    expect(text).toContain('sichtbar');
    expect(text).not.toContain('unsichtbar');
    expect(text).toContain('aufklappbar');
  });

  it('flattens open shadow roots, nested ones and slots, and does not change the page', () => {
    const html =
      '<html><body><x-page><template shadowrootmode="open"><header>Kopf</header><slot name="story"></slot><x-inner><template shadowrootmode="open"><p>Innen</p></template></x-inner></template><p slot="story">Geschichte</p></x-page></body></html>';
    const document = loadTestDocument(html, 'https://news.example/');
    const before = document.body.innerHTML;
    const body = copyVisiblePage(document).document.body;
    expect(body?.textContent?.replace(/\s+/g, ' ').trim()).toBe('KopfGeschichteInnen');
    expect(body?.querySelector('p[slot="story"]')).not.toBeNull();
    expect(document.body.innerHTML).toBe(before);
  });

  it('gives “Use whole page” the shadow root’s article, not only the menu and the footer', () => {
    const document = loadTestDocument(
      '<html lang="it"><body><nav><a href="/">Notizie</a></nav><x-story><template shadowrootmode="open"><article><p>Una frana si è staccata nella notte dal versante.</p></article></template></x-story><footer><a href="/privacy">Privacy</a></footer></body></html>',
      'https://notizie.example/frana',
    );
    const result = extractArticle(document, { source: 'page' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.article.paragraphs.map((paragraph) => paragraph.text)).toContain(
      'Una frana si è staccata nella notte dal versante.',
    );
  });

  it('keeps the URL and the JSON-LD, and maps copies back to the live elements', () => {
    const document = loadTestDocument(
      '<html><head><title>T</title></head><body><script type="application/ld+json">{"@type":"NewsArticle"}</script><script>var x = 1;</script><p id="a">Text</p></body></html>',
      'https://news.example/a/b',
    );
    const copy = copyVisiblePage(document);
    expect(copy.document.URL).toBe('https://news.example/a/b');
    expect(copy.document.querySelectorAll('script').length).toBe(1);
    const paragraph = copy.document.getElementById('a');
    expect(paragraph && copy.liveElementOf(paragraph)).toBe(document.getElementById('a'));
  });
});
