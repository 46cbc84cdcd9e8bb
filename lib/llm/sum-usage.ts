import type { Usage } from '@/lib/job/job';

/** The usage of a part made of several requests; null when none of them reported any. */
export function sumUsage(usages: ReadonlyArray<Usage | null>): Usage | null {
  const reported = usages.filter((usage): usage is Usage => usage !== null);
  if (reported.length === 0) return null;
  return reported.reduce((sum, usage) => ({
    promptTokens: sum.promptTokens + usage.promptTokens,
    completionTokens: sum.completionTokens + usage.completionTokens,
    totalTokens: sum.totalTokens + usage.totalTokens,
  }));
}
