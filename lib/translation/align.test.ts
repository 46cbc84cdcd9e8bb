import { describe, expect, it } from 'vitest';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { alignTranslation, stripParagraphMarkers } from '@/lib/translation/align';

const ids = ['p1', 'p2', 'p3', 'p4'];

describe('alignTranslation', () => {
  it('reads the markers of a well-formed translation, one entry per paragraph, without the markers', () => {
    const markdown = '[p1] One **bold**.\n\n[p2] Two.\n\n[p3] Three,\ncontinued.\n\n[p4] Four.\n';
    expect(alignTranslation(markdown, ids)).toEqual([
      { paragraphId: 'p1', markdown: 'One **bold**.' },
      { paragraphId: 'p2', markdown: 'Two.' },
      { paragraphId: 'p3', markdown: 'Three,\ncontinued.' },
      { paragraphId: 'p4', markdown: 'Four.' },
    ]);
  });

  it('aligns the seed translation fixture with the seed article’s seven paragraphs', () => {
    const seedIds = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
    const aligned = alignTranslation(seedFixtures().translation, seedIds);
    expect(aligned.map((entry) => entry.paragraphId)).toEqual(seedIds);
    expect(aligned[0]?.markdown).toMatch(/^An allegedly significant agreement/);
  });

  it('accepts garbled markers: upper case, bold, escaped, spaced, with a colon', () => {
    const markdown = '**[P1]** One.\n\n\\[p2\\] Two.\n\n[ p 3 ]: Three.\n\n[p04]Four.';
    expect(alignTranslation(markdown, ids).map((entry) => [entry.paragraphId, entry.markdown])).toEqual([
      ['p1', 'One.'],
      ['p2', 'Two.'],
      ['p3', 'Three.'],
      ['p4', 'Four.'],
    ]);
  });

  it('splits paragraphs that ran together without a blank line at their markers', () => {
    expect(alignTranslation('[p1] One.\n[p2] Two.', ids)).toEqual([
      { paragraphId: 'p1', markdown: 'One.' },
      { paragraphId: 'p2', markdown: 'Two.' },
    ]);
  });

  it('falls back to blank-line splitting and index alignment when there are no markers at all', () => {
    expect(alignTranslation('One.\n\nTwo.\n\nThree.\n\nFour.\n\nA fifth, extra paragraph.', ids)).toEqual([
      { paragraphId: 'p1', markdown: 'One.' },
      { paragraphId: 'p2', markdown: 'Two.' },
      { paragraphId: 'p3', markdown: 'Three.' },
      { paragraphId: 'p4', markdown: 'Four.' },
      { paragraphId: null, markdown: 'A fifth, extra paragraph.' },
    ]);
  });

  it('fills a missing marker from its neighbours only when the gap leaves no doubt', () => {
    expect(alignTranslation('[p1] One.\n\nTwo.\n\n[p3] Three.', ids).map((entry) => entry.paragraphId)).toEqual([
      'p1',
      'p2',
      'p3',
    ]);
    // Two unmarked paragraphs where one id is missing: which one is p2 is unknown.
    expect(
      alignTranslation('[p1] One.\n\nTwo.\n\nTwo, split.\n\n[p3] Three.', ids).map((entry) => entry.paragraphId),
    ).toEqual(['p1', null, null, 'p3']);
    // Before the first marker, and after the last one, position decides while ids remain.
    expect(alignTranslation('One.\n\n[p2] Two.\n\nThree.', ids).map((entry) => entry.paragraphId)).toEqual([
      'p1',
      'p2',
      'p3',
    ]);
  });

  it('gives null to a marker naming a paragraph that does not exist, and removes it anyway', () => {
    expect(alignTranslation('[p1] One.\n\n[p9] Nine?', ids)).toEqual([
      { paragraphId: 'p1', markdown: 'One.' },
      { paragraphId: null, markdown: 'Nine?' },
    ]);
  });

  it('keeps a marker alone on its line with the paragraph that follows it', () => {
    expect(alignTranslation('[p1]\n\nOne.\n\n[p2] Two.', ids)).toEqual([
      { paragraphId: 'p1', markdown: 'One.' },
      { paragraphId: 'p2', markdown: 'Two.' },
    ]);
  });

  it('leaves out a marker still streaming in at the end', () => {
    expect(alignTranslation('[p1] One.\n\n[p', ids)).toEqual([{ paragraphId: 'p1', markdown: 'One.' }]);
    expect(alignTranslation('', ids)).toEqual([]);
  });
});

describe('stripParagraphMarkers', () => {
  it('removes the markers at line starts and nothing else', () => {
    expect(stripParagraphMarkers('[p1] One, see [p2].\n\n**[P2]** Two.\n\n[NYT](https://nytimes.com) said.')).toBe(
      'One, see [p2].\n\nTwo.\n\n[NYT](https://nytimes.com) said.',
    );
  });

  it('hides a marker that is still streaming in', () => {
    expect(stripParagraphMarkers('[p1] One.\n\n[p1')).toBe('One.\n\n');
    expect(stripParagraphMarkers('[p1] One.\n\n[')).toBe('One.\n\n');
    expect(stripParagraphMarkers('[')).toBe('');
  });

  it('leaves a translation without markers as it is', () => {
    const text = 'An allegedly big deal.\n\nAccording to the NYT.';
    expect(stripParagraphMarkers(text)).toBe(text);
  });
});
