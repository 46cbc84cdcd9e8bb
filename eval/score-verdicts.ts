import { overlaps } from '@/eval/plain-words';
import type { ExpectedVerdict, Verdict } from '@/eval/rubric';

/**
 * What a source check reported for one claim, as check-linked-sources.ts reads it from `checkSource`
 * (lib/sources/check-source.ts): the article's words it judged, the model's verdict, and whether the
 * passage it cites was found verbatim in the source. An unverified passage shows as "Unverified
 * check" in the panel, never as its verdict, and is scored so here.
 */
export interface ObservedVerdict {
  articleText: string;
  verdict: Verdict;
  passageVerified: boolean;
}

export interface VerdictScore {
  correct: number;
  total: number;
  /** Each expected verdict with what the check said: a verdict, `unverified`, or `missing` (no check of that claim). */
  outcomes: Array<{ articleText: string; expected: Verdict; observed: Verdict | 'unverified' | 'missing' }>;
}

/**
 * Verdict accuracy: an expected verdict is right when a check of the same claim (its article
 * words overlapping the rubric's) reached the same verdict on a passage verified in the source.
 * A `not-found` verdict rests on no passage and needs none.
 */
export function scoreVerdicts(
  expected: readonly ExpectedVerdict[],
  observed: readonly ObservedVerdict[],
): VerdictScore {
  const outcomes = expected.map((want) => {
    const check = observed.find((candidate) => overlaps(candidate.articleText, want.articleText));
    const said: Verdict | 'unverified' | 'missing' = !check
      ? 'missing'
      : check.passageVerified || check.verdict === 'not-found'
        ? check.verdict
        : 'unverified';
    return { articleText: want.articleText, expected: want.verdict, observed: said };
  });
  return {
    correct: outcomes.filter((outcome) => outcome.observed === outcome.expected).length,
    total: expected.length,
    outcomes,
  };
}
