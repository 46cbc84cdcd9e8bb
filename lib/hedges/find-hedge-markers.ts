import type { HedgeMarker } from '@/lib/hedges/hedge-check';
import { escapeRegExp, type HedgeCategory, type HedgeTerm } from '@/lib/hedges/hedge-term';

/** A marker the model named in a note (`hedges[].original`), with the category read from its gloss. */
export interface NamedMarker {
  text: string;
  category: HedgeCategory;
}

/**
 * Whole words only, in any script: no letter, mark or digit may touch the match on either side,
 * so "sei" does not match in "seit" and "по словам" is found in Cyrillic text (`\b` is ASCII-only).
 */
const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
const QUOTE_CHARACTERS = '"“”„‟«»‹›\'‘’‚';
const ANY_QUOTE = `[${QUOTE_CHARACTERS}]`;
// Not the apostrophe as an opening mark: "Smith’s" opens no quotation.
const OPENING_QUOTES = '"“„«‹‘‚';
const CLOSING_QUOTES = '"”“»›’';

const compiled = new WeakMap<HedgeTerm, RegExp>();

function termExpression(term: HedgeTerm): RegExp {
  let expression = compiled.get(term);
  if (!expression) {
    // Spaces in a phrase match any run of whitespace, as text copied from pages has.
    const source = term.pattern.replace(/ /g, '\\s+');
    expression = new RegExp(`${BEFORE}(?:${source})${AFTER}`, term.matchCase ? 'gu' : 'giu');
    compiled.set(term, expression);
  }
  return expression;
}

/** A named marker as the model copied it: any quotation mark for any other, any whitespace for any other. */
function namedExpression(text: string): RegExp {
  const source = escapeRegExp(text.trim().normalize('NFC'))
    .replace(new RegExp(ANY_QUOTE, 'g'), ANY_QUOTE)
    .replace(/\s+/g, '\\s+');
  return new RegExp(`${BEFORE}${source}${AFTER}`, 'giu');
}

/**
 * The hedge and attribution markers in a text: lexicon matches plus the markers the model named,
 * and with `quotations`, every quoted phrase. Where two markers overlap ("laut" inside "laut der
 * New York Times (NYT)"), the longer wins, so one phrase counts once; quotations are counted
 * apart, as a quote may hold a hedge of its own. Offsets are in the NFC-normalised text.
 */
export function findHedgeMarkers(
  text: string,
  terms: readonly HedgeTerm[],
  named: readonly NamedMarker[] = [],
  options: { quotations?: boolean } = {},
): HedgeMarker[] {
  const normalised = text.normalize('NFC');
  const candidates: HedgeMarker[] = options.quotations ? findQuotations(normalised) : [];
  for (const term of terms) {
    for (const match of normalised.matchAll(termExpression(term))) {
      candidates.push(marker(match, term.category, 'lexicon'));
    }
  }
  for (const entry of named) {
    if (!entry.text.trim()) continue;
    for (const match of normalised.matchAll(namedExpression(entry.text))) {
      candidates.push(marker(match, entry.category, 'model'));
    }
  }
  const quotations = withoutOverlaps(candidates.filter((candidate) => candidate.category === 'quotation'));
  const others = withoutOverlaps(candidates.filter((candidate) => candidate.category !== 'quotation'));
  return [...quotations, ...others].sort((left, right) => left.start - right.start);
}

/** Quoted words and phrases (“…”, „…“, «…», "…"): the translation's counterpart of distancing quotation marks. */
export function findQuotations(text: string): HedgeMarker[] {
  const normalised = text.normalize('NFC');
  const expression = new RegExp(`[${OPENING_QUOTES}][^${QUOTE_CHARACTERS}\\n]{1,120}[${CLOSING_QUOTES}]`, 'gu');
  return [...normalised.matchAll(expression)].map((match) => marker(match, 'quotation', 'lexicon'));
}

function marker(match: RegExpMatchArray, category: HedgeCategory, origin: HedgeMarker['origin']): HedgeMarker {
  const start = match.index ?? 0;
  return { text: match[0], category, start, end: start + match[0].length, origin };
}

function withoutOverlaps(candidates: HedgeMarker[]): HedgeMarker[] {
  const byLength = [...candidates].sort(
    (left, right) => right.end - right.start - (left.end - left.start) || left.start - right.start,
  );
  const kept: HedgeMarker[] = [];
  for (const candidate of byLength) {
    if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) kept.push(candidate);
  }
  return kept.sort((left, right) => left.start - right.start);
}
