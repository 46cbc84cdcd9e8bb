import { z } from 'zod';
import { AppErrorSchema } from '@/lib/app-error-schema';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import { JobEstimateSchema } from '@/lib/budget/job-estimate-schema';
import type { AppError } from '@/lib/errors';
import type { CheckableSource } from '@/lib/sources/checkable-sources';
import { type SourceCheckResult, SourceCheckResultSchema } from '@/lib/sources/source-check-result';
import { type SourceReadProblem, SourceReadProblemSchema } from '@/lib/sources/source-page-read';

/**
 * How the source page is read: fetched without the reader's session (the offscreen document in
 * Chromium), or loaded in an inactive tab of the reader's window, with the reader's session.
 */
export const SOURCE_READ_VIAS = ['fetch', 'tab'] as const;
export type SourceReadVia = (typeof SOURCE_READ_VIAS)[number];

/**
 * What the panel asks the background for: check these linked sources of the tab's article. A
 * source is sent whole (what checkableSources or, one step further along the relay chain,
 * followableSources made of it), so a follow-up check is the same request with `parentUrl`, the
 * source that led to it. `confirmed`: the reader accepted the cost the batch was estimated at.
 */
export interface SourceCheckRequest {
  tabId: number;
  sources: CheckableSource[];
  via: SourceReadVia;
  confirmed: boolean;
  /** The checked source these sources are linked from (depth 1); absent for the article's own links. */
  parentUrl?: string;
  /** The reader's window, for the background tab; the tab's own window when absent. */
  windowId?: number;
}

/**
 * One linked source's check, as the tab's job holds it (JobState.sourceChecks, keyed by the
 * source's URL) and the panel shows it. Every state names the source and how it was read.
 *
 * - `reading`: the page is being fetched or loaded.
 * - `awaiting-confirmation`: read and estimated, but the batch it was asked in costs more than the
 *   confirmation limit; `batchEstimate` is the whole batch's (what the reader confirms).
 * - `checking`: the request is queued or streaming.
 * - `checked`, `unreadable`, `failed`: how it ended.
 */
export type SourceCheckState = {
  source: CheckableSource;
  via: SourceReadVia;
  parentUrl: string | null;
} & (
  | { status: 'reading' }
  | { status: 'awaiting-confirmation'; estimate: JobEstimate; batchEstimate: JobEstimate }
  | { status: 'checking' }
  | { status: 'checked'; result: SourceCheckResult }
  | { status: 'unreadable'; problem: SourceReadProblem }
  | { status: 'failed'; error: AppError }
);

const SourceClaimSchema = z.object({
  id: z.string(),
  noteIndex: z.number().int().nonnegative(),
  original: z.string(),
  claim: z.string(),
  paragraphId: z.string().nullable(),
  attributedAs: z.string(),
});

/** A CheckableSource (checkable-sources.ts) as it crosses messaging or comes back from storage. */
export const CheckableSourceSchema = z.object({
  url: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  names: z.array(z.string()),
  claims: z.array(SourceClaimSchema),
});

const common = {
  source: CheckableSourceSchema,
  via: z.enum(SOURCE_READ_VIAS),
  parentUrl: z.string().nullable(),
};

/** A source check's state as stored with the job (session storage) and posted on the job port. */
export const SourceCheckStateSchema = z.discriminatedUnion('status', [
  z.object({ ...common, status: z.literal('reading') }),
  z.object({
    ...common,
    status: z.literal('awaiting-confirmation'),
    estimate: JobEstimateSchema,
    batchEstimate: JobEstimateSchema,
  }),
  z.object({ ...common, status: z.literal('checking') }),
  z.object({ ...common, status: z.literal('checked'), result: SourceCheckResultSchema }),
  z.object({ ...common, status: z.literal('unreadable'), problem: SourceReadProblemSchema }),
  z.object({ ...common, status: z.literal('failed'), error: AppErrorSchema }),
]);

/** The request as the background receives it (lib/messaging.ts checkSources), validated on arrival. */
export const SourceCheckRequestSchema = z.object({
  tabId: z.number().int().nonnegative(),
  sources: z.array(CheckableSourceSchema).min(1),
  via: z.enum(SOURCE_READ_VIAS),
  confirmed: z.boolean(),
  parentUrl: z.string().optional(),
  windowId: z.number().int().optional(),
});

/** Not now (lib/messaging.ts setAsideSourceChecks), validated on arrival. */
export const SetAsideSourceChecksSchema = z.object({
  tabId: z.number().int().nonnegative(),
  urls: z.array(z.string()),
});

// The schemas and the types stay one shape: each fails to compile if the other gains a field.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameState: Same<z.infer<typeof SourceCheckStateSchema>, SourceCheckState> = true;
const sameSource: Same<z.infer<typeof CheckableSourceSchema>, CheckableSource> = true;
const sameRequest: Same<z.infer<typeof SourceCheckRequestSchema>, SourceCheckRequest> = true;
void [sameState, sameSource, sameRequest];
