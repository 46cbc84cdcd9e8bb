import { i18n } from '#i18n';
import { formatCount } from '@/lib/ui/ui-language';
import { estimatedDollars } from '@/lib/budget/cost-gate';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import { formatDollars } from '@/lib/ui/format-dollars';

/** What a run waiting for the go-ahead would cost, in one sentence: the figures first, then why it waits. */
export function confirmationText(estimate: JobEstimate): string {
  const tokens = i18n.t('confirmation.tokens', {
    input: count(estimate.inputTokens),
    output: count(estimate.outputTokens),
  });
  const requests = i18n.t('usage.requests', estimate.requests, { count: estimate.requests });
  const dollars = estimatedDollars(estimate);
  return dollars === null
    ? i18n.t('confirmation.priceUnknown', { tokens, requests })
    : i18n.t('confirmation.aboveLimit', { cost: formatDollars(dollars), tokens, requests });
}

function count(tokens: number): string {
  return formatCount(tokens);
}
