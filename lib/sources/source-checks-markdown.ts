import type { ReportSourceCheck } from '@/lib/sources/report-source-check';
import type { CheckedClaimResult } from '@/lib/sources/source-check-result';

const VERDICT_MARKS: Record<CheckedClaimResult['verdict'], string> = {
  supported: '✓ supported',
  'partly-supported': '◐ partly supported',
  'not-found': '∅ not found in the source',
  contradicted: '✗ contradicted',
  unverified: '? unverified check',
};

const UNVERIFIED_REASONS: Record<NonNullable<CheckedClaimResult['unverifiedReason']>, string> = {
  'passage-not-in-source': 'the passage the model gave is not in the source',
  'no-passage': 'the model gave no passage for its verdict',
  'no-answer': 'the model said nothing about this claim',
};

/**
 * The evidence report's "Source checks" section body: per source, its URL (and, for a check one
 * step further along the chain, the checked source it was followed from), time of retrieval,
 * SHA-256 and tally, then each claim with its verdict, the article's wording, and the source's
 * passage with its paragraph and character offsets. `inert` makes page and model text safe for
 * any Markdown viewer (report-to-markdown.ts passes its own).
 */
export function sourceChecksMarkdown(checks: readonly ReportSourceCheck[], inert: (text: string) => string): string {
  const legend =
    'Each claim the article attributes to a linked source was checked against that source; each passage was then looked up in the source’s text: a verdict whose passage is not there is an unverified check.';
  return [legend, ...checks.map((check) => sourceBlock(check, inert))].join('\n\n');
}

function sourceBlock(check: ReportSourceCheck, inert: (text: string) => string): string {
  const text = (value: string) => oneLine(inert(value));
  const rows: Array<[string, string | null]> = [
    ['URL', check.url],
    ['Followed from', check.parentUrl ?? null],
    ['Title', check.title],
    ['Retrieved', check.retrievedAt],
    ['Source SHA-256', `\`${check.sourceSha256}\``],
    ['Published', check.publishedTime],
    ['Language', check.language],
    [
      'Read',
      check.partial === 'paywall'
        ? `only the part before the paywall (${check.paragraphsTotal} paragraphs)`
        : check.partial === 'cut-to-fit'
          ? `the first ${check.paragraphsSent} of ${check.paragraphsTotal} paragraphs (the rest did not fit the model)`
          : null,
    ],
    ['Model', `${check.model}, prompts ${check.promptVersion}${check.fromCache ? ', from cache' : ''}`],
  ];
  const metadata = rows
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([label, value]) => `- **${label}:** ${label === 'Source SHA-256' ? value : text(value)}`)
    .join('\n');
  // A follow-up's claims are the linking source's passages, not the article's sentences.
  const claimedIn = check.parentUrl ? 'In the source it was followed from:' : 'In the article:';
  const claims = check.claims.map((claim, index) => claimItem(claim, index + 1, claimedIn, inert)).join('\n\n');
  return [
    `### ${text(check.name)}${check.domain ? ` (${text(check.domain)})` : ''}`,
    metadata,
    `**${text(check.tally)}**`,
    claims,
  ]
    .filter(Boolean)
    .join('\n\n');
}

function claimItem(
  claim: CheckedClaimResult,
  number: number,
  claimedIn: string,
  inert: (text: string) => string,
): string {
  const text = (value: string) => oneLine(inert(value));
  const passage = claim.passage;
  const lines = [
    `${number}. **${VERDICT_MARKS[claim.verdict]}** · ${text(claim.claim)}`,
    `   - ${claimedIn}`,
    '',
    blockquote(inert(claim.original), '     '),
    claim.difference ? `   - What differs: ${text(claim.difference)}` : null,
    passage
      ? `   - In the source (${text(passage.parts.map((part) => `${part.paragraphId}, characters ${part.start}–${part.end}`).join('; '))}), [open at the passage](${passage.link.replace(/[()]/g, (character) => encodeURIComponent(character))}):\n\n${blockquote(inert(passage.text), '     ')}`
      : null,
    passage?.translation ? `   - Rendering: ${text(passage.translation)}` : null,
    claim.attributedTo ? `   - The source attributes it to: ${text(claim.attributedTo)}` : null,
    claim.unverifiedReason
      ? `   - Unverified: ${UNVERIFIED_REASONS[claim.unverifiedReason]}${claim.modelVerdict ? ` (the model said ${claim.modelVerdict})` : ''}.`
      : null,
    claim.claimedPassage
      ? `   - What the model quoted, not found in the source:\n\n${blockquote(inert(claim.claimedPassage), '     ')}`
      : null,
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}

function blockquote(value: string, indent: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => `${indent}> ${line}`)
    .join('\n');
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
