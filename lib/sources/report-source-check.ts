import { z } from 'zod';
import {
  CheckedClaimResultSchema,
  type SourceCheckResult,
  SourceCheckResultSchema,
} from '@/lib/sources/source-check-result';
import { sourceCheckTally } from '@/lib/sources/source-check-tally';

/**
 * One source check as the evidence report keeps it (lib/report/evidence-report-schema.ts,
 * `sourceChecks`): the source's URL, when it was read, the SHA-256 of the text read, each verdict
 * with the passage it rests on and its offsets in the source's paragraphs. The source's text is not
 * copied: the hash lets anyone who reads the page again confirm it is the same text, and the
 * passages are what the verdicts rest on. A follow-up check (one step further along the chain,
 * follow-sources.ts) names the checked source that led to it in `parentUrl`; reports written
 * before follow-ups existed have no such field and still read.
 */
export const ReportSourceCheckSchema = SourceCheckResultSchema.omit({ paragraphs: true, links: true }).extend({
  claims: z.array(CheckedClaimResultSchema),
  /** The tally line as the panel shows it (source-check-tally.ts). */
  tally: z.string(),
});

export type ReportSourceCheck = z.infer<typeof ReportSourceCheckSchema>;

/** A check as the report keeps it: picked field by field, so nothing else the result may carry reaches the file. */
export function reportSourceCheck(result: SourceCheckResult): ReportSourceCheck {
  return ReportSourceCheckSchema.parse({
    url: result.url,
    parentUrl: result.parentUrl ?? null,
    name: result.name,
    domain: result.domain,
    retrievedAt: result.retrievedAt,
    sourceSha256: result.sourceSha256,
    title: result.title,
    language: result.language,
    publishedTime: result.publishedTime,
    partial: result.partial,
    paragraphsSent: result.paragraphsSent,
    paragraphsTotal: result.paragraphsTotal,
    model: result.model,
    promptVersion: result.promptVersion,
    claims: result.claims,
    usage: result.usage,
    fromCache: result.fromCache,
    tally: sourceCheckTally(result),
  });
}
