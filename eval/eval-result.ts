import { z } from 'zod';
import { VerdictSchema } from '@/eval/rubric';

/**
 * One eval run as written to `eval/results/<model>-<timestamp>.json` and read back by
 * `--compare`: the single definition of that file. Fractions are counts (found of total), so
 * runs can be summed and compared without rounding; `null` means "not measured" (no translation
 * of an English article, no usage reported, no known price, no linked source to check).
 */
const FractionSchema = z.object({ found: z.number().int().nonnegative(), total: z.number().int().nonnegative() });

export const ArticleResultSchema = z.object({
  id: z.string(),
  language: z.string(),
  /** Why the pipeline gave no answer for this article (its scores are then zero); null when it answered. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  sources: FractionSchema.extend({ missed: z.array(z.string()) }),
  quotes: z.object({
    verbatim: z.number().int().nonnegative(),
    attributionMissing: z.number().int().nonnegative(),
    nearMiss: z.number().int().nonnegative(),
    notFound: z.number().int().nonnegative(),
    notes: z.number().int().nonnegative(),
  }),
  hedges: FractionSchema.extend({ lost: z.array(z.string()) }).nullable(),
  chains: FractionSchema.extend({ missed: z.array(z.string()) }),
  unattributed: FractionSchema.extend({ missed: z.array(z.string()) }),
  verdicts: z
    .object({
      correct: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      outcomes: z.array(
        z.object({
          articleText: z.string(),
          expected: VerdictSchema,
          observed: z.union([VerdictSchema, z.literal('unverified'), z.literal('missing')]),
        }),
      ),
    })
    .nullable(),
  /** Linked sources whose check failed on its own (the article's other scores stand); their verdicts score `missing`. */
  sourceCheckFailures: z.array(z.object({ source: z.string(), code: z.string(), message: z.string() })).default([]),
  tokens: z.object({ prompt: z.number().int().nonnegative(), completion: z.number().int().nonnegative() }).nullable(),
  /** US dollars at the model's known (or given) price; null when the price is unknown or no usage was reported. */
  dollars: z.number().nonnegative().nullable(),
  milliseconds: z.number().nonnegative(),
  /** One request answered both the analysis and the translation. */
  combined: z.boolean().nullable(),
});

export const EvalResultSchema = z.object({
  schemaVersion: z.literal(1),
  model: z.string(),
  /** The endpoint's host only: never the key, never the path's secrets. */
  endpointHost: z.string(),
  promptVersion: z.string(),
  startedAt: z.string(),
  articles: z.array(ArticleResultSchema),
});

export type Fraction = z.infer<typeof FractionSchema>;
export type ArticleResult = z.infer<typeof ArticleResultSchema>;
export type EvalResult = z.infer<typeof EvalResultSchema>;
