import type { PartialAnalysis } from '@/lib/attribution/analysis';

type PartialNote = NonNullable<PartialAnalysis['notes']>[number];

/**
 * How the article's claims are sourced, counted over the model's notes. The first three are
 * exclusive and together count every note (`total`); hedged and second-hand cut across them.
 */
export interface AttributionCounts {
  /**
   * Attributed to a named source: the source is a person, organisation, media outlet or document
   * (`source.type`), and the note is neither an anonymous-source nor an unattributed-assertion.
   */
  named: number;
  /** Attributed to a source the text does not name: `source.type` "anonymous" or kind "anonymous-source". */
  anonymous: number;
  /** Asserted by the page with no source at all: kind "unattributed-assertion" or `source.type` "none". */
  unattributed: number;
  /** Notes with at least one hedge (a hedging or reported-speech word of the original), whatever the source. */
  hedged: number;
  /**
   * Second-hand reporting: the chain from this page to the source passes through another media
   * outlet, i.e. a link after the first ("This page") is an outlet. A link is an outlet when it is
   * the note's own source and that source's type is "media-outlet", when its name is the name of a
   * media-outlet source in any note of the same analysis, or when its name reads as a news outlet
   * or agency (NEWS_OUTLET_NAME). "This page → The New York Times" counts: the page relays what the
   * NYT reported rather than reporting it itself.
   */
  secondHand: number;
  /** Notes counted: those whose source type is known, or whose kind says anonymous or unattributed (a note still streaming may be neither yet). */
  total: number;
}

const NAMED_TYPES = new Set(['person', 'organisation', 'media-outlet', 'document']);

/** Words in the names of newspapers, broadcasters and agencies, in the languages we see most. */
const NEWS_OUTLET_NAME =
  /\b(times|post|journal|gazette|herald|tribune|guardian|telegraph|chronicle|daily|newspaper|news|press|agency|reuters|associated press|afp|dpa|bbc|cnn|tass|ria novosti|interfax|xinhua|kyodo|zeitung|tagesschau|spiegel|le monde|le figaro|el país|corriere|la repubblica|agence|agencia|nachrichtenagentur)\b/iu;

function comparableName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^(the|der|die|das|le|la|les|el|il)\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function isCounted(note: PartialNote): boolean {
  return note.source?.type !== undefined || isUnattributed(note) || isAnonymous(note);
}

function isUnattributed(note: PartialNote): boolean {
  return note.kind === 'unattributed-assertion' || note.source?.type === 'none';
}

function isAnonymous(note: PartialNote): boolean {
  return note.kind === 'anonymous-source' || note.source?.type === 'anonymous';
}

function isHedged(note: PartialNote): boolean {
  return (note.hedges ?? []).some((hedge) => Boolean(hedge.original?.trim()));
}

function isSecondHand(note: PartialNote, outletNames: ReadonlySet<string>): boolean {
  const chain = note.chain ?? [];
  const sourceName = note.source?.name ? comparableName(note.source.name) : null;
  return chain.slice(1).some((link) => {
    if (!link.name) return false;
    const name = comparableName(link.name);
    if (note.source?.type === 'media-outlet' && name === sourceName) return true;
    return outletNames.has(name) || NEWS_OUTLET_NAME.test(link.name);
  });
}

/** Counts the notes by how their claims are sourced; see each field for its exact definition. */
export function attributionCounts(notes: PartialAnalysis['notes']): AttributionCounts {
  const counted = (notes ?? []).filter(isCounted);
  const outletNames = new Set(
    counted
      .filter((note) => note.source?.type === 'media-outlet' && note.source.name)
      .map((note) => comparableName(note.source?.name ?? '')),
  );
  const counts: AttributionCounts = { named: 0, anonymous: 0, unattributed: 0, hedged: 0, secondHand: 0, total: 0 };
  for (const note of counted) {
    counts.total += 1;
    if (isUnattributed(note)) counts.unattributed += 1;
    else if (isAnonymous(note)) counts.anonymous += 1;
    else if (note.source?.type && NAMED_TYPES.has(note.source.type)) counts.named += 1;
    if (isHedged(note)) counts.hedged += 1;
    if (isSecondHand(note, outletNames)) counts.secondHand += 1;
  }
  return counts;
}
