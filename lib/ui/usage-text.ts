import type { JobState } from '../job/job';

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
    .map(
      ([name, value]) =>
        `${name}: ${value?.promptTokens.toLocaleString('en')} in, ${value?.completionTokens.toLocaleString('en')} out`,
    )
    .join('; ');
  return { label: `${total.toLocaleString('en')} tokens`, detail };
}
