import { type HedgeTerm, hedgePatterns, hedgeWords } from '@/lib/hedges/hedge-term';

/**
 * English hedges and reported-speech markers: the translation side, and the reading of the
 * model's glosses (`hedges[].english`) when deciding what kind of hedge a marker is.
 */
export const ENGLISH_HEDGES: HedgeTerm[] = [
  ...hedgeWords('doubt', 'allegedly', 'alleged', 'supposedly', 'supposed', 'purportedly', 'purported'),
  ...hedgeWords('doubt', 'apparently', 'apparent', 'presumably', 'presumed', 'ostensibly', 'seemingly', 'so-called'),
  ...hedgePatterns('doubt', 'seem(?:s|ed)?', 'appear(?:s|ed)? to'),
  // Adverbs of hearsay distance the writer as "allegedly" does: counted with doubt, so "mutmaßlich" → "reportedly" holds.
  ...hedgeWords('doubt', 'reportedly', 'said to', 'is said', 'are said', 'suspected'),
  ...hedgeWords('attribution', 'according to', 'as reports indicate'),
  ...hedgePatterns(
    'attribution',
    'report(?:s|ed)?',
    'sa(?:y|ys|id)',
    'claim(?:s|ed)?',
    // Not "states": "the United States".
    'stated',
    'called',
    'told',
    'wr(?:ites|ote)',
    'add(?:s|ed)',
    'continu(?:es|ed)',
    'announc(?:es|ed)',
    'in (?:his|her|their) words',
  ),
  ...hedgeWords('possibility', 'would', 'could', 'might', 'possible', 'possibly', 'perhaps', 'maybe', 'likely'),
  // "May" the month.
  { pattern: 'may', category: 'possibility', matchCase: true },
];
