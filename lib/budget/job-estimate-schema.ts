import { z } from 'zod';
import type { JobEstimate } from '@/lib/budget/job-estimate';

const CurrentEstimateSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  price: z.object({ inputPerMillion: z.number(), outputPerMillion: z.number() }).nullable(),
  requests: z.number(),
  analysisParts: z.number(),
  translationParts: z.number(),
  combined: z.boolean(),
});

// Builds before the one term "part" named the translation's parts `translationChunks`: a job one of
// them mirrored into the session still reads, with the count under its new name.
const OlderEstimateSchema = CurrentEstimateSchema.omit({ translationParts: true })
  .extend({ translationChunks: z.number() })
  .transform(({ translationChunks, ...rest }): JobEstimate => ({ ...rest, translationParts: translationChunks }));

/**
 * A JobEstimate (job-estimate.ts) read back from storage or a port: a stored job's, a source
 * check's. Written by this release, or by an older one with `translationChunks` in place of
 * `translationParts`; either way it comes out in this release's shape.
 */
export const JobEstimateSchema = z.union([CurrentEstimateSchema, OlderEstimateSchema]);

// The schema and the interface stay one shape: each fails to compile if the other gains a field.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof JobEstimateSchema>, JobEstimate> = true;
void sameShape;
