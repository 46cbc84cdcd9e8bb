// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Article, ExtractionResult } from '@/lib/article/article';
import { DOMINANT_FRAME_SHARE, extractFromPage } from '@/lib/article/extract-page';
import type { PageFrame } from '@/lib/article/page-frames';
import { listPageFrames } from '@/lib/article/page-frames';
import { loadTestDocument } from '@/tests/support/test-document';

const TOP_URL = 'https://wrapper.example/read/42';

const ARTICLE_BODY = `<article><h1>Council delays the harbour vote</h1>
  <p>The town council postponed its vote on the harbour plan on Monday, according to its clerk, after more than two hundred residents signed a petition asking for a public meeting first.</p>
  <p>"We owe people a proper hearing before anything is decided," the council leader, Ruth Ames, said. The meeting is now planned for the end of the month in the school hall.</p>
  <p>The developer said in a statement that it respected the decision but warned that further delays could put the project's funding at risk. <a href="/docs/statement">Read the statement</a>.</p>
</article>`;

const articlePage = (url: string, lang = 'en') =>
  loadTestDocument(
    `<html lang="${lang}"><head><title>Council delays the harbour vote</title></head><body>${ARTICLE_BODY}</body></html>`,
    url,
  );
const wrapperPage = () =>
  loadTestDocument(
    '<html lang="en"><head><title>Reader</title></head><body><header><a href="/">Home</a></header><div id="frame-slot"></div></body></html>',
    TOP_URL,
  );
const sameOrigin = (document: Document): PageFrame => ({ url: document.URL, document, viewportShare: 1 });
const crossOrigin = (url: string, viewportShare: number): PageFrame => ({ url, document: null, viewportShare });

function articleOf(result: ExtractionResult): Article {
  if (!result.ok) throw new Error(`expected an article, got ${JSON.stringify(result.error)}`);
  return result.article;
}

describe('extractFromPage: which document the article comes from', () => {
  it('keeps the top document’s own article, whatever it embeds', () => {
    const top = articlePage(TOP_URL);
    const other = articlePage('https://wrapper.example/other', 'de');
    const article = articleOf(
      extractFromPage(top, [sameOrigin(other), crossOrigin('https://ads.example/', 1)], { source: 'article' }),
    );
    expect(article.language).toBe('en');
    expect(article.links[0]?.url).toBe('https://wrapper.example/docs/statement');
  });

  it('takes the article from a same-origin frame when the top document has none, under the tab’s URL', () => {
    const frame = articlePage('https://wrapper.example/embed/42?view=bare');
    const article = articleOf(extractFromPage(wrapperPage(), [sameOrigin(frame)], { source: 'article' }));
    expect(article.url).toBe(TOP_URL);
    expect(article.canonicalUrl).toBe('https://wrapper.example/embed/42?view=bare');
    expect(article.title).toBe('Council delays the harbour vote');
    expect(article.paragraphs.map((paragraph) => paragraph.id)).toEqual(['p1', 'p2', 'p3']);
    expect(article.links).toEqual([
      { text: 'Read the statement', url: 'https://wrapper.example/docs/statement', paragraphId: 'p3' },
    ]);
  });

  it('passes over frames without an article to the one that has it', () => {
    const empty = loadTestDocument('<html><body><p>Advertisement</p></body></html>', 'https://wrapper.example/ad');
    const frame = articlePage('https://wrapper.example/embed/42');
    const article = articleOf(
      extractFromPage(wrapperPage(), [sameOrigin(empty), sameOrigin(frame)], { source: 'article' }),
    );
    expect(article.paragraphs).toHaveLength(3);
  });

  it('fills in what the frame does not say (language, site name) from the page around it', () => {
    const frame = loadTestDocument(
      `<html><head><title>Council delays the harbour vote</title></head><body>${ARTICLE_BODY}</body></html>`,
      'about:srcdoc',
    );
    const article = articleOf(
      extractFromPage(wrapperPage(), [{ url: 'about:srcdoc', document: frame, viewportShare: 1 }], {
        source: 'article',
      }),
    );
    expect(article).toMatchObject({
      language: 'en',
      languageSource: 'page',
      siteName: 'wrapper.example',
      canonicalUrl: TOP_URL,
    });
  });

  it('reads the whole page’s text, and a selection, from a frame when the top document has none', () => {
    const frame = articlePage('https://wrapper.example/embed/42');
    const top = loadTestDocument('<html><body></body></html>', TOP_URL);
    expect(articleOf(extractFromPage(top, [sameOrigin(frame)], { source: 'page' })).paragraphs.length).toBeGreaterThan(
      2,
    );

    const paragraph = frame.querySelectorAll('p')[1];
    if (!paragraph) throw new Error('no second paragraph');
    const range = frame.createRange();
    range.selectNodeContents(paragraph);
    frame.getSelection()?.addRange(range);
    // The injected script passes the top frame's selection, empty here.
    const selected = articleOf(extractFromPage(top, [sameOrigin(frame)], { source: 'selection', selectionText: '' }));
    expect(selected.paragraphs).toEqual([{ id: 'p1', text: (paragraph.textContent ?? '').trim() }]);
  });

  it('names a large frame from another site when nothing readable has an article', () => {
    const result = extractFromPage(
      wrapperPage(),
      [crossOrigin('https://video.example/embed/1', 0.2), crossOrigin('https://reader.other.example/story/9', 0.85)],
      { source: 'article' },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-an-article', hasSelection: false, frameUrl: 'https://reader.other.example/story/9' },
    });
  });

  it('does not blame small frames (ads, videos) or frames without a web address', () => {
    const frames = [
      crossOrigin('https://ads.example/slot', DOMINANT_FRAME_SHARE - 0.01),
      crossOrigin('javascript:void(0)', 1),
      crossOrigin('', 1),
    ];
    expect(extractFromPage(wrapperPage(), frames, { source: 'article' })).toEqual({
      ok: false,
      error: { code: 'not-an-article', hasSelection: false },
    });
    const top = loadTestDocument('<html><body></body></html>', TOP_URL);
    expect(extractFromPage(top, frames, { source: 'page' })).toEqual({
      ok: false,
      error: { code: 'extraction-failed', detail: 'The page has no visible text.' },
    });
  });

  it('names the foreign frame for the whole-page source too, where the top page has no text', () => {
    const top = loadTestDocument('<html><body></body></html>', TOP_URL);
    expect(extractFromPage(top, [crossOrigin('https://reader.other.example/s', 1)], { source: 'page' })).toEqual({
      ok: false,
      error: { code: 'not-an-article', hasSelection: false, frameUrl: 'https://reader.other.example/s' },
    });
  });
});

