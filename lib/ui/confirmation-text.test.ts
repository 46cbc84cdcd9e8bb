import { describe, expect, it } from 'vitest';
import { COSTLY_ESTIMATE } from '@/tests/support/components/seed-job';
import { confirmationText } from '@/lib/ui/confirmation-text';

const estimate = COSTLY_ESTIMATE;

describe('confirmationText', () => {
  it('gives the cost, the tokens and the requests, and why the run waits', () => {
    expect(confirmationText(estimate)).toBe(
      'This run is estimated at ≈ $0.632: ≈ 85,000 tokens in and ≈ 42,000 out, in 6 requests. That is above the limit set in Options.',
    );
  });

  it('says the price is unknown when it is', () => {
    expect(confirmationText({ ...estimate, price: null, requests: 1 })).toBe(
      'This run is large: ≈ 85,000 tokens in and ≈ 42,000 out, in 1 request, and the model’s price is unknown.',
    );
  });
});
