import { describe, expect, it } from 'vitest';
import { thinkingText } from '@/lib/ui/thinking-text';

describe('thinkingText', () => {
  it('counts from the first part that began thinking, naming the part when only one thinks', () => {
    expect(thinkingText({ analysis: 1_000, translation: null }, 24_500)).toBe(
      'The model is thinking before it answers (summary and notes) — 23 s',
    );
    expect(thinkingText({ analysis: null, translation: 5_000 }, 5_400)).toBe(
      'The model is thinking before it answers (translation) — 0 s',
    );
    expect(thinkingText({ analysis: 3_000, translation: 1_000 }, 61_000)).toBe(
      'The model is thinking before it answers — 60 s',
    );
  });

  it('says nothing when no part thinks', () => {
    expect(thinkingText({ analysis: null, translation: null }, 1)).toBeNull();
  });
});
