import type { JobEstimate } from '@/lib/budget/job-estimate';
import { dollarsFor } from '@/lib/budget/model-prices';

/**
 * Where the model's price is unknown (a custom endpoint, a model not in the table), size stands
 * in for cost: a run estimated above this many tokens in and out asks first. About a 40,000-word
 * article, or $0.10 at gpt-4o-mini's price, a few dollars at a large model's.
 */
export const UNPRICED_TOKENS_LIMIT = 200_000;

/**
 * Whether a run must wait for the user's go-ahead, so that a long article on an expensive model is
 * never a surprise bill. `askAboveDollars` null: never ask. A free local model never asks.
 */
export function needsConfirmation(estimate: JobEstimate, askAboveDollars: number | null): boolean {
  if (askAboveDollars === null) return false;
  if (!estimate.price) return estimate.inputTokens + estimate.outputTokens > UNPRICED_TOKENS_LIMIT;
  return (estimatedDollars(estimate) ?? 0) > askAboveDollars;
}

/** What the estimate costs at its price; null when the price is unknown. */
export function estimatedDollars(estimate: JobEstimate): number | null {
  return estimate.price ? dollarsFor(estimate.inputTokens, estimate.outputTokens, estimate.price) : null;
}
