import { fetchSourceHtml } from '@/lib/sources/fetch-source-html';
import { readSourceDocument } from '@/lib/sources/read-source-document';
import type { SourcePageRead } from '@/lib/sources/source-page-read';

/**
 * Reads a linked source as the extension can without the reader's session: fetched without
 * cookies (fetch-source-html.ts), parsed by `parse` (DOMParser where there is a DOM: the
 * offscreen document in Chromium, the background page in Firefox), and read by the tab's own
 * extractor (read-source-document.ts), paywall and language detection included. Never throws.
 */
export async function readSourcePage(
  url: string,
  options: {
    parse: (html: string) => Document;
    fetch?: typeof globalThis.fetch;
    signal?: AbortSignal;
    now?: () => Date;
  },
): Promise<SourcePageRead> {
  const fetched = await fetchSourceHtml(url, { fetch: options.fetch, signal: options.signal });
  if (!fetched.ok) return fetched;
  const retrievedAt = (options.now?.() ?? new Date()).toISOString();
  const result = readSourceDocument(options.parse(fetched.html), fetched.finalUrl);
  if (!result.ok) return { ok: false, problem: { kind: 'not-an-article', url: fetched.finalUrl } };
  return { ok: true, article: result.article, retrievedAt };
}
