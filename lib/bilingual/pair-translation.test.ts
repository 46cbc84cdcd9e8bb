import { describe, expect, it } from 'vitest';
import { pairTranslation } from '@/lib/bilingual/pair-translation';

const paragraphs = [
  { id: 'p1', text: 'Erster Absatz.' },
  { id: 'p2', text: 'Zweiter Absatz.' },
  { id: 'p3', text: 'Dritter Absatz.' },
];

describe('pairTranslation', () => {
  it('puts each translation beside the original with its id, whatever order they came in', () => {
    const pairs = pairTranslation(paragraphs, [
      { paragraphId: 'p2', markdown: 'Second paragraph.' },
      { paragraphId: 'p1', markdown: 'First paragraph.' },
      { paragraphId: 'p3', markdown: 'Third paragraph.' },
    ]);
    expect(pairs.map((pair) => [pair.paragraphId, pair.original, pair.translation])).toEqual([
      ['p1', 'Erster Absatz.', 'First paragraph.'],
      ['p2', 'Zweiter Absatz.', 'Second paragraph.'],
      ['p3', 'Dritter Absatz.', 'Third paragraph.'],
    ]);
  });

  it('leaves a paragraph not yet translated without translation', () => {
    const pairs = pairTranslation(paragraphs, [{ paragraphId: 'p1', markdown: 'First paragraph.' }]);
    expect(pairs.map((pair) => pair.translation)).toEqual(['First paragraph.', null, null]);
  });

  it('pairs by position when no paragraph has an id but the counts match', () => {
    const pairs = pairTranslation(
      paragraphs,
      ['One.', 'Two.', 'Three.'].map((markdown) => ({ paragraphId: null, markdown })),
    );
    expect(pairs.map((pair) => [pair.paragraphId, pair.translation])).toEqual([
      ['p1', 'One.'],
      ['p2', 'Two.'],
      ['p3', 'Three.'],
    ]);
  });

  it('keeps a translated paragraph of unknown origin where it stood, and joins two for one id', () => {
    const pairs = pairTranslation(paragraphs, [
      { paragraphId: 'p1', markdown: 'First,' },
      { paragraphId: 'p1', markdown: 'continued.' },
      { paragraphId: null, markdown: 'A stray paragraph.' },
      { paragraphId: 'p9', markdown: 'An unknown id.' },
      { paragraphId: 'p2', markdown: 'Second.' },
    ]);
    expect(pairs.map((pair) => [pair.paragraphId, pair.original !== null, pair.translation])).toEqual([
      ['p1', true, 'First,\n\ncontinued.'],
      [null, false, 'A stray paragraph.'],
      [null, false, 'An unknown id.'],
      ['p2', true, 'Second.'],
      ['p3', true, null],
    ]);
  });
});
