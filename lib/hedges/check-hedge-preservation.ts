import type { Article } from '@/lib/article/article';
import { pairTranslation } from '@/lib/bilingual/pair-translation';
import type { AlignedParagraph } from '@/lib/translation/align';
import { findHedgeMarkers, type NamedMarker } from '@/lib/hedges/find-hedge-markers';
import type { HedgeCheck, HedgeMarker, HedgeStatus } from '@/lib/hedges/hedge-check';
import { hedgeLexicon } from '@/lib/hedges/hedge-lexicon';
import type { HedgeCategory, HedgeTerm } from '@/lib/hedges/hedge-term';

/** What this check reads from a note: the same shape while streaming and when done. */
export interface NoteHedges {
  paragraphId?: string | null;
  hedges?: Array<{ original?: string; english?: string }>;
}

type GradedCategory = Exclude<HedgeCategory, 'quotation'>;
const GRADED: readonly GradedCategory[] = ['doubt', 'attribution', 'possibility'];
const CATEGORY_NAMES: Record<HedgeCategory, string> = {
  doubt: 'doubt',
  attribution: 'attribution',
  possibility: 'possibility',
  quotation: 'quotation marks',
};

/**
 * For each paragraph with a translation: the hedges and attributions of the original (the
 * article language's lexicon, plus the markers the model listed in its notes) against those of
 * its translation, quoted phrases included (a quotation mark dropped turns a quote or a
 * distancing "so-called" into the writer's own words).
 *
 * A paragraph is `lost` when a marker has no counterpart (see SUBSTITUTES) or fewer phrases are
 * quoted, e.g. "mutmaßlich" rendered as a plain fact; `weakened` when doubt survives only as
 * possibility or attribution ("mutmaßlich" → "according to"). Returns nothing when the
 * translation's language has no lexicon: then there is nothing to compare against.
 */
export function checkHedgePreservation(
  article: Pick<Article, 'paragraphs' | 'language'>,
  aligned: readonly AlignedParagraph[],
  notes: readonly NoteHedges[] | undefined,
  options: { translationLanguage?: string } = {},
): HedgeCheck[] {
  const translationTerms = hedgeLexicon(options.translationLanguage ?? 'en');
  if (translationTerms.length === 0) return [];
  const originalTerms = hedgeLexicon(article.language);
  // The model writes its glosses (`hedges[].english`) in the target language: read them with its lexicon.
  const named = namedMarkersByParagraph(article, notes ?? [], translationTerms);
  return pairTranslation(article.paragraphs, aligned).flatMap((pair) => {
    if (pair.paragraphId === null || pair.original === null || pair.translation === null) return [];
    const originalMarkers = findHedgeMarkers(pair.original, originalTerms, named.get(pair.paragraphId) ?? [], {
      quotations: true,
    });
    const translatedMarkers = findHedgeMarkers(plainText(pair.translation), translationTerms, [], { quotations: true });
    return [
      {
        paragraphId: pair.paragraphId,
        originalMarkers,
        translatedMarkers,
        ...judge(originalMarkers, translatedMarkers),
      },
    ];
  });
}

/**
 * Which translated markers can stand for an original one: first its own kind; then a reported
 * claim may come out as doubt or possibility (Konjunktiv I "sei" → "is said to", "would"), a
 * possibility as doubt. Doubt that comes out only as possibility or attribution is weakened.
 */
const SUBSTITUTES: Record<GradedCategory, { kept: GradedCategory[]; weakened: GradedCategory[] }> = {
  doubt: { kept: [], weakened: ['possibility', 'attribution'] },
  attribution: { kept: ['doubt', 'possibility'], weakened: [] },
  possibility: { kept: ['doubt'], weakened: [] },
};

