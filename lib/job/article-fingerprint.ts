import type { Article } from '@/lib/article/article';

/**
 * What of an article the model is sent or the reader is shown: a cached analysis may stand for an
 * article only when all of it is the same. The URLs are left out on purpose (`url` differs by a
 * query string or fragment; the cache key carries the tab's origin instead), except the canonical
 * URL, which the header shows as the outlet's domain when the page names no site.
 */
export function fingerprintFields(article: Article): unknown[] {
  return [
    article.title,
    article.siteName,
    article.byline,
    article.publishedTime,
    article.language,
    article.source,
    article.canonicalUrl,
    article.paragraphs.map((paragraph) => [paragraph.id, paragraph.text]),
    article.links.map((link) => [link.paragraphId, link.text, link.url]),
  ];
}

/**
 * SHA-256 (lowercase hex, 64 characters) of `fingerprintFields` as JSON: two articles share it only
 * when their title, site, byline, date, language, paragraphs and links are all the same.
 */
export async function articleFingerprint(article: Article): Promise<string> {
  const text = JSON.stringify(fingerprintFields(article));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The origin (`https://news.example`) of the tab the article was read from: a result cached for one
 * site is never shown on another, whatever canonical URL a page declares. `null` for an address
 * without an origin of its own (`file:`, `data:`), which then shares no result with anything else.
 */
export function pageOrigin(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? `opaque:${url}` : origin;
  } catch {
    return `opaque:${url}`;
  }
}
