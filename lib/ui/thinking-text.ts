import { i18n } from '#i18n';
import type { JobState } from '@/lib/job/job';

/**
 * While the model reasons before it answers: "The model is thinking before it answers — 23 s",
 * naming the part when only one of them waits for it. Null when no part is thinking. The
 * reasoning itself is never shown.
 */
export function thinkingText(thinking: JobState['thinking'], now: number): string | null {
  const analysis = thinking?.analysis ?? null;
  const translation = thinking?.translation ?? null;
  const starts = [analysis, translation].filter((since): since is number => since !== null);
  if (starts.length === 0) return null;
  const seconds = Math.max(0, Math.floor((now - Math.min(...starts)) / 1000));
  if (analysis !== null && translation !== null) return i18n.t('progress.thinking', { seconds });
  return analysis !== null
    ? i18n.t('progress.thinkingAnalysis', { seconds })
    : i18n.t('progress.thinkingTranslation', { seconds });
}
