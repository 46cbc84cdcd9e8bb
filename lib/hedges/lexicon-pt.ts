import { type HedgeTerm, hedgePatterns, hedgeWords } from '@/lib/hedges/hedge-term';

/** Portuguese hedges and reported-speech markers (Brazil and Portugal). */
export const PORTUGUESE_HEDGES: HedgeTerm[] = [
  ...hedgePatterns('doubt', 'suposto(?:s)?', 'suposta(?:s)?', 'alegad(?:o|a|os|as)', 'presumível'),
  ...hedgeWords('doubt', 'supostamente', 'alegadamente', 'presumivelmente', 'aparentemente', 'ao que parece'),
  // "segundo" is also the ordinal "second": only as "according to".
  ...hedgePatterns('attribution', 'segundo (?:o|a|os|as|fontes|dados|informações|ele|ela|eles|elas)'),
  ...hedgeWords('attribution', 'de acordo com', 'conforme', 'afirmou', 'disse', 'declarou', 'relatou'),
  // Futuro do pretérito of unconfirmed information: "teria morrido" = reportedly died.
  ...hedgeWords('possibility', 'teria', 'teriam', 'seria', 'seriam', 'poderia', 'poderiam', 'estaria', 'estariam'),
  ...hedgeWords('possibility', 'possivelmente', 'provavelmente', 'talvez', 'possível'),
];
