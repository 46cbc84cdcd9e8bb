import type { Article } from '@/lib/article/article';

/** SHA-256 of the paragraph texts: the same article text gives the same key, whatever the page around it. */
export async function contentHash(article: Pick<Article, 'paragraphs'>): Promise<string> {
  const text = article.paragraphs.map((paragraph) => paragraph.text).join('\n\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
