import { describe, expect, it } from 'vitest';
import { normaliseText, originalRange } from '@/lib/attribution/normalise-text';

function normalised(text: string): string {
  return normaliseText(text).text;
}

describe('normaliseText', () => {
  it('makes every quotation mark one, whatever the language’s typography', () => {
    expect(normalised('„Frieden durch Stärke“')).toBe(normalised('"Frieden durch Stärke"'));
    expect(normalised('«la paix» ‹oui› ‚ja‘ ’s 「東京」')).toBe('"la paix""oui""ja""s"東京"');
  });

  it('makes dashes and the minus sign a hyphen, dropping the spaces around them', () => {
    expect(normalised('Mehr zum Thema – Putin')).toBe('mehr zum thema-putin');
    expect(normalised('Thema—Putin')).toBe('thema-putin');
    expect(normalised('−3 und US‑Bürger')).toBe('-3 und us-bürger');
  });

  it('removes soft hyphens, zero-width characters and bidirectional marks', () => {
    expect(normalised('Wirt\u00adschafts\u200bsanktionen\u200e')).toBe('wirtschaftssanktionen');
  });

  it('collapses line breaks, non-breaking and other Unicode spaces into one space, trimmed', () => {
    expect(normalised('  am 13.\u00a0Februar\n\tin\u2009Vilnius\u3000 ')).toBe('am 13. februar in vilnius');
  });

  it('applies NFKC (ligatures, full-width forms, composed accents) and ignores case', () => {
    expect(normalised('ﬁnal ＡＢＣ Cafe\u0301 STRASSE')).toBe('final abc café strasse');
  });

  it('drops spaces next to characters of scripts written without them', () => {
    expect(normalised('中国 外交部\n表示')).toBe('中国外交部表示');
  });

  it('drops optional Arabic and Hebrew vowel marks', () => {
    expect(normalised('قَالَ الرَّئِيسُ')).toBe(normalised('قال الرئيس'));
    expect(normalised('שָׁלוֹם')).toBe(normalised('שלום'));
  });

  it('maps every normalised character back to the original text', () => {
    const original = 'Er sagte:\u00a0„Wir  sind\u00adbereit“.';
    const result = normaliseText(original);
    const start = result.text.indexOf('wir');
    const end = result.text.indexOf('bereit') + 'bereit'.length;
    const range = originalRange(result, start, end);
    expect(range && original.slice(range.start, range.end)).toBe('Wir  sind\u00adbereit');
    expect(result.starts).toHaveLength(result.text.length);
    expect(result.ends).toHaveLength(result.text.length);
  });

  it('maps a character that NFKC expands to the one original character', () => {
    const original = 'eine ﬁrma';
    const result = normaliseText(original);
    expect(result.text).toBe('eine firma');
    expect(originalRange(result, 5, 7)).toEqual({ start: 5, end: 6 });
  });

  it('has no range for an empty span', () => {
    expect(originalRange(normaliseText('abc'), 2, 2)).toBeNull();
  });
});

describe('normaliseText with optional diacritics precomposed or apart', () => {
  it('folds Arabic alef with madda the same whether precomposed (U+0622) or alef + U+0653', () => {
    expect(normaliseText('آفء').text).toBe(normaliseText('\u0627\u0653فء').text);
  });

  it('folds Arabic alef with hamza the same whether precomposed (U+0623) or alef + U+0654', () => {
    expect(normaliseText('أحمد').text).toBe(normaliseText('\u0627\u0654حمد').text);
  });
});
