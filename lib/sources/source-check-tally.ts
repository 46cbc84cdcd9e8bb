import { i18n } from '#i18n';
import type { SourceCheckResult } from '@/lib/sources/source-check-result';

/**
 * The line at the top of Sources for one checked source, in the interface's language
 * (locales/*.yml, `sourceCheck.tally`), e.g. "4 of 5 claims attributed to The
 * New York Times found in its article; 1 partly: the article says 'secret', the source does not".
 * Found means supported or partly supported: a passage of the source, verified verbatim, bears the
 * claim out. The claims not found are named next (found counts the partly supported, so the
 * numbers alone would hide them), then contradicted and unverified checks, with what differs. A source read behind a paywall or cut to
 * fit the model says so in a sentence of its own, since a claim not found, or a passage not
 * verified, may be in the part that was not read.
 */
export function sourceCheckTally(
  result: Pick<SourceCheckResult, 'name' | 'claims' | 'partial' | 'paragraphsSent' | 'paragraphsTotal'>,
): string {
  const total = result.claims.length;
  const count = (verdict: string) => result.claims.filter((claim) => claim.verdict === verdict);
  const partly = count('partly-supported');
  const found = count('supported').length + partly.length;
  const contradicted = count('contradicted');
  const unverified = count('unverified');
  const parts = [i18n.t('sourceCheck.tally.found', total, { found, count: total, name: result.name })];
  if (partly.length > 0) {
    parts.push(i18n.t('sourceCheck.tally.partly', { count: partly.length, differences: differences(partly) }));
  }
  // Found counts the partly supported too, so what was not found is named: for the reader, often the finding.
  const notFound = count('not-found');
  if (notFound.length > 0) {
    parts.push(i18n.t('sourceCheck.tally.notFound', { count: notFound.length, claims: claimsNamed(notFound) }));
  }
  if (contradicted.length > 0) {
    parts.push(
      i18n.t('sourceCheck.tally.contradicted', { count: contradicted.length, differences: differences(contradicted) }),
    );
  }
  if (unverified.length > 0) {
    const key = result.partial ? 'sourceCheck.tally.unverifiedPartial' : 'sourceCheck.tally.unverified';
    parts.push(i18n.t(key, unverified.length, { count: unverified.length }));
  }
  const scope =
    result.partial === 'paywall'
      ? i18n.t('sourceCheck.tally.paywall')
      : result.partial === 'cut-to-fit'
        ? i18n.t('sourceCheck.tally.cutToFit', { sent: result.paragraphsSent, total: result.paragraphsTotal })
        : '';
  return parts.join(i18n.t('sourceCheck.tally.separator')) + scope;
}

/** The claims in the reader's language, each quoted, without its full stop. */
function claimsNamed(claims: SourceCheckResult['claims']): string {
  return claims
    .map((claim) =>
      i18n.t('sourceCheck.tally.quoted', { text: (claim.claim.trim() || claim.original.trim()).replace(/\.$/, '') }),
    )
    .join(i18n.t('sourceCheck.tally.separator'));
}

function differences(claims: SourceCheckResult['claims']): string {
  return claims
    .map((claim) => claim.difference?.trim().replace(/\.$/, '') || i18n.t('sourceCheck.tally.differenceNotSaid'))
    .join(i18n.t('sourceCheck.tally.separator'));
}
