import type { JobEnvironment } from '@/lib/job/job-environment';
import {
  analysisPartials,
  type PartContext,
  partError,
  thinkingTracker,
  translationDeltas,
} from '@/lib/job/part-streams';

/**
 * A short article's one request (plan.combined): the translation streams out of the analysis
 * answer into the same events as from its own request; its usage is the analysis's.
 */
export async function runCombinedPart(runAnalysis: JobEnvironment['runAnalysis'], context: PartContext): Promise<void> {
  const { request, emit } = context;
  const partials = analysisPartials(emit);
  const deltas = translationDeltas(emit);
  let delivered = '';
  let translationDone = false;
  const deliverUpTo = (textSoFar: string) => {
    if (!textSoFar.startsWith(delivered) || textSoFar.length === delivered.length) return;
    deltas.push(textSoFar.slice(delivered.length));
    delivered = textSoFar;
  };
  // The translation is done when its string closes, while the notes still stream after it.
  const finishTranslation = () => {
    if (translationDone) return;
    translationDone = true;
    deltas.flush();
    emit({ type: 'translation-done', usage: null });
  };
  try {
    const result = await runAnalysis({
      ...request,
      onThinking: thinkingTracker(context, ['analysis', 'translation']),
      onPartial: (partial) => partials.push(partial),
      onTranslation: (textSoFar, complete) => {
        deliverUpTo(textSoFar);
        if (complete) finishTranslation();
      },
    });
    partials.flush();
    const { analysis, usage, mode, translation } = result;
    if (translation) {
      deliverUpTo(translation);
      finishTranslation();
    } else if (!translationDone) {
      deltas.flush();
      const error = { code: 'answer-not-understood', detail: 'the answer had no translation' } as const;
      emit({ type: 'translation-error', error });
    }
    emit({ type: 'analysis-done', analysis, usage, mode });
  } catch (error) {
    partials.flush();
    deltas.flush();
    emit({ type: 'analysis-error', error: partError(error, request) });
    if (!translationDone) emit({ type: 'translation-error', error: partError(error, request) });
  }
}
