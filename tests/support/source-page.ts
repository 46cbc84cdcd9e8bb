import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '@/lib/article/article';
import { extractFromPage } from '@/lib/article/extract-page';
import { listPageFrames } from '@/lib/article/page-frames';
import { loadTestDocument } from '@/tests/support/test-document';

/** The stand-in for the NYT article the seed links (tests/fixtures/pages/source-nyt-belarus-en). */
export const SEED_SOURCE_SLUG = 'source-nyt-belarus-en';

/**
 * A saved page (tests/fixtures/pages/<slug>) read by the extension's own extractor, at the URL
 * its expected.json gives: the source page as a source check would read it. Works in Node
 * (happy-dom's window is made by loadTestDocument, no test environment needed).
 */
export function sourcePageArticle(slug: string = SEED_SOURCE_SLUG): Article {
  const folder = join(import.meta.dirname, '../fixtures/pages', slug);
  const { pageUrl } = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { pageUrl: string };
  const document = loadTestDocument(readFileSync(join(folder, 'source.html'), 'utf8'), pageUrl);
  const result = extractFromPage(document, listPageFrames(document), { source: 'article' });
  if (!result.ok) throw new Error(`${slug}: no article (${JSON.stringify(result.error)})`);
  return result.article;
}
