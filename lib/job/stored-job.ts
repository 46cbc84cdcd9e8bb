import { z } from 'zod';
import { AppErrorSchema } from '@/lib/app-error-schema';
import { ArticleSchema } from '@/lib/article/article';
import { JobEstimateSchema } from '@/lib/budget/job-estimate-schema';
import { coerceAnalysis } from '@/lib/llm/analysis-shape';
import { STRUCTURED_MODES } from '@/lib/llm/request-shape';
import { SourceCheckStateSchema } from '@/lib/sources/source-check-state';
import { type JobState, NOT_THINKING } from '@/lib/job/job';

const PART_STATUSES = ['pending', 'streaming', 'done', 'error', 'skipped'] as const;
const JOB_STATUSES = ['extracting', 'awaiting-confirmation', 'running', 'done', 'error', 'cancelled'] as const;

const UsageSchema = z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() });

const PauseSchema = z.object({
  reason: z.enum(['rate-limit', 'server-error']),
  until: z.number(),
  attempt: z.number(),
});

/**
 * A job as `storage.session` gives it back after the service worker was stopped
 * (job-persistence.ts): written by this release or an older one, or by nothing we know. Older
 * releases left out the estimate, the endpoint pause, the thinking parts, the page-changed and
 * not-kept marks: they become "none" here, so the live JobState always has them. The analysis
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
    sourceChecks: z.record(z.string(), SourceCheckStateSchema).optional(),
  })
  .transform(
    (stored): JobState => ({
      ...stored,
      estimate: stored.estimate ?? null,
      pause: stored.pause ?? null,
      thinking: stored.thinking ?? NOT_THINKING,
      pageChanged: stored.pageChanged ?? false,
      notKept: stored.notKept ?? false,
      sourceChecks: stored.sourceChecks ?? {},
    }),
  );

/** The stored job as a live JobState, or null when it is not one (and must not be restored). */
export function storedJobOf(value: unknown): JobState | null {
  const parsed = StoredJobSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
