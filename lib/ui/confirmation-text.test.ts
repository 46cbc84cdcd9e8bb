import { describe, expect, it } from 'vitest';
import type { JobEstimate } from '../budget/job-estimate';
import { confirmationText } from './confirmation-text';

const estimate: JobEstimate = {
  inputTokens: 85_000,
  outputTokens: 42_000,
  price: { inputPerMillion: 2.5, outputPerMillion: 10 },
  requests: 6,
  analysisParts: 1,
  translationChunks: 5,
  combined: false,
};

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
