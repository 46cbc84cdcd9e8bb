import type { Article } from '@/lib/article/article';
import { siteDomain } from '@/lib/article/site-domain';
import { linkedSources } from '@/lib/attribution/linked-sources';
import type { CheckableSource } from '@/lib/sources/checkable-sources';
import type { CheckedClaimResult, SourceCheckResult } from '@/lib/sources/source-check-result';

/** Verdicts that rest on a passage verified in the source: only such a passage can be followed further. */
const FOLLOWABLE_VERDICTS: ReadonlySet<CheckedClaimResult['verdict']> = new Set([
  'supported',
  'partly-supported',
  'contradicted',
]);

/**
 * One step further along the relay chain: the sources that a checked source links and that its own
 * attributions name ("according to a State Department readout", linked), each with the claims that
 * lead there, ready for the same check (check-source.ts, with `parentUrl: result.url`).
 *
 * A claim leads on when its verdict rests on a verified passage (supported, partly supported or
 * contradicted) and the check says whom the source attributes that passage to (`attributedTo`).
 * That name is matched to the source page's body links exactly as checkableSources matches note
 * names to the article's links (linkedSources: the link's text or its site; links to the source's
 * own site by their text only). Each claim sent on carries:
 * - `original`: the source's verified passage, in the source's language: the next check compares
 *   the next source against what this source says, not against the article;
 * - `claim`: the reader's-language claim, and `noteIndex`, unchanged: the note it all started from;
 * - `paragraphId`: null (the passage's paragraph is the source's, not the article's);
 * - `attributedAs`: the name as the source gives it.
 *
 * One source per URL, in the order the claims first lead to it; the checked source itself is never
 * among them. Empty for a check made before attributions were asked for (no `attributedTo`, no `links`),
 * and for a follow-up check itself (`parentUrl` set): the chain is followed one step past the
 * article's own links and no further (issue 14, item 5), so each step's cost stays one the reader chose.
 */
export function followableSources(result: SourceCheckResult): CheckableSource[] {
  const links = result.links ?? [];
  if (links.length === 0 || result.parentUrl) return [];
  const page: Article = {
    url: result.url,
    canonicalUrl: result.url,
    title: result.title,
    byline: null,
    siteName: null,
    publishedTime: result.publishedTime,
    language: result.language,
    languageSource: 'unknown',
    paragraphs: [],
    links: links.map((link) => ({ text: link.name, url: link.url, paragraphId: '' })),
    wordCount: 0,
    source: 'article',
  };
  const byUrl = new Map<string, CheckableSource>();
  for (const checked of result.claims) {
    const name = checked.attributedTo?.trim();
    if (!name || !checked.passage || !FOLLOWABLE_VERDICTS.has(checked.verdict)) continue;
    const matches = linkedSources(page, [{ source: { name, type: 'media-outlet' }, chain: [] }]);
    for (const { url } of matches) {
      if (url === result.url) continue;
      let source = byUrl.get(url);
      if (!source) {
        source = { url, name, domain: siteDomain(url), names: [], claims: [] };
        byUrl.set(url, source);
      }
      if (!source.names.some((known) => known.toLowerCase() === name.toLowerCase())) source.names.push(name);
      if (source.claims.some((claim) => claim.noteIndex === checked.noteIndex)) continue;
      source.claims.push({
        id: `c${source.claims.length + 1}`,
        noteIndex: checked.noteIndex,
        original: checked.passage.text,
        claim: checked.claim,
        paragraphId: null,
        attributedAs: name,
      });
    }
  }
  return [...byUrl.values()];
}
