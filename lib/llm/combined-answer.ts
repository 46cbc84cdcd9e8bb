import { z } from 'zod';
import { AnalysisSchema } from '@/lib/attribution/analysis';

/**
 * One answer carrying the analysis and the translation, for short articles (see
 * lib/budget/request-plan.ts). The key order is the order a model writes them in under a strict
 * schema: the summary first, then the translation, and the long notes last, so the reader gets
 * the summary and the translation about as soon as from two requests.
 */
export const CombinedAnswerSchema = z.object({
  summary: AnalysisSchema.shape.summary,
  translation: z
    .string()
    .describe(
      'The whole article in the target language, as Markdown: one paragraph per paragraph, each starting with its [p…] id.',
    ),
  notes: AnalysisSchema.shape.notes,
  outsideKnowledge: AnalysisSchema.shape.outsideKnowledge,
});
