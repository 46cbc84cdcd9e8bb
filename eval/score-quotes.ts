import type { Article } from '@/lib/article/article';
import type { Note } from '@/lib/attribution/analysis';
import { createAttributionChecker } from '@/lib/attribution/attribution-check';
import { locateNotes } from '@/lib/attribution/grounding';

export interface QuoteScore {
  /** Notes whose quote is in the article word for word (quote marks, spaces and case aside). */
  verbatim: number;
  /** Of those, the ones whose attribution the article does not make: the panel does not count them as verified. */
  attributionMissing: number;
  nearMiss: number;
  notFound: number;
  notes: number;
}

/** The notes' quotes grounded in the article exactly as the side panel grounds them (lib/attribution). */
export function scoreQuotes(article: Pick<Article, 'paragraphs' | 'language'>, notes: readonly Note[]): QuoteScore {
  const locations = locateNotes(article, notes);
  const checkAttribution = createAttributionChecker(article);
  const score: QuoteScore = { verbatim: 0, attributionMissing: 0, nearMiss: 0, notFound: 0, notes: notes.length };
  notes.forEach((note, index) => {
    const location = locations[index] ?? null;
    if (location?.status === 'verified') {
      score.verbatim++;
      if (checkAttribution(note, location).status === 'missing') score.attributionMissing++;
    } else if (location?.status === 'near-miss') score.nearMiss++;
    else score.notFound++;
  });
  return score;
}