function judge(original: HedgeMarker[], translated: HedgeMarker[]): { status: HedgeStatus; detail: string } {
  if (original.length === 0) return { status: 'kept', detail: 'No hedges or attributions in the original.' };
  const missing = new Map<GradedCategory, number>();
  const spare = new Map<GradedCategory, number>();
  for (const category of GRADED) {
    const matched = Math.min(count(original, category), count(translated, category));
    missing.set(category, count(original, category) - matched);
    spare.set(category, count(translated, category) - matched);
  }
  const weakened: GradedCategory[] = [];
  for (const category of GRADED) {
    for (const [substitutes, weakens] of [
      [SUBSTITUTES[category].kept, false],
      [SUBSTITUTES[category].weakened, true],
    ] as const) {
      for (const substitute of substitutes) {
        const used = Math.min(missing.get(category) ?? 0, spare.get(substitute) ?? 0);
        if (used === 0) continue;
        missing.set(category, (missing.get(category) ?? 0) - used);
        spare.set(substitute, (spare.get(substitute) ?? 0) - used);
        if (weakens) weakened.push(category);
      }
    }
  }
  const lost = GRADED.filter((category) => (missing.get(category) ?? 0) > 0);
  const problems = lost.map((category) => {
    const counterparts = of(translated, category);
    return `${capitalise(CATEGORY_NAMES[category])} in the original (${list(of(original, category))}) has fewer counterparts in the translation (${counterparts.length > 0 ? list(counterparts) : 'none'}).`;
  });
  const originalQuotes = of(original, 'quotation');
  const translatedQuotes = of(translated, 'quotation');
  if (translatedQuotes.length < originalQuotes.length) {
    problems.push(
      `The original quotes ${originalQuotes.length} phrases (${list(originalQuotes)}); the translation ${translatedQuotes.length}${translatedQuotes.length > 0 ? ` (${list(translatedQuotes)})` : ''}.`,
    );
  }
  const translatedText = translated.length > 0 ? list(translated) : 'none';
  if (problems.length > 0) return { status: 'lost', detail: problems.join(' ') };
  if (weakened.length > 0) {
    const doubt = list(of(original, 'doubt'));
    return {
      status: 'weakened',
      detail: `The original expresses doubt (${doubt}); the translation renders some of it only as possibility or attribution (${translatedText}).`,
    };
  }
  return { status: 'kept', detail: `Every marker has a counterpart: ${list(original)} → ${translatedText}.` };
}

/** The markers the model listed, per paragraph, each with the kind its gloss describes. */
function namedMarkersByParagraph(
  article: Pick<Article, 'paragraphs'>,
  notes: readonly NoteHedges[],
  glossTerms: readonly HedgeTerm[],
): Map<string, NamedMarker[]> {
  const ids = article.paragraphs.map((paragraph) => paragraph.id);
  const byParagraph = new Map<string, NamedMarker[]>(ids.map((id) => [id, []]));
  for (const note of notes) {
    // A note without a (known) paragraph may rest on any of them.
    const targets = note.paragraphId && byParagraph.has(note.paragraphId) ? [note.paragraphId] : ids;
    for (const hedge of note.hedges ?? []) {
      if (!hedge.original?.trim()) continue;
      const marker = { text: hedge.original, category: namedCategory(hedge.original, hedge.english ?? '', glossTerms) };
      for (const id of targets) byParagraph.get(id)?.push(marker);
    }
  }
  return byParagraph;
}

const QUOTED = /^["“”„‟«»‹›'‘’‚].*["“”„‟«»‹›'‘’‚]$/su;

/** "“politischen Gefangenen”" is a quotation; otherwise the first marker of the gloss tells ("allegedly" → doubt). */
function namedCategory(original: string, gloss: string, glossTerms: readonly HedgeTerm[]): HedgeCategory {
  if (QUOTED.test(original.trim()) || /quotation marks|scare quotes/i.test(gloss)) return 'quotation';
  return findHedgeMarkers(gloss, glossTerms)[0]?.category ?? 'attribution';
}

/** Link targets out, so a URL's words ("…/reports/…") do not count as markers. */
function plainText(markdown: string): string {
  return markdown.replace(/\]\([^)]*\)/g, ']');
}

function of(markers: HedgeMarker[], category: HedgeCategory): HedgeMarker[] {
  return markers.filter((marker) => marker.category === category);
}

function count(markers: HedgeMarker[], category: HedgeCategory): number {
  return of(markers, category).length;
}

function list(markers: HedgeMarker[]): string {
  return markers.map((marker) => marker.text.replace(/\s+/g, ' ')).join(', ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
