import { describe, expect, it } from 'vitest';
import { isTargetLanguage } from '@/lib/article/is-target-language';

describe('isTargetLanguage', () => {
  it.each([
    ['en', 'English', true],
    ['de-AT', 'German', true],
    ['de', 'Deutsch', true],
    ['de', 'de', true],
    ['de', 'English', false],
    ['und', 'English', false],
  ])('%s in %s → %s', (article, target, expected) => {
    expect(isTargetLanguage(article, target)).toBe(expected);
  });
});
