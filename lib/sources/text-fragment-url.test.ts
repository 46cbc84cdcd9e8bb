import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_MATCH_MAX_CHARACTERS, encodeTerm, textFragmentUrl } from '@/lib/sources/text-fragment-url';

const NYT = 'https://www.nytimes.com/2025/02/14/world/europe/belarus.html';

/** The text directive's terms, decoded: [textStart] or [textStart, textEnd]. */
function terms(url: string): string[] {
  const directive = url.split(':~:text=')[1] ?? '';
  return directive.split(',').map(decodeURIComponent);
}

describe('textFragmentUrl', () => {
  it('links a short passage by its whole text', () => {
    expect(textFragmentUrl(NYT, 'It was the first meeting in five years.')).toBe(
      `${NYT}#:~:text=It%20was%20the%20first%20meeting%20in%20five%20years.`,
    );
  });

  it('percent-encodes the characters that delimit the directive: dash, ampersand and comma', () => {
    const url = textFragmentUrl(NYT, 'Belarus-U.S. talks, banks & potash');
    expect(url).toBe(`${NYT}#:~:text=Belarus%2DU.S.%20talks%2C%20banks%20%26%20potash`);
    expect(terms(url)).toEqual(['Belarus-U.S. talks, banks & potash']);
  });

  it('encodes non-Latin text as UTF-8 and collapses whitespace', () => {
    expect(textFragmentUrl(NYT, 'Встреча  прошла\nтайно')).toBe(
      `${NYT}#:~:text=${encodeURIComponent('Встреча прошла тайно')}`,
    );
  });

  it('matches a long passage by its first and last words (textStart,textEnd)', () => {
    const passage = `Mr. Smith presented a “big deal” as the logical next step. ${'In exchange for the release of more prisoners, the United States could consider easing some sanctions. '.repeat(3)}He told the diplomats so.`;
    expect(passage.length).toBeGreaterThan(EXACT_MATCH_MAX_CHARACTERS);
    const [start, end, ...rest] = terms(textFragmentUrl(NYT, passage));
    expect(rest).toEqual([]);
    expect(start).toBe('Mr. Smith presented a “big');
    expect(end).toBe('He told the diplomats so.');
  });

  it('matches a passage across two paragraphs by its start in the first and its end in the second', () => {
    const [start, end] = terms(
      textFragmentUrl(NYT, [
        'a deal with Minsk appeared to be close.',
        'In exchange, the United States could consider it.',
      ]),
    );
    expect(start).toBe('a deal with Minsk appeared');
    expect(end).toBe('United States could consider it.');
  });

  it('keeps the URL’s own fragment and replaces a text directive it already had', () => {
    expect(textFragmentUrl(`${NYT}#comments`, 'five years')).toBe(`${NYT}#comments:~:text=five%20years`);
    expect(textFragmentUrl(`${NYT}#:~:text=old`, 'five years')).toBe(`${NYT}#:~:text=five%20years`);
  });

  it('leaves the URL alone for an empty passage', () => {
    expect(textFragmentUrl(NYT, '  ')).toBe(NYT);
    expect(textFragmentUrl(NYT, [])).toBe(NYT);
  });

  it('splits CJK text into words by Unicode segmentation for a long passage', () => {
    const sentence = '美国副国务卿史密斯在维尔纽斯对西方外交官表示，华盛顿与明斯克之间的一项重要协议似乎即将达成。';
    const [start, end] = terms(textFragmentUrl(NYT, sentence.repeat(8)));
    expect(sentence.repeat(8).startsWith(start ?? '-')).toBe(true);
    expect(sentence.repeat(8).endsWith(end ?? '-')).toBe(true);
    expect((start ?? '').length).toBeGreaterThanOrEqual(16);
  });
});

describe('textFragmentUrl (property)', () => {
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }).filter((value) => value.trim() !== '');

  it('gives terms with no raw delimiter, that decode to the start and end of the passage', () => {
    fc.assert(
      fc.property(text, (passage) => {
        const url = textFragmentUrl(NYT, passage);
        const directive = url.split(':~:text=')[1] ?? '';
        expect(directive).not.toMatch(/[-&\s#]/);
        const collapsed = passage.replace(/\s+/g, ' ').trim();
        const decoded = directive.split(',').map(decodeURIComponent);
        expect(decoded.length).toBeLessThanOrEqual(2);
        expect(collapsed.startsWith(decoded[0] ?? '\u0000')).toBe(true);
        expect(collapsed.endsWith(decoded.at(-1) ?? '\u0000')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('encodes every term so that decoding gives it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (term) => {
        expect(decodeURIComponent(encodeTerm(term))).toBe(term);
        expect(encodeTerm(term)).not.toMatch(/[-&,]/);
      }),
    );
  });
});
