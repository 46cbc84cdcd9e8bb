import { describe, expect, it } from 'vitest';
import { countWords } from './word-count';

function paragraphs(...texts: string[]) {
  return texts.map((text, index) => ({ id: `p${index + 1}`, text }));
}

describe('countWords', () => {
  it('counts whitespace-separated words, hyphenated ones once, dashes not at all', () => {
    expect(countWords(paragraphs('Eins zwei – drei.', 'US-Bürger 86,82 Prozent'))).toBe(6);
  });

  it('counts words in scripts written without spaces', () => {
    expect(countWords(paragraphs('我们今天去北京'))).toBeGreaterThan(1);
  });

  it('is zero without text', () => {
    expect(countWords([])).toBe(0);
  });
});
