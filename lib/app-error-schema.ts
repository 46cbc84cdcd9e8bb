import { z } from 'zod';
import type { AppError } from '@/lib/errors';

const RESTRICTED_REASONS = ['browser-internal', 'web-store', 'pdf-viewer', 'file-access'] as const;

const detail = z.string().optional();

/**
 * AppError (lib/errors.ts) as data from outside this context must match it: a stored job's errors,
 * read back after a restart. One object per code, so an unknown code or a missing field is refused
 * rather than reaching `describeError`'s exhaustive switch. The compile-time checks below keep it
 * and the union the same.
 */
export const AppErrorSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('missing-api-key'), host: z.string() }),
  z.object({ code: z.literal('missing-model') }),
  z.object({ code: z.literal('invalid-settings'), detail: z.string() }),
  z.object({ code: z.literal('auth-failed'), status: z.number(), host: z.string(), detail }),
  z.object({ code: z.literal('origin-rejected'), host: z.string(), origin: z.string() }),
  z.object({ code: z.literal('model-not-found'), model: z.string(), host: z.string() }),
  z.object({ code: z.literal('rate-limited'), retryAfterSeconds: z.number().nullable(), detail }),
  z.object({ code: z.literal('context-too-long'), detail }),
  z.object({ code: z.literal('endpoint-unreachable'), host: z.string(), detail }),
  z.object({ code: z.literal('server-error'), status: z.number(), host: z.string(), detail }),
  z.object({ code: z.literal('bad-request'), status: z.number(), detail: z.string() }),
  z.object({ code: z.literal('answer-not-understood'), detail: z.string() }),
  z.object({ code: z.literal('stream-interrupted'), detail }),
  z.object({ code: z.literal('endpoint-error-mid-answer'), host: z.string(), detail }),
  z.object({ code: z.literal('answer-cut'), detail }),
  z.object({ code: z.literal('model-refused'), detail: z.string() }),
  z.object({ code: z.literal('not-an-article'), hasSelection: z.boolean(), frameUrl: z.string().optional() }),
  z.object({ code: z.literal('restricted-page'), url: z.string(), reason: z.enum(RESTRICTED_REASONS) }),
  z.object({ code: z.literal('page-access-denied'), url: z.string() }),
  z.object({ code: z.literal('extraction-failed'), detail: z.string() }),
  z.object({ code: z.literal('cancelled') }),
  z.object({ code: z.literal('unknown'), detail: z.string() }),
  z.object({
    code: z.literal('request-blocked'),
    status: z.number(),
    host: z.string(),
    by: z.string().optional(),
    detail,
    reference: z.string().optional(),
  }),
  z.object({
    code: z.literal('gateway-error'),
    status: z.number(),
    host: z.string(),
    by: z.string().optional(),
    detail,
    reference: z.string().optional(),
  }),
  z.object({ code: z.literal('out-of-credit'), status: z.number(), host: z.string(), detail }),
]);

type Parsed = z.infer<typeof AppErrorSchema>;
// Both directions: a code added to AppError without a schema here (or the reverse) fails to compile.
const everyParsedIsAnAppError = (error: Parsed): AppError => error;
const everyAppErrorParses = (error: AppError): Parsed => error;
void everyParsedIsAnAppError;
void everyAppErrorParses;
