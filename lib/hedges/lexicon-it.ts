import { type HedgeTerm, hedgePatterns, hedgeWords } from '@/lib/hedges/hedge-term';

/** Italian hedges and reported-speech markers. */
export const ITALIAN_HEDGES: HedgeTerm[] = [
  ...hedgePatterns('doubt', 'presunt(?:o|a|i|e)'),
  ...hedgeWords('doubt', 'presumibilmente', 'a quanto pare', 'apparentemente', 'sembra', 'pare che', 'cosiddetto'),
  // "secondo" is also the ordinal "second" ("il secondo mandato"): only as "according to".
  ...hedgePatterns('attribution', "secondo (?:il|lo|la|i|gli|le|l['’]|quanto|fonti|lui|lei|loro|me|noi)"),
  ...hedgeWords('attribution', 'stando a', 'a quanto si apprende', 'ha dichiarato', 'ha detto', 'riferisce'),
  // Condizionale of unconfirmed information: "sarebbe stato" = reportedly was.
  ...hedgeWords('possibility', 'sarebbe', 'sarebbero', 'avrebbe', 'avrebbero', 'potrebbe', 'potrebbero'),
  ...hedgeWords('possibility', 'forse', 'probabilmente', 'possibile', 'possibili'),
];
