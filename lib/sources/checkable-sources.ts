import type { Article } from '@/lib/article/article';
import { siteDomain } from '@/lib/article/site-domain';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { linkedSources } from '@/lib/attribution/linked-sources';

/** One claim a note attributes to a linked source, as the check request sends it. */
export interface SourceClaim {
  /** `c1`, `c2`, … in note order within its source: how the check request and its answer name the claim. */
  id: string;
  /** Index of the note in the analysis' notes. */
  noteIndex: number;
  /** The sentence of the article the note rests on, in the article's own language and wording. */
  original: string;
  /** The claim in the reader's language (the note's `claim`: English by default). */
  claim: string;
  paragraphId: string | null;
  /** The name under which the note attributes it: its source or a link of its relay chain. */
  attributedAs: string;
}

/** A source linked from the article that notes attribute claims to: what one check is about. */
export interface CheckableSource {
  /** The link's absolute URL, as the article has it. */
  url: string;
  /** The fullest of the names the notes give it ("The New York Times" rather than "NYT"). */
  name: string;
  /** `nytimes.com`; null when the URL has no host. */
  domain: string | null;
  /** Every name the notes give it, as they give them. */
  names: string[];
  claims: SourceClaim[];
}

type PartialNote = NonNullable<PartialAnalysis['notes']>[number];

/** The names a note attributes its claim to: its source (when named) and every link of its chain. */
function namesOf(note: PartialNote): string[] {
  const names: string[] = [];
  const type = note?.source?.type;
  if (note?.source?.name && type !== 'anonymous' && type !== 'none') names.push(note.source.name);
  for (const link of note?.chain ?? []) if (link?.name) names.push(link.name);
  return names;
}

/**
 * The linked sources that notes attribute claims to, each with its claims. A note belongs to a
 * source when its source's name or any name in its relay chain matches the source's link, by the
 * link's text or its site (`linkedSources` decides: "New York Times", "NYT" and nytimes.com are one
 * source). One source per URL; sources in the order the notes first name them, claims in note order.
 * A note without its quote or claim yet (still streaming) is left out: there is nothing to check.
 */
export function checkableSources(article: Article, notes: PartialAnalysis['notes']): CheckableSource[] {
  const byUrl = new Map<string, CheckableSource>();
  /** Which URLs each name matches, asked once per name. */
  const urlsOfName = new Map<string, string[]>();
  const urlsOf = (name: string): string[] => {
    const key = name.trim().toLowerCase();
    let urls = urlsOfName.get(key);
    if (!urls) {
      urls = linkedSources(article, [{ source: { name, type: 'media-outlet' }, chain: [] }]).map((link) => link.url);
      urlsOfName.set(key, urls);
    }
    return urls;
  };
  (notes ?? []).forEach((note, noteIndex) => {
    if (!note?.quote || !note.claim) return;
    const claimed = new Set<string>();
    for (const name of namesOf(note)) {
      for (const url of urlsOf(name)) {
        if (claimed.has(url)) continue;
        claimed.add(url);
        let source = byUrl.get(url);
        if (!source) {
          source = { url, name, domain: siteDomain(url), names: [], claims: [] };
          byUrl.set(url, source);
        }
        if (!source.names.some((known) => known.toLowerCase() === name.trim().toLowerCase())) {
          source.names.push(name.trim());
        }
        source.claims.push({
          id: `c${source.claims.length + 1}`,
          noteIndex,
          original: note.quote,
          claim: note.claim,
          paragraphId: note.paragraphId ?? null,
          attributedAs: name.trim(),
        });
      }
    }
  });
  return [...byUrl.values()].map((source) => ({ ...source, name: fullestName(source.names) }));
}

/** The name with the most letters: "The New York Times" over "NYT"; the first given on a tie. */
function fullestName(names: string[]): string {
  return names.reduce((best, name) => (letters(name) > letters(best) ? name : best), names[0] ?? '');
}

function letters(name: string): number {
  return name.replace(/[^\p{L}]/gu, '').length;
}
