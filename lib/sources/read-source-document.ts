import type { ExtractionResult } from '@/lib/article/article';
import { extractArticle } from '@/lib/article/extract';
import { siteDomain } from '@/lib/article/site-domain';

/**
 * The article of a source page fetched by the extension and parsed with DOMParser (in the
 * offscreen document, or Firefox's background page), read with the extractor that reads a tab.
 * A parsed document's own URL is the page that parsed it (`chrome-extension://…/offscreen.html`),
 * not the source's, so the source's URL is given: links resolve against it, and the article's
 * URL, canonical URL (when the page declares none) and site name (when the page names none) come
 * from it. A parsed document has no layout or styles: a paywall the page declares or boxes in is
 * found, one shown only by a CSS fade is not. The document is changed: a `<base>` set to the
 * source's URL (Readability resolves links against the document's base), so pass one parsed for this.
 *
 * @param pageUrl The URL the source was fetched from, after redirects (absolute http/https).
 */
export function readSourceDocument(document: Document, pageUrl: string): ExtractionResult {
  anchorToPage(document, pageUrl);
  const result = extractArticle(document, { source: 'article', selectionText: '' }, { baseUrl: pageUrl });
  if (!result.ok) return result;
  const documentUrl = document.URL;
  const article = result.article;
  const pageWithoutHash = withoutHash(pageUrl);
  const ownHost = siteDomain(documentUrl) ?? hostOf(documentUrl);
  return {
    ok: true,
    article: {
      ...article,
      url: pageUrl,
      canonicalUrl:
        isHttp(article.canonicalUrl) && withoutHash(article.canonicalUrl) !== withoutHash(documentUrl)
          ? article.canonicalUrl
          : pageWithoutHash,
      siteName:
        article.siteName !== null && ownHost !== null && article.siteName === ownHost
          ? siteDomain(pageUrl)
          : article.siteName,
    },
  };
}

/** Makes relative URLs in `document` resolve against the source: its own `<base>` resolved, or one added. */
function anchorToPage(document: Document, pageUrl: string): void {
  const existing = document.querySelector('base[href]');
  let base = pageUrl;
  try {
    base = new URL(existing?.getAttribute('href') ?? '', pageUrl).href;
  } catch {
    // A base href that is no URL: the page's own address stands.
  }
  if (existing) {
    existing.setAttribute('href', base);
    return;
  }
  const element = document.createElement('base');
  element.setAttribute('href', base);
  (document.head ?? document.documentElement)?.prepend(element);
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function withoutHash(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
