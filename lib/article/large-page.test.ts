// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { longArticle } from '@/tests/support/long-article';
import { seedArticle } from '@/tests/support/seed-article';
import type { Article, ExtractionResult } from '@/lib/article/article';
import { extractFromPage } from '@/lib/article/extract-page';
import { listPageFrames } from '@/lib/article/page-frames';
import { loadTestDocument } from '@/tests/support/test-document';

// Built here from the seed article rather than saved: a 5 MB fixture would weigh on the repository.
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function newsPage(article: Pick<Article, 'title' | 'paragraphs'>, extras: { head?: string; after?: string } = {}) {
  const paragraphs = article.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph.text)}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(article.title)} – Weltblick</title>${extras.head ?? ''}</head>
<body><header><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav></header>
<main><article><h1>${escapeHtml(article.title)}</h1><div class="story-body">${paragraphs}</div></article></main>
${extras.after ?? ''}<footer><p>© 2025 Weltblick</p></footer></body></html>`;
}

function extract(html: string): ExtractionResult {
  const document = loadTestDocument(html, 'https://weltblick.example/politik/lang');
  return extractFromPage(document, listPageFrames(document), { source: 'article' });
}

function articleOf(result: ExtractionResult): Article {
  if (!result.ok) throw new Error(`expected an article, got ${JSON.stringify(result.error)}`);
  return result.article;
}

/** What `scripting.executeScript` hands the background: the result, structured-cloned. */
function expectCompactMessage(result: ExtractionResult, article: Article) {
  const textLength = article.paragraphs.reduce((sum, paragraph) => sum + paragraph.text.length, 0);
  // The text once, plus a few bytes per paragraph: no copy of the page, no second copy of the text.
  expect(JSON.stringify(result).length).toBeLessThan(textLength * 1.05 + article.paragraphs.length * 40 + 5_000);
  expect(structuredClone(result)).toEqual(result);
}

// The visible copy (computed styles, shadow roots) walks the page once more before Readability;
// happy-dom does each DOM step many times slower than a browser, where these pages take well under a second.
const LARGE_PAGE_TIMEOUT_MS = 30_000;

describe('very large input', () => {
  it(
    'extracts a 100,000-word article whole, in order, with its word count',
    () => {
      const source = longArticle(100_000);
      const result = extract(newsPage(source));
      const article = articleOf(result);
      expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(
        source.paragraphs.map((paragraph) => paragraph.text),
      );
      expect(article.paragraphs.map((paragraph) => paragraph.id)).toEqual(
        source.paragraphs.map((_, index) => `p${index + 1}`),
      );
      expect(article.wordCount).toBe(source.wordCount);
      expect(article.title).toBe(source.title);
      expectCompactMessage(result, article);
    },
    LARGE_PAGE_TIMEOUT_MS,
  );

  it(
    'finds the article in a 5 MB page of hydration data, styles, navigation and a thousand comments',
    () => {
      const seed = seedArticle();
      const state = JSON.stringify({
        props: {
          pageProps: {
            teasers: Array.from({ length: 13_000 }, (_, index) => ({
              id: index,
              title: seed.paragraphs[index % 7]?.text,
            })),
          },
        },
      });
      const styles = Array.from(
        { length: 6_000 },
        (_, index) =>
          `.teaser-${index} { margin: ${index % 9}px; color: #${(index % 4096).toString(16).padStart(3, '0')}; }`,
      ).join('\n');
      const navigation = `<nav class="mega-menu">${Array.from({ length: 4_000 }, (_, index) => `<a href="/thema/${index}">Thema ${index}</a>`).join(' ')}</nav>`;
      const comments = `<section id="comments" class="comments"><h2>Kommentare</h2>${Array.from(
        { length: 1_000 },
        (_, index) =>
          `<div class="comment"><p class="comment-author">Leser ${index}</p><p>${escapeHtml(seed.paragraphs[(index + 3) % 7]?.text ?? '')} Das sehe ich anders, Nummer ${index}.</p></div>`,
      ).join('\n')}</section>`;
      const html = newsPage(seed, {
        head: `<style>${styles}</style><script id="__NEXT_DATA__" type="application/json">${state}</script>`,
        after: `${navigation}${comments}`,
      });
      expect(html.length).toBeGreaterThan(5_000_000);

      const result = extract(html);
      const article = articleOf(result);
      expect(article.paragraphs).toEqual(seed.paragraphs);
      expect(article.wordCount).toBe(seed.wordCount);
      expectCompactMessage(result, article);
    },
    LARGE_PAGE_TIMEOUT_MS,
  );
});
