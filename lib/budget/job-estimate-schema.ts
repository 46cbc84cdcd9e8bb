import { z } from 'zod';
import type { JobEstimate } from '@/lib/budget/job-estimate';

/** A JobEstimate (job-estimate.ts) read back from storage or a port: a stored job's, a source check's. */
export const JobEstimateSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  price: z.object({ inputPerMillion: z.number(), outputPerMillion: z.number() }).nullable(),
  requests: z.number(),
  analysisParts: z.number(),
  translationChunks: z.number(),
  combined: z.boolean(),
});

// The schema and the interface stay one shape: each fails to compile if the other gains a field.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof JobEstimateSchema>, JobEstimate> = true;
void sameShape;
