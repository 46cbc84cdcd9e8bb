import { runAnalysisPart } from '@/lib/job/analysis-part';
import { runCombinedPart } from '@/lib/job/combined-part';
import type { JobEnvironment } from '@/lib/job/job-environment';
import type { PartContext } from '@/lib/job/part-streams';
import { runTranslationPart } from '@/lib/job/translation-part';

/**
 * A job's LLM parts as its request plan says: one combined request for a short article that needs
 * translating (`plan.combined`), else the analysis and the translation side by side. The one place
 * that decides this, for the JobManager and for `npm run eval` (eval/run-pipeline.ts), so the eval
 * measures the requests the extension sends. Never rejects: each part ends with its own event
 * (`analysis-done` or `analysis-error`, `translation-done`, `translation-error` or `translation-skipped`).
 */
export async function runParts(
  runners: Pick<JobEnvironment, 'runAnalysis' | 'runTranslation'>,
  context: PartContext,
): Promise<void> {
  const runAnalysis: JobEnvironment['runAnalysis'] = (request) => runners.runAnalysis(request);
  const runTranslation: JobEnvironment['runTranslation'] = (request) => runners.runTranslation(request);
  if (context.request.plan.combined) return runCombinedPart(runAnalysis, context);
  await Promise.all([runAnalysisPart(runAnalysis, context), runTranslationPart(runTranslation, context)]);
}
