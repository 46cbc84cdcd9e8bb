import { i18n } from '#i18n';
import { formatCount } from '@/lib/ui/ui-language';
import { dollarsFor, type ModelPrice } from '@/lib/budget/model-prices';
import type { JobState, Usage } from '@/lib/job/job';
import { formatDollars } from '@/lib/ui/format-dollars';
import { usageText } from '@/lib/ui/usage-text';

/**
 * The toolbar's cost line. While the job runs: what it is expected to cost, from the extracted
 * text ("≈ 3,100 tokens in · ≈ 900 out · ≈ $0.001"). Once it is over: what the endpoint reported
 * ("6,980 tokens · $0.0012"). The cost only where the model's price is known.
 */
export function costText(
  job: Pick<JobState, 'status' | 'usage' | 'estimate'>,
): { label: string; detail: string } | null {
  const running = job.status === 'extracting' || job.status === 'running';
  const estimate = job.estimate ?? null;
  const actual = usageText(job.usage);
  if (actual && !running) {
    const cost = estimate?.price ? usageCost([job.usage.analysis, job.usage.translation], estimate.price) : null;
    const detail = estimate
      ? i18n.t('usage.actualWithEstimate', {
          detail: actual.detail,
          input: count(estimate.inputTokens),
          output: count(estimate.outputTokens),
        })
      : actual.detail;
    return { label: cost === null ? actual.label : `${actual.label} · ${formatDollars(cost)}`, detail };
  }
  if (!estimate) return actual;
  const parts = [
    i18n.t('usage.estimateIn', { count: count(estimate.inputTokens) }),
    i18n.t('usage.estimateOut', { count: count(estimate.outputTokens) }),
  ];
  if (estimate.price) {
    parts.push(`≈ ${formatDollars(dollarsFor(estimate.inputTokens, estimate.outputTokens, estimate.price))}`);
  }
  const requests = i18n.t('usage.requests', estimate.requests, { count: estimate.requests });
  const split = [
    estimate.combined ? i18n.t('usage.combined') : null,
    estimate.analysisParts > 1 ? i18n.t('usage.analysisParts', { count: estimate.analysisParts }) : null,
    estimate.translationParts > 1 ? i18n.t('usage.translationParts', { count: estimate.translationParts }) : null,
  ].filter((text): text is string => text !== null);
  // Over, with no usage from the endpoint (many local servers report none): the estimate stands, said so.
  const unreported = !running && job.status !== 'awaiting-confirmation';
  return {
    label: unreported ? i18n.t('usage.estimated', { label: parts.join(' · ') }) : parts.join(' · '),
    detail: i18n.t(unreported ? 'usage.estimateDetailUnreported' : 'usage.estimateDetail', {
      requests,
      split: split.length > 0 ? `, ${split.join(', ')}` : '',
    }),
  };
}

function usageCost(usages: Array<Usage | null>, price: ModelPrice): number {
  return usages.reduce(
    (sum, usage) => sum + (usage ? dollarsFor(usage.promptTokens, usage.completionTokens, price) : 0),
    0,
  );
}

function count(tokens: number): string {
  return formatCount(tokens);
}
