import { z } from 'zod';
import { AppErrorSchema } from '@/lib/app-error-schema';
import { ArticleSchema } from '@/lib/article/article';
import { JobEstimateSchema } from '@/lib/budget/job-estimate-schema';
import { type JobState, NOT_THINKING } from '@/lib/job/job';
import { coerceAnalysis } from '@/lib/llm/analysis-shape';
import { STRUCTURED_MODES } from '@/lib/llm/request-shape';
import { SourceCheckStateSchema } from '@/lib/sources/source-check-state';

const PART_STATUSES = ['pending', 'streaming', 'done', 'error', 'skipped'] as const;
const JOB_STATUSES = ['extracting', 'awaiting-confirmation', 'running', 'done', 'error', 'cancelled'] as const;

const UsageSchema = z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() });

const PauseSchema = z.object({
  reason: z.enum(['rate-limit', 'server-error']),
  until: z.number(),
  attempt: z.number(),
});

/** A check still reading, awaiting confirmation or checking when stored: its work (and the pages read for it) died with the service worker. */
const MID_FLIGHT = new Set(['reading', 'awaiting-confirmation', 'checking']);

/**
 * The source checks a stored job brings back: those that ended (checked, unreadable, failed), each
 * validated on its own, so one that no longer fits is dropped rather than the whole job. One that
 * was under way is dropped too, which is what it is now: not checked, and the panel offers to check
 * it again (a confirmation the reader had not given yet is asked again, with a fresh estimate).
 */
function finishedSourceChecks(stored: Record<string, unknown> | undefined): JobState['sourceChecks'] {
  const checks: JobState['sourceChecks'] = {};
  for (const [url, value] of Object.entries(stored ?? {})) {
    const parsed = SourceCheckStateSchema.safeParse(value);
    if (parsed.success && parsed.data.source.url === url && !MID_FLIGHT.has(parsed.data.status)) {
      checks[url] = parsed.data;
    }
  }
  return checks;
}

/**
 * A job as `storage.session` gives it back after the service worker was stopped
 * (job-persistence.ts): written by this release or an older one, or by nothing we know. Older
 * releases left out the estimate, the endpoint pause, the thinking parts, the page-changed and
 * not-kept marks and the source checks: they become "none" here, so the live JobState always has them. The analysis
 * keeps what fits its shape, as while it streams (`coerceAnalysis`); anything else that does not
 * fit refuses the whole job.
 */
export const StoredJobSchema = z
  .object({
    id: z.string(),
    tabId: z.number().int().nonnegative(),
    status: z.enum(JOB_STATUSES),
    startedAt: z.number(),
    finishedAt: z.number().nullable(),
    model: z.string(),
    host: z.string(),
    targetLanguage: z.string(),
    article: ArticleSchema.nullable(),
    fromCache: z.boolean(),
    analysis: z.unknown().transform(coerceAnalysis),
    analysisStatus: z.enum(PART_STATUSES),
    analysisError: AppErrorSchema.nullable(),
    analysisMode: z.enum(STRUCTURED_MODES).nullable(),
    translation: z.string(),
    translationStatus: z.enum(PART_STATUSES),
    translationError: AppErrorSchema.nullable(),
    usage: z.object({ analysis: UsageSchema.nullable(), translation: UsageSchema.nullable() }),
    estimate: JobEstimateSchema.nullable().optional(),
    pause: PauseSchema.nullable().optional(),
    thinking: z.object({ analysis: z.number().nullable(), translation: z.number().nullable() }).optional(),
    pageChanged: z.boolean().optional(),
    notKept: z.boolean().optional(),
    error: AppErrorSchema.nullable(),
    sourceChecks: z.record(z.string(), z.unknown()).optional(),
  })
  .transform(
    (stored): JobState => ({
      ...stored,
      estimate: stored.estimate ?? null,
      pause: stored.pause ?? null,
      thinking: stored.thinking ?? NOT_THINKING,
      pageChanged: stored.pageChanged ?? false,
      notKept: stored.notKept ?? false,
      sourceChecks: finishedSourceChecks(stored.sourceChecks),
    }),
  );

/** The stored job as a live JobState, or null when it is not one (and must not be restored). */
export function storedJobOf(value: unknown): JobState | null {
  const parsed = StoredJobSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
