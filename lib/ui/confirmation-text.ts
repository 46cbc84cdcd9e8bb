import { estimatedDollars } from '../budget/cost-gate';
import type { JobEstimate } from '../budget/job-estimate';
import { formatDollars } from './format-dollars';

/** What a run waiting for the go-ahead would cost, in one sentence: the figures first, then why it waits. */
export function confirmationText(estimate: JobEstimate): string {
  const tokens = `≈ ${count(estimate.inputTokens)} tokens in and ≈ ${count(estimate.outputTokens)} out`;
  const requests = `${estimate.requests} ${estimate.requests === 1 ? 'request' : 'requests'}`;
  const dollars = estimatedDollars(estimate);
  return dollars === null
    ? `This run is large: ${tokens}, in ${requests}, and the model’s price is unknown.`
    : `This run is estimated at ≈ ${formatDollars(dollars)}: ${tokens}, in ${requests}. That is above the limit set in Options.`;
}

function count(tokens: number): string {
  return tokens.toLocaleString('en');
}
