import type { SourceCheckResult } from '@/lib/sources/source-check-result';

/**
 * The line at the top of Sources for one checked source, e.g. "4 of 5 claims attributed to The
 * New York Times found in its article; 1 partly: the article says 'secret', the source does not".
 * Found means supported or partly supported: a passage of the source, verified verbatim, bears the
 * claim out. Contradicted and unverified checks are named after, with what differs; claims not
 * found need no words of their own (total minus found). A source read behind a paywall or cut to
 * fit the model says so, since a claim not found may be in the part that was not read.
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
  const parts = [
    `${found} of ${total} ${total === 1 ? 'claim' : 'claims'} attributed to ${result.name} found in its article`,
  ];
  if (partly.length > 0) parts.push(`${partly.length} partly: ${differences(partly)}`);
  if (contradicted.length > 0) parts.push(`${contradicted.length} contradicted: ${differences(contradicted)}`);
  if (unverified.length > 0) {
    parts.push(
      `${unverified.length} ${unverified.length === 1 ? 'check' : 'checks'} unverified (the model’s passage is not in the source)`,
    );
  }
  const scope =
    result.partial === 'paywall'
      ? ` (only its part before the paywall was read)`
      : result.partial === 'cut-to-fit'
        ? ` (only its first ${result.paragraphsSent} of ${result.paragraphsTotal} paragraphs fit the model)`
        : '';
  return parts.join('; ') + scope;
}

function differences(claims: SourceCheckResult['claims']): string {
  return claims.map((claim) => claim.difference?.trim().replace(/\.$/, '') || 'what differs was not said').join('; ');
}
