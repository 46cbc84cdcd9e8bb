import { describe, expect, it } from 'vitest';
import { CALIBRATION_SAMPLES } from '@/lib/tokens/calibration-samples';
import { textDensity, textWeight } from '@/lib/article/text-weight';

describe('textWeight', () => {
  it('counts Han, kana and Hangul three times, everything else once', () => {
    expect(textWeight('abc')).toBe(3);
    expect(textWeight('北京')).toBe(6);
    expect(textWeight('ひらがなカタカナ')).toBe(24);
    expect(textWeight('서울')).toBe(6);
    expect(textWeight('שלום, سلام')).toBe(10);
  });

  it('puts the same news paragraph at about the same weight in Chinese, Japanese, Korean and Romance languages', () => {
    const romance = ['fr', 'es', 'it'].map((language) => textWeight(CALIBRATION_SAMPLES[language] ?? ''));
    const reference = romance.reduce((sum, weight) => sum + weight, 0) / romance.length;
    for (const language of ['zh', 'ja', 'ko']) {
      const ratio = textWeight(CALIBRATION_SAMPLES[language] ?? '') / reference;
      expect(ratio).toBeGreaterThan(0.75);
      expect(ratio).toBeLessThan(1.25);
    }
    expect(textDensity('')).toBe(1);
  });
});
