import { describe, expect, it } from 'vitest';
import { estimatedDollars, needsConfirmation, UNPRICED_TOKENS_LIMIT } from '@/lib/budget/cost-gate';
import type { JobEstimate } from '@/lib/budget/job-estimate';

const gpt4o = { inputPerMillion: 2.5, outputPerMillion: 10 };
const estimate = (inputTokens: number, outputTokens: number, price: JobEstimate['price']): JobEstimate => ({
  inputTokens,
  outputTokens,
  price,
  requests: 6,
  analysisParts: 1,
  translationParts: 5,
  combined: false,
});

describe('needsConfirmation', () => {
  it('asks when the estimated cost is above the limit, and only then', () => {
    // 20,000 words on gpt-4o: about $0.60.
    const long = estimate(85_000, 42_000, gpt4o);
    expect(estimatedDollars(long)).toBeCloseTo(0.6325);
    expect(needsConfirmation(long, 0.1)).toBe(true);
    expect(needsConfirmation(long, 1)).toBe(false);
    const short = estimate(2_000, 2_500, gpt4o);
    expect(needsConfirmation(short, 0.1)).toBe(false);
  });

  it('never asks when the user turned it off, or for a free local model', () => {
    expect(needsConfirmation(estimate(900_000, 400_000, gpt4o), null)).toBe(false);
    const local = { inputPerMillion: 0, outputPerMillion: 0 };
    expect(needsConfirmation(estimate(900_000, 400_000, local), 0)).toBe(false);
  });

  it('asks by size when the price is unknown', () => {
    expect(needsConfirmation(estimate(UNPRICED_TOKENS_LIMIT, 1, null), 0.1)).toBe(true);
    expect(needsConfirmation(estimate(UNPRICED_TOKENS_LIMIT - 1, 1, null), 0.1)).toBe(false);
    expect(estimatedDollars(estimate(1, 1, null))).toBeNull();
  });
});
