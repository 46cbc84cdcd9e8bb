import type { JobEnvironment } from '@/lib/job/job-environment';
import { analysisPartials, type PartContext, partError, thinkingTracker } from '@/lib/job/part-streams';

/** The analysis in its own request(s): partial analyses stream out, then `analysis-done` or `analysis-error`. */
export async function runAnalysisPart(runAnalysis: JobEnvironment['runAnalysis'], context: PartContext): Promise<void> {
  const { request, emit } = context;
  const partials = analysisPartials(emit);
  try {
    const result = await runAnalysis({
      ...request,
      onThinking: thinkingTracker(context, ['analysis']),
      onPartial: (partial) => partials.push(partial),
    });
    partials.flush();
    emit({ type: 'analysis-done', ...result });
  } catch (error) {
    partials.flush();
    emit({ type: 'analysis-error', error: partError(error, request) });
  }
}
