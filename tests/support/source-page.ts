import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '@/lib/article/article';
import { extractFromPage } from '@/lib/article/extract-page';
import { listPageFrames } from '@/lib/article/page-frames';
import { readSavedPage } from '@/tests/support/saved-page';
import { loadTestDocument } from '@/tests/support/test-document';

/** The stand-in for the NYT article the seed links (tests/fixtures/pages/source-nyt-belarus-en). */
export const SEED_SOURCE_SLUG = 'source-nyt-belarus-en';

/**
 * The second step of the chain: the stand-in for the State Department readout that the stand-in
 * NYT page links and attributes Smith's words at the embassy to
 * (tests/fixtures/pages/source-state-belarus-readout-en).
 */
export const SEED_READOUT_SLUG = 'source-state-belarus-readout-en';

/** Where the stand-in NYT page links the readout, as saved. */
export const SEED_READOUT_LINK =
  'https://www.state.gov/releases/office-of-the-spokesperson/2025/02/deputy-secretary-smiths-remarks-in-vilnius';

/**
 * The stand-in NYT page's HTML with its readout link pointed at `readoutUrl`: for a browser test
 * that serves both pages (page-server.ts `addPage`) and follows the chain from one to the other.
 */
export function seedSourceHtmlLinkingReadout(readoutUrl: string): string {
  const html = readSavedPage(SEED_SOURCE_SLUG);
  if (!html.includes(SEED_READOUT_LINK)) throw new Error(`${SEED_SOURCE_SLUG} no longer links ${SEED_READOUT_LINK}`);
  return html.replace(SEED_READOUT_LINK, readoutUrl);
}

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

/** Where the seed article (tests/fixtures/pages/seed-de) links the NYT, as saved. */
export const SEED_NYT_LINK = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';

/**
 * The seed article's HTML with its NYT link pointed at `nytUrl` (a stand-in the page server
 * serves), for a browser test that checks the seed against its linked source.
 */
export function seedHtmlLinkingNyt(nytUrl: string): string {
  const html = readSavedPage('seed-de');
  if (!html.includes(SEED_NYT_LINK)) throw new Error(`seed-de no longer links ${SEED_NYT_LINK}`);
  return html.replaceAll(SEED_NYT_LINK, nytUrl);
}
