import { i18n } from '#i18n';
import { formatCount } from '@/lib/ui/ui-language';
import type { JobState } from '@/lib/job/job';

/** "5,710 tokens" and its breakdown, or null while the endpoint has reported nothing. */
export function usageText(usage: JobState['usage']): { label: string; detail: string } | null {
  const parts = [
    ['analysis', usage.analysis],
    ['translation', usage.translation],
  ] as const;
  const known = parts.filter(([, value]) => value !== null);
  if (known.length === 0) return null;
  const total = known.reduce((sum, [, value]) => sum + (value?.totalTokens ?? 0), 0);
  const detail = known
    .map(([name, value]) =>
      i18n.t(name === 'analysis' ? 'usage.analysisPart' : 'usage.translationPart', {
        input: formatCount(value?.promptTokens ?? 0),
        output: formatCount(value?.completionTokens ?? 0),
      }),
    )
    .join('; ');
  return { label: i18n.t('usage.tokens', { count: formatCount(total) }), detail };
}
