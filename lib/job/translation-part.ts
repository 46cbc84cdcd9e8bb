import { isTargetLanguage } from '@/lib/article/is-target-language';
import type { JobEnvironment } from '@/lib/job/job-environment';
import { type PartContext, partError, thinkingTracker, translationDeltas } from '@/lib/job/part-streams';

/**
 * The translation in its own request(s): skipped for an article already in the target language,
 * else text deltas stream out, then `translation-done` or `translation-error`.
 */
export async function runTranslationPart(
  runTranslation: JobEnvironment['runTranslation'],
  context: PartContext,
): Promise<void> {
  const { request, emit } = context;
  if (isTargetLanguage(request.article.language, request.targetLanguage)) return emit({ type: 'translation-skipped' });
  const deltas = translationDeltas(emit);
  try {
    const result = await runTranslation({
      ...request,
      onThinking: thinkingTracker(context, ['translation']),
      onDelta: deltas.push,
    });
    deltas.flush();
    emit({ type: 'translation-done', usage: result.usage });
  } catch (error) {
    deltas.flush();
    emit({ type: 'translation-error', error: partError(error, request) });
  }
}
