import type { HedgeTerm } from '@/lib/hedges/hedge-term';
import { GERMAN_HEDGES } from '@/lib/hedges/lexicon-de';
import { ENGLISH_HEDGES } from '@/lib/hedges/lexicon-en';
import { SPANISH_HEDGES } from '@/lib/hedges/lexicon-es';
import { FRENCH_HEDGES } from '@/lib/hedges/lexicon-fr';
import { ITALIAN_HEDGES } from '@/lib/hedges/lexicon-it';
import { PORTUGUESE_HEDGES } from '@/lib/hedges/lexicon-pt';
import { RUSSIAN_HEDGES } from '@/lib/hedges/lexicon-ru';

const LEXICONS: Record<string, HedgeTerm[]> = {
  de: GERMAN_HEDGES,
  en: ENGLISH_HEDGES,
  es: SPANISH_HEDGES,
  fr: FRENCH_HEDGES,
  it: ITALIAN_HEDGES,
  pt: PORTUGUESE_HEDGES,
  ru: RUSSIAN_HEDGES,
};

/**
 * The hedge lexicon for a BCP 47 tag (`de`, `de-AT`, `pt-BR`), or an empty one for languages
 * without a lexicon yet: then only the markers the model named are compared.
 */
export function hedgeLexicon(language: string | undefined): HedgeTerm[] {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(LEXICONS, primary) ? (LEXICONS[primary] ?? []) : [];
}

/** Whether a language has a lexicon: without one on the translation side, nothing can be compared. */
export function hasHedgeLexicon(language: string | undefined): boolean {
  return hedgeLexicon(language).length > 0;
}
