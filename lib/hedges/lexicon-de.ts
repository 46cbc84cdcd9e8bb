import { type HedgeTerm, hedgePatterns, hedgeWords } from '@/lib/hedges/hedge-term';

/** Adjective endings, so "mutmaßliche" matches but "Möglichkeiten" does not. */
const ENDINGS = '(?:e|en|er|es|em)?';

/** German hedges and reported-speech markers, including the common Konjunktiv I forms of indirect speech. */
export const GERMAN_HEDGES: HedgeTerm[] = [
  ...hedgePatterns(
    'doubt',
    `mutma(?:ß|ss)lich${ENDINGS}`,
    `angeblich${ENDINGS}`,
    `vermeintlich${ENDINGS}`,
    `vermutlich${ENDINGS}`,
    `scheinbar${ENDINGS}`,
  ),
  ...hedgeWords('doubt', 'offenbar', 'anscheinend', 'womöglich', 'sogenannte', 'sogenannten'),
  // "wohl" is also the noun "Wohl" (welfare).
  { pattern: 'wohl', category: 'doubt', matchCase: true },
  ...hedgeWords(
    'attribution',
    'laut',
    'zufolge',
    'dem Vernehmen nach',
    'nach Angaben',
    'nach eigenen Angaben',
    'heißt es',
    'hieß es',
    // Konjunktiv I: the grammar of reported speech ("sei heimlich erfolgt" = is said to have happened secretly).
    'sei',
    'seien',
    'seiest',
    'könne',
    'müsse',
    'solle',
    'wolle',
    'dürfe',
    'wisse',
    'gebe',
    'stehe',
    'liege',
    'gehe',
    'komme',
    'bleibe',
    'bestehe',
    'handle',
    'handele',
    'markiere',
    'plane',
    // "soll … haben": is said to have.
    'soll',
    'sollen',
  ),
  ...hedgePatterns(
    'attribution',
    // "habe"/"werde" are also first person indicative ("ich habe"): not reported speech there.
    '(?<!ich )(?:habe|werde)',
    'bericht(?:et|en|ete|eten)',
    'sagt(?:e|en)?',
    'erklärt(?:e|en)?',
    'verkündet(?:e|en)?',
    'betont(?:e|en)?',
    'meldet(?:e|en)?',
    'schrieb(?:en)?',
    'nannte(?:n)?',
    'zitiert(?:e|en)?',
    'wie aus (?:[\\p{L}-]+ ){1,4}hervorgeht',
    // "so die Zeitung", "so der Minister": the reporting tag after a sentence.
    'so (?:der|die|das) [\\p{L}-]+',
  ),
  ...hedgeWords('possibility', 'könnte', 'könnten', 'würde', 'würden', 'dürfte', 'dürften', 'hätte', 'hätten'),
  ...hedgeWords('possibility', 'möglicherweise', 'eventuell', 'vielleicht', 'wahrscheinlich'),
  ...hedgePatterns('possibility', `möglich${ENDINGS}`),
];
