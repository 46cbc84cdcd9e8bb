import { describe, expect, it } from 'vitest';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import { costText } from '@/lib/ui/cost-text';
import { formatDollars } from '@/lib/ui/format-dollars';
import { pauseText } from '@/lib/ui/pause-text';

const estimate: JobEstimate = {
  inputTokens: 3_100,
  outputTokens: 900,
  price: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  requests: 2,
  analysisParts: 1,
  translationParts: 1,
  combined: false,
};
const usage = {
  analysis: { promptTokens: 2_140, completionTokens: 1_380, totalTokens: 3_520 },
  translation: { promptTokens: 1_210, completionTokens: 2_250, totalTokens: 3_460 },
};
const none = { analysis: null, translation: null };

describe('costText', () => {
  it('says when one answer carries both, so the article is sent once', () => {
    const combined = { ...estimate, requests: 1, combined: true };
    expect(costText({ status: 'running', usage: none, estimate: combined })?.detail).toBe(
      'Estimated from the article’s text before sending: 1 request, the analysis and the translation in one answer, so the article is sent once.',
    );
  });

  it('shows the estimate, with its cost, while the job runs', () => {
    expect(costText({ status: 'running', usage: none, estimate })?.label).toBe(
      '≈ 3,100 tokens in · ≈ 900 out · ≈ $0.001',
    );
  });

  it('shows what the endpoint reported, and what it cost, once the job is over', () => {
    const text = costText({ status: 'done', usage, estimate });
    // 3,350 in × $0.15 + 3,630 out × $0.60 per million.
    expect(text?.label).toBe('6,980 tokens · $0.0027');
    expect(text?.detail).toMatch(/Estimated before sending: 3,100 in, 900 out/);
  });

  it('says the figures are estimated when the endpoint reported no usage', () => {
    const text = costText({ status: 'done', usage: none, estimate });
    expect(text?.label).toBe('≈ 3,100 tokens in · ≈ 900 out · ≈ $0.001 (estimated)');
    expect(text?.detail).toMatch(/^The endpoint reported no token usage\. Estimated from the article’s text/);
  });

  it('leaves the cost out when the model’s price is unknown', () => {
    expect(costText({ status: 'running', usage: none, estimate: { ...estimate, price: null } })?.label).toBe(
      '≈ 3,100 tokens in · ≈ 900 out',
    );
    expect(costText({ status: 'done', usage, estimate: null })?.label).toBe('6,980 tokens');
  });

  it('says how a long article is split', () => {
    const split = { ...estimate, requests: 9, analysisParts: 3, translationParts: 5 };
    expect(costText({ status: 'running', usage: none, estimate: split })?.detail).toBe(
      'Estimated from the article’s text before sending: 9 requests, the analysis in 3 parts and a summary, the translation in 5 parallel parts.',
    );
  });

  it('shows nothing before there is an estimate or usage', () => {
    expect(costText({ status: 'extracting', usage: none, estimate: null })).toBeNull();
  });
});

describe('formatDollars', () => {
  it.each([
    [0, '$0'],
    [0.00123, '$0.0012'],
    [0.0101, '$0.01'],
    [0.034, '$0.034'],
    [1.254, '$1.25'],
  ])('%d → %s', (amount, text) => {
    expect(formatDollars(amount)).toBe(text);
  });
});

describe('pauseText', () => {
  it('counts down a rate-limit pause, and says when a server error is retried', () => {
    expect(pauseText({ reason: 'rate-limit', until: 12_000, attempt: 1 }, 0)).toBe(
      'Paused by the endpoint’s rate limit — resuming in 12 s',
    );
    expect(pauseText({ reason: 'rate-limit', until: 12_000, attempt: 1 }, 11_500)).toMatch(/resuming in 1 s$/);
    expect(pauseText({ reason: 'server-error', until: 500, attempt: 2 }, 1_000)).toBe(
      'The endpoint failed; trying again (attempt 3) — resuming now',
    );
  });
});
