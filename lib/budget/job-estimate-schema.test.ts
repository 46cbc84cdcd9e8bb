import { describe, expect, it } from 'vitest';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import { JobEstimateSchema } from '@/lib/budget/job-estimate-schema';

const estimate: JobEstimate = {
  inputTokens: 34_091,
  outputTokens: 17_819,
  price: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  requests: 6,
  analysisParts: 1,
  translationParts: 5,
  combined: false,
};

describe('JobEstimateSchema', () => {
  it('reads an estimate as this release writes it', () => {
    expect(JobEstimateSchema.parse(estimate)).toEqual(estimate);
  });

  it('reads an older build’s `translationChunks` as `translationParts`', () => {
    const { translationParts, ...rest } = estimate;
    const older = { ...rest, translationChunks: translationParts };
    const read = JobEstimateSchema.parse(older);
    expect(read).toEqual(estimate);
    expect(read).not.toHaveProperty('translationChunks');
  });

  it.each([
    ['neither count', (({ translationParts: _, ...rest }) => rest)(estimate)],
    ['a count that is not a number', { ...estimate, translationParts: '5' }],
    [
      'an older count that is not a number',
      (({ translationParts: _, ...rest }) => ({ ...rest, translationChunks: null }))(estimate),
    ],
  ])('refuses an estimate with %s', (_, value) => {
    expect(JobEstimateSchema.safeParse(value).success).toBe(false);
  });
});
