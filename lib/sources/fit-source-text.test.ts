import { describe, expect, it } from 'vitest';
import { ANSWER_TOKENS_PER_CLAIM, fitSourceText } from '@/lib/sources/fit-source-text';

const paragraph = (index: number) => ({
  id: `p${index}`,
  text: 'The minister said the talks would go on. '.repeat(20),
});
const paragraphs = Array.from({ length: 40 }, (_, index) => paragraph(index + 1));

describe('fitSourceText', () => {
  it('sends the whole source when it fits', () => {
    const fitted = fitSourceText(paragraphs, {
      limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
      family: 'o200k',
      overheadTokens: 800,
      claimCount: 5,
    });
    expect(fitted.paragraphs).toHaveLength(40);
    expect(fitted.cut).toBe(false);
    expect(fitted.answerTokens).toBe(40 + 5 * ANSWER_TOKENS_PER_CLAIM);
  });

  it('cuts a source that does not fit to whole paragraphs from its start, leaving room for the answer', () => {
    const limits = { contextTokens: 4_096, maxOutputTokens: 2_048 };
    const fitted = fitSourceText(paragraphs, { limits, family: 'cl100k', overheadTokens: 800, claimCount: 5 });
    expect(fitted.cut).toBe(true);
    expect(fitted.paragraphs.length).toBeGreaterThan(0);
    expect(fitted.paragraphs.map((kept) => kept.id)).toEqual(
      paragraphs.slice(0, fitted.paragraphs.length).map((kept) => kept.id),
    );
    expect(fitted.inputTokens + fitted.answerTokens).toBeLessThanOrEqual(limits.contextTokens * 0.9);
  });

  it('sends nothing when not even the first paragraph fits beside the instructions', () => {
    const fitted = fitSourceText(paragraphs, {
      limits: { contextTokens: 1_000, maxOutputTokens: 512 },
      family: 'o200k',
      overheadTokens: 700,
      claimCount: 2,
    });
    expect(fitted).toMatchObject({ paragraphs: [], cut: true });
  });
});
