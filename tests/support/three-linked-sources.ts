import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Article, ArticleLinkSchema } from '@/lib/article/article';
import { AnalysisSchema, type Note } from '@/lib/attribution/analysis';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';

/** The seed's link to the NYT (tests/fixtures/pages/seed-de), and two more sources added to it. */
export const NYT_URL = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';
export const REUTERS_URL = 'https://www.reuters.com/world/europe/belarus-prisoners-2025-02-13/';
export const ZEIT_URL = 'https://www.zeit.example/2025/belarus-sanktionen';

/**
 * The seed article linking three sources that notes attribute claims to, for the tests of checking
 * several at once: the NYT (the seed's own link and notes), Reuters (the note on the Vilnius trip,
 * re-attributed) and Die Zeit (the note on the 2021 sanctions, re-attributed).
 */
export function threeLinkedSources(): { article: Article; notes: Note[] } {
  const seedLinks = ArticleLinkSchema.array().parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/pages/seed-de/expected.json'), 'utf8')).expected
      .links,
  );
  const article: Article = {
    ...seedArticle(),
    links: [
      ...seedLinks,
      { text: 'Reuters', url: REUTERS_URL, paragraphId: 'p3' },
      { text: 'Die Zeit', url: ZEIT_URL, paragraphId: 'p5' },
    ],
  };
  const seedNotes = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes;
  const noteFor = (name: string, index: number): Note => ({
    ...(seedNotes[index] as Note),
    source: { name, role: null, type: 'media-outlet' },
  });
  return { article, notes: [...seedNotes, noteFor('Reuters', 4), noteFor('Die Zeit', 7)] };
}