describe('listPageFrames', () => {
  function pageWithFrames(): Document {
    const document = loadTestDocument(
      `<html><body>
        <iframe id="inline" srcdoc="<p>Inside</p><iframe id='nested' srcdoc='<p>Deeper</p>'></iframe>"></iframe>
        <iframe id="foreign" src="https://reader.other.example/story/9"></iframe>
        <iframe id="relative" src="/x" hidden></iframe>
      </body></html>`,
      TOP_URL,
    );
    return document;
  }

  it('reads same-origin (srcdoc) frames and their frames, and has no document for a cross-origin one', () => {
    const frames = listPageFrames(pageWithFrames());
    expect(frames.map((frame) => [frame.url, frame.document?.body?.textContent?.trim() ?? null])).toEqual([
      ['about:srcdoc', 'Inside'],
      ['about:srcdoc', 'Deeper'],
      ['https://reader.other.example/story/9', null],
      ['https://wrapper.example/x', null],
    ]);
  });

  it('measures each frame against the window, nested ones within their parent’s share', () => {
    const document = pageWithFrames();
    const view = document.defaultView;
    if (!view) throw new Error('no window');
    const stubRect = (element: Element | null | undefined, width: number, height: number) => {
      if (element) element.getBoundingClientRect = () => ({ width, height }) as DOMRect;
    };
    // happy-dom lays nothing out: sizes as a browser would report them.
    const inline = document.getElementById('inline') as HTMLIFrameElement;
    stubRect(inline, view.innerWidth / 2, view.innerHeight);
    stubRect(
      inline.contentDocument?.getElementById('nested'),
      inline.contentDocument?.defaultView?.innerWidth ?? 0,
      10_000,
    );
    stubRect(document.getElementById('foreign'), view.innerWidth, view.innerHeight * 3);
    expect(listPageFrames(document).map((frame) => frame.viewportShare)).toEqual([0.5, 0.5, 1, 0]);
  });
});
