import { type HedgeTerm, hedgePatterns, hedgeWords } from '@/lib/hedges/hedge-term';

const APOSTROPHE = "['’]";

/** French hedges and reported-speech markers; the conditionnel of unconfirmed information ("aurait") is the main one. */
export const FRENCH_HEDGES: HedgeTerm[] = [
  ...hedgePatterns('doubt', 'présumé(?:e|s|es)?', 'prétendu(?:e|s|es)?', 'supposé(?:e|s|es)?', 'soi-disant'),
  ...hedgeWords('doubt', 'présumément', 'apparemment', 'prétendument', 'supposément', 'visiblement', 'semble-t-il'),
  ...hedgeWords('attribution', 'selon', 'affirme', 'affirment', 'a déclaré', 'ont déclaré', 'dit-on', 'à en croire'),
  ...hedgePatterns('attribution', `d${APOSTROPHE}après`, `il para[iî]t`, 'de sources? \\p{L}+', `rapport(?:e|ent|é)`),
  // Conditionnel journalistique: "aurait rencontré" = reportedly met.
  ...hedgeWords('possibility', 'aurait', 'auraient', 'serait', 'seraient', 'pourrait', 'pourraient', 'devrait'),
  ...hedgeWords('possibility', 'peut-être', 'probablement', 'possible', 'possibles', 'éventuellement'),
];
