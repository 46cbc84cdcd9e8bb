/**
 * What a marker does to a claim, coarse enough to compare across languages:
 * - doubt: the writer distances themselves from the claim ("mutmaßlich", "allegedly", "reportedly", "якобы");
 * - attribution: the claim is reported, someone else's ("laut", "selon", Konjunktiv I "sei", "according to");
 * - possibility: the claim is only possible or conditional ("könnte", "würden", "could", "would");
 * - quotation: distancing quotation marks around a word ("“political prisoners”"); only the model names these.
 */
export const HEDGE_CATEGORIES = ['doubt', 'attribution', 'possibility', 'quotation'] as const;
export type HedgeCategory = (typeof HEDGE_CATEGORIES)[number];

/** One entry of a lexicon: a regular-expression source matched as whole words, case-insensitively unless `matchCase`. */
export interface HedgeTerm {
  pattern: string;
  category: HedgeCategory;
  /** For words that are also names or months when capitalised: English "May". */
  matchCase?: boolean;
}

/** Plain words (no regex syntax) of one category, as lexicon entries. */
export function hedgeWords(category: HedgeCategory, ...words: string[]): HedgeTerm[] {
  return words.map((word) => ({ pattern: escapeRegExp(word), category }));
}

/** Regex sources of one category, for inflected or discontinuous phrases ("по (его )?словам"). */
export function hedgePatterns(category: HedgeCategory, ...patterns: string[]): HedgeTerm[] {
  return patterns.map((pattern) => ({ pattern, category }));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
