// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, ArticleLink, ExtractionResult } from '@/lib/article/article';
import { extractArticle } from '@/lib/article/extract';
import { extractFromPage } from '@/lib/article/extract-page';
import type { ExtractionRequest } from '@/lib/article/extraction-request';
import { listPageFrames } from '@/lib/article/page-frames';
import { readSavedPage } from '@/tests/support/saved-page';
import { loadTestDocument } from '@/tests/support/test-document';

const PAGES_DIRECTORY = join(import.meta.dirname, '../../tests/fixtures/pages');

interface ExpectedArticle {
  ok: true;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  language: string;
  languageSource: Article['languageSource'];
  canonicalUrl: string;
  paragraphCount: number;
  firstParagraph: string;
  lastParagraph: string;
  links: ArticleLink[];
  /** Optional, stricter checks some fixtures add. */
  paragraphs?: string[];
  wordCount?: number;
  absentText?: string[];
  languageEvidence?: Article['languageEvidence'];
  /** Sentences that must reach the model, in this order (the corpus's recall). */
  must_contain?: string[];
  /** Boilerplate that must not (the corpus's leaks). */
  must_not_contain?: string[];
  /** `false`: the article is whole; else the paywall notice's paragraph count. */
  truncated?: false | { paragraphCount: number };
}

interface PageFixture {
  slug: string;
  html: string;
  pageUrl: string;
  request: ExtractionRequest;
  expected: ExpectedArticle | { ok: false; error: unknown };
}

function readFixture(slug: string): PageFixture {
  const folder = join(PAGES_DIRECTORY, slug);
  const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
  return { slug, html: readSavedPage(slug), ...expected };
}

function loadFixture(slug: string): Document {
  const fixture = readFixture(slug);
  return loadTestDocument(fixture.html, fixture.pageUrl);
}

function articleOf(result: ExtractionResult): Article {
  if (!result.ok) throw new Error(`expected an article, got ${JSON.stringify(result.error)}`);
  return result.article;
}

const fixtures = readdirSync(PAGES_DIRECTORY, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => readFixture(entry.name));

