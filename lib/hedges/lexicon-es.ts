import { type HedgeTerm, hedgePatterns, hedgeWords } from '@/lib/hedges/hedge-term';

/** Spanish hedges and reported-speech markers. Not "supuesto" alone: "por supuesto" means "of course". */
export const SPANISH_HEDGES: HedgeTerm[] = [
  ...hedgePatterns('doubt', 'presunt(?:o|a|os|as)'),
  ...hedgeWords('doubt', 'presuntamente', 'supuestamente', 'al parecer', 'aparentemente', 'según parece'),
  ...hedgeWords('attribution', 'según', 'de acuerdo con', 'afirmó', 'afirman', 'aseguró', 'dijo', 'declaró'),
  ...hedgePatterns('attribution', 'informó', 'informaron'),
  // Condicional of unconfirmed information: "habría muerto" = reportedly died.
  ...hedgeWords('possibility', 'habría', 'habrían', 'sería', 'serían', 'podría', 'podrían', 'estaría', 'estarían'),
  ...hedgeWords('possibility', 'posiblemente', 'probablemente', 'quizás', 'quizá', 'tal vez', 'posible'),
];
