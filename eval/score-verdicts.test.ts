import { describe, expect, it } from 'vitest';
import type { ExpectedVerdict } from '@/eval/rubric';
import { scoreVerdicts } from '@/eval/score-verdicts';

const expected: ExpectedVerdict[] = [
  {
    articleText: 'Smiths Treffen mit Lukaschenko sei heimlich erfolgt',
    verdict: 'partly-supported',
    passage: 'not announced in advance',
  },
  {
    articleText: 'Diese Begegnung markiere das erste Aufeinandertreffen',
    verdict: 'supported',
    passage: 'the first by a senior official',
  },
  { articleText: 'würden die Vereinigten Staaten die Sanktionen mildern', verdict: 'not-found', passage: null },
  { articleText: 'preiste die Freilassung als großen Sieg', verdict: 'supported', passage: 'a great victory' },
];

describe('scoreVerdicts', () => {
  it('scores each expected verdict by the check of the same claim', () => {
    const score = scoreVerdicts(expected, [
      {
        articleText: 'Smiths Treffen mit Lukaschenko sei heimlich erfolgt.',
        verdict: 'partly-supported',
        passageVerified: true,
      },
      {
        articleText: 'Diese Begegnung markiere das erste Aufeinandertreffen eines Vertreters',
        verdict: 'contradicted',
        passageVerified: true,
      },
      // not-found rests on no passage: nothing to verify.
      {
        articleText: 'würden die Vereinigten Staaten die Sanktionen mildern',
        verdict: 'not-found',
        passageVerified: false,
      },
    ]);
    expect(score.correct).toBe(2);
    expect(score.total).toBe(4);
    expect(score.outcomes.map((outcome) => outcome.observed)).toEqual([
      'partly-supported',
      'contradicted',
      'not-found',
      'missing',
    ]);
  });

  it('never counts a verdict whose passage is not in the source: it shows as an unverified check', () => {
    const score = scoreVerdicts(expected.slice(3), [
      { articleText: 'preiste die Freilassung als großen Sieg', verdict: 'supported', passageVerified: false },
    ]);
    expect(score).toEqual({
      correct: 0,
      total: 1,
      outcomes: [
        { articleText: 'preiste die Freilassung als großen Sieg', expected: 'supported', observed: 'unverified' },
      ],
    });
  });
});
