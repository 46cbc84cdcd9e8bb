import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { CALIBRATION_SAMPLES } from '@/lib/tokens/calibration-samples';
import { estimateTokens } from '@/lib/tokens/estimate-tokens';
import { tokenizerFamily } from '@/lib/tokens/tokenizer-family';

const relativeError = (estimate: number, actual: number) => (estimate - actual) / actual;

describe('estimateTokens, against the real tokenizers', () => {
  it.each(Object.keys(CALIBRATION_SAMPLES))('is within 25 percent of o200k and cl100k for %s', (language) => {
    const text = CALIBRATION_SAMPLES[language] ?? '';
    expect(Math.abs(relativeError(estimateTokens(text, 'o200k'), countO200k(text)))).toBeLessThan(0.25);
    expect(Math.abs(relativeError(estimateTokens(text, 'cl100k'), countCl100k(text)))).toBeLessThan(0.25);
  });

  it('is within 15 percent on a whole article, the seed, and on its translation', () => {
    const article = seedArticle()
      .paragraphs.map((paragraph) => paragraph.text)
      .join('\n\n');
    const translation = seedFixtures().translation;
    for (const text of [article, translation]) {
      expect(Math.abs(relativeError(estimateTokens(text, 'o200k'), countO200k(text)))).toBeLessThan(0.15);
      expect(Math.abs(relativeError(estimateTokens(text, 'cl100k'), countCl100k(text)))).toBeLessThan(0.15);
    }
  });

  it('is cautious for other tokenizer families, and zero only for no text', () => {
    const text = CALIBRATION_SAMPLES.ru ?? '';
    expect(estimateTokens(text, 'other')).toBeGreaterThan(estimateTokens(text, 'cl100k'));
    expect(estimateTokens('', 'o200k')).toBe(0);
    expect(estimateTokens('.', 'o200k')).toBeGreaterThan(0);
  });
});

describe('tokenizerFamily', () => {
  it.each([
    ['gpt-4o-mini', 'o200k'],
    ['openai/gpt-4o-mini', 'o200k'],
    ['gpt-4.1-nano', 'o200k'],
    ['gpt-5', 'o200k'],
    ['o3-mini', 'o200k'],
    ['gpt-4-turbo', 'cl100k'],
    ['gpt-3.5-turbo', 'cl100k'],
    ['llama3.1', 'other'],
    ['anthropic/claude-3.5-sonnet', 'other'],
    ['mistralai/mistral-7b-instruct', 'other'],
  ] as const)('%s → %s', (model, family) => {
    expect(tokenizerFamily(model)).toBe(family);
  });
});