describe('extractArticle on saved pages', () => {
  it('has the fixtures this suite was written for', () => {
    expect(fixtures.map((fixture) => fixture.slug)).toEqual(
      expect.arrayContaining([
        'seed-de',
        'search-results',
        'en-no-lang',
        'ar-rtl',
        'he-rtl',
        'zh-no-lang',
        'ja-no-lang',
        'de-english-quotes',
        'fr-en-no-lang',
        'srcdoc-frame',
        'br-paragraphs-lead-ru',
        'lead-in-header-de',
        'article-lang-override-es',
        'shadow-dom-article-it',
        'paywall-teaser-de',
      ]),
    );
  });

  it.each(fixtures)('$slug matches expected.json', (fixture) => {
    const document = loadTestDocument(fixture.html, fixture.pageUrl);
    // As the injected script does: the top document, then its same-origin frames.
    const result = extractFromPage(document, listPageFrames(document), fixture.request);
    const expected = fixture.expected;
    if (!expected.ok) {
      expect(result).toEqual({ ok: false, error: expected.error });
      return;
    }
    const article = articleOf(result);
    expect({
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      publishedTime: article.publishedTime,
      language: article.language,
      languageSource: article.languageSource,
      canonicalUrl: article.canonicalUrl,
      paragraphCount: article.paragraphs.length,
      firstParagraph: article.paragraphs[0]?.text,
      lastParagraph: article.paragraphs.at(-1)?.text,
      links: article.links,
    }).toEqual({
      title: expected.title,
      byline: expected.byline,
      siteName: expected.siteName,
      publishedTime: expected.publishedTime,
      language: expected.language,
      languageSource: expected.languageSource,
      canonicalUrl: expected.canonicalUrl,
      paragraphCount: expected.paragraphCount,
      firstParagraph: expected.firstParagraph,
      lastParagraph: expected.lastParagraph,
      links: expected.links,
    });
    expect(article.url).toBe(fixture.pageUrl);
    expect(article.source).toBe(fixture.request.source);
    expect(article.paragraphs.map((paragraph) => paragraph.id)).toEqual(
      article.paragraphs.map((_, index) => `p${index + 1}`),
    );
    if (expected.paragraphs) expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(expected.paragraphs);
    if (expected.wordCount !== undefined) expect(article.wordCount).toBe(expected.wordCount);
    const allText = article.paragraphs.map((paragraph) => paragraph.text).join('\n');
    for (const absent of expected.absentText ?? []) expect(allText).not.toContain(absent);
    if (expected.languageEvidence) expect(article.languageEvidence).toBe(expected.languageEvidence);
    let position = -1;
    for (const sentence of expected.must_contain ?? []) {
      const found = allText.indexOf(sentence, position + 1);
      expect(found, `missing or out of order: ${sentence}`).toBeGreaterThan(position);
      position = found;
    }
    for (const boilerplate of expected.must_not_contain ?? []) expect(allText).not.toContain(boilerplate);
    if (expected.truncated !== undefined) {
      expect(article.truncation ? { paragraphCount: article.truncation.paragraphCount } : false).toEqual(
        expected.truncated,
      );
    }
  });

  it.each(fixtures)('$slug is not changed by extraction, in any mode', (fixture) => {
    const document = loadTestDocument(fixture.html, fixture.pageUrl);
    const before = document.documentElement.outerHTML;
    for (const source of ['article', 'page', 'selection'] as const) {
      extractArticle(document, { source, selectionText: 'Ein Satz.' });
    }
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('the seed page', () => {
  // Regions of the page that are not the article: none of their text may reach a paragraph.
  const NOISE_SELECTORS = ['#cookie-consent', '.share', '.sidebar', '#comments', '.site-footer', 'nav', '.teaser-box'];

  function noiseSnippets(document: Document): string[] {
    const snippets = new Set<string>();
    for (const region of document.querySelectorAll(NOISE_SELECTORS.join(','))) {
      for (const element of [region, ...region.querySelectorAll('*')]) {
        if (element.querySelector('p, li, a, h2, button, label')) continue;
        const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
        // Single words ("X", "Wirtschaft") occur inside article words by chance; three words do not.
        if (text.split(' ').length >= 3) snippets.add(text);
      }
    }
    return [...snippets];
  }

  it('is noisy enough that taking every paragraph would fail', () => {
    const document = loadFixture('seed-de');
    const longParagraphsOutsideBody = [...document.querySelectorAll('p')].filter(
      (paragraph) => !paragraph.closest('.story-body') && (paragraph.textContent ?? '').length > 200,
    );
    expect(longParagraphsOutsideBody.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps comments, sidebar, cookie banner, share links, navigation and teaser out of the paragraphs', () => {
    const document = loadFixture('seed-de');
    const snippets = noiseSnippets(document);
    expect(snippets.length).toBeGreaterThanOrEqual(15);
    const article = articleOf(extractArticle(document, { source: 'article' }));
    const paragraphs = article.paragraphs.map((paragraph) => paragraph.text);
    for (const snippet of snippets) {
      for (const paragraph of paragraphs) expect(paragraph).not.toContain(snippet);
    }
    const linkUrls = article.links.map((link) => link.url);
    expect(linkUrls.some((url) => url.includes('facebook.com') || url.includes('x.com'))).toBe(false);
  });

  it('reads the selection from the document when the request carries none', () => {
    const document = loadFixture('seed-de');
    const paragraph = document.querySelectorAll('.story-body p')[5];
    if (!paragraph) throw new Error('fixture changed: no sixth paragraph');
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    document.getSelection()?.addRange(range);
    const article = articleOf(extractArticle(document, { source: 'selection' }));
    expect(article.paragraphs).toEqual([{ id: 'p1', text: (paragraph.textContent ?? '').trim() }]);
    expect(article.title).toBe('Abkommen zwischen Washington und Minsk steht offenbar kurz bevor');
  });
});

describe('selection mode', () => {
  const url = 'https://weltblick.example/international/minsk-washington-abkommen';

  it('splits the selected text at blank lines and line breaks, keeping the page metadata', () => {
    const document = loadFixture('seed-de');
    const selectionText = '  Erster   Absatz.\n\n\nZweiter Absatz\r\nmit zweiter Zeile\n – \n';
    const article = articleOf(extractArticle(document, { source: 'selection', selectionText }));
    expect(article.paragraphs).toEqual([
      { id: 'p1', text: 'Erster Absatz.' },
      { id: 'p2', text: 'Zweiter Absatz' },
      { id: 'p3', text: 'mit zweiter Zeile' },
    ]);
    expect(article).toMatchObject({ source: 'selection', links: [], wordCount: 7, language: 'de', url });
  });

  it('reports not-an-article without a selection when nothing is selected', () => {
    const document = loadFixture('seed-de');
    expect(extractArticle(document, { source: 'selection', selectionText: ' \n ' })).toEqual({
      ok: false,
      error: { code: 'not-an-article', hasSelection: false },
    });
  });

  it('tells an article request on a non-article page that a selection exists', () => {
    const document = loadFixture('search-results');
    expect(extractArticle(document, { source: 'article', selectionText: 'US weighs easing' })).toEqual({
      ok: false,
      error: { code: 'not-an-article', hasSelection: true },
    });
  });
});

describe('page mode', () => {
  it('takes the visible text of a non-article page with its links, without navigation', () => {
    const document = loadFixture('search-results');
    const article = articleOf(extractArticle(document, { source: 'page' }));
    const texts = article.paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain('US weighs easing Belarus potash sanctions');
    expect(texts).toContain(
      'Washington is considering relief for Belarusian potash exports in exchange for prisoner releases, officials said.',
    );
    expect(texts).not.toContain('Images');
    expect(texts.join(' ')).not.toContain('Search');
    const headline = article.paragraphs.find(
      (paragraph) => paragraph.text === 'US weighs easing Belarus potash sanctions',
    );
    expect(article.links).toContainEqual({
      text: 'US weighs easing Belarus potash sanctions',
      url: 'https://news.example/belarus-sanctions-eased',
      paragraphId: headline?.id,
    });
    expect(article.source).toBe('page');
  });

  it('skips scripts, styles, hidden elements and what style sheets hide', () => {
    const document = loadTestDocument(
      `<html lang="en"><head><title>Forum</title><style>.collapsed { display: none }</style></head><body>
        <script>window.tracking = "script text";</script>
        <div>First post<br>second line</div>
        <div hidden>Hidden attribute</div>
        <div style="display: none">Inline hidden</div>
        <div class="collapsed">Sheet hidden</div>
        <div aria-hidden="true">Aria hidden</div>
        <table><tr><td>cell one</td><td>cell two</td></tr></table>
      </body></html>`,
      'https://forum.example/t/1',
    );
    const article = articleOf(extractArticle(document, { source: 'page' }));
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'First post',
      'second line',
      'cell one cell two',
    ]);
  });

  it('keeps only absolute http(s) links, resolving relative ones against the page', () => {
    const document = loadTestDocument(
      `<html><body>
        <p>Read <a href="javascript:alert(1)">this</a>, <a href="data:text/html,hi">that</a>,
           <a href="mailto:desk@example.org">mail us</a>, <a href="../other">the other</a>,
           <a href="//cdn.example/x">the CDN</a> and <a href="https://ok.example/">the site</a>.</p>
      </body></html>`,
      'https://news.example/section/story#top',
    );
    const article = articleOf(extractArticle(document, { source: 'page' }));
    expect(article.links).toEqual([
      { text: 'the other', url: 'https://news.example/other', paragraphId: 'p1' },
      { text: 'the CDN', url: 'https://cdn.example/x', paragraphId: 'p1' },
      { text: 'the site', url: 'https://ok.example/', paragraphId: 'p1' },
    ]);
  });

  it('fails clearly on a page without text', () => {
    const document = loadTestDocument('<html><body><script>1</script></body></html>', 'https://empty.example/');
    expect(extractArticle(document, { source: 'page' })).toEqual({
      ok: false,
      error: { code: 'extraction-failed', detail: 'The page has no visible text.' },
    });
  });
});

describe('scripts other than Latin', () => {
  it('does not repeat a Hebrew headline as the first paragraph', () => {
    const article = articleOf(extractArticle(loadFixture('he-rtl'), { source: 'article' }));
    expect(article.title).toBe('פתיחת קו הרכבת לעמק נדחית בשנה לפחות');
    expect(article.paragraphs.map((paragraph) => paragraph.text)).not.toContain(article.title);
    expect(article.paragraphs[0]?.text).toMatch(/^פתיחת קו הרכבת החדש/u);
  });

  it('takes a short Chinese article as an article, and the same length of Latin letters as a teaser', () => {
    const body = (paragraph: string) =>
      `<html><head><title>T</title></head><body><article><h1>T</h1>${`<p>${paragraph}</p>`.repeat(4)}</article></body></html>`;
    const chinese =
      '据市交通局周一发布的消息，连接江城南北两岸的第三座跨江大桥将于明年五月正式通车，比原计划推迟约半年，专家认为影响有限。';
    const latin = 'Die Brücke wird im Mai eröffnet, ein halbes Jahr später als geplant, teilte die Stadt mit.';
    expect(chinese.length).toBeLessThan(latin.length);
    const url = 'https://news.example/bridge';
    expect(articleOf(extractArticle(loadTestDocument(body(chinese), url), { source: 'article' })).language).toBe('zh');
    expect(extractArticle(loadTestDocument(body(latin), url), { source: 'article' })).toEqual({
      ok: false,
      error: { code: 'not-an-article', hasSelection: false },
    });
  });
});

describe('article mode details', () => {
  it('drops javascript: links from the body', () => {
    const article = articleOf(extractArticle(loadFixture('en-no-lang'), { source: 'article' }));
    expect(article.paragraphs[3]?.text).toContain('warned that the timetable remained fragile');
    expect(article.links.map((link) => link.text)).not.toContain('the timetable');
    expect(article.links.every((link) => /^https?:\/\//.test(link.url))).toBe(true);
  });

  it('turns an unexpected exception into extraction-failed', () => {
    const brokenDocument = {
      getSelection() {
        throw new Error('selection API unavailable');
      },
    } as unknown as Document;
    expect(extractArticle(brokenDocument, { source: 'article' })).toEqual({
      ok: false,
      error: { code: 'extraction-failed', detail: 'selection API unavailable' },
    });
  });
});
