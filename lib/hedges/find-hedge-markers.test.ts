import { describe, expect, it } from 'vitest';
import { findHedgeMarkers, findQuotations } from '@/lib/hedges/find-hedge-markers';
import { hedgeLexicon } from '@/lib/hedges/hedge-lexicon';

const GERMAN = hedgeLexicon('de');

describe('findHedgeMarkers', () => {
  it('matches whole words only, in any script', () => {
    expect(findHedgeMarkers('Seit Jahren seither', GERMAN)).toEqual([]);
    expect(findHedgeMarkers('Дипломаты якобы договорились', hedgeLexicon('ru')).map((marker) => marker.text)).toEqual([
      'якобы',
    ]);
    expect(findHedgeMarkers('Quasiякобы', hedgeLexicon('ru'))).toEqual([]);
  });

  it('gives offsets into the text, and finds decomposed umlauts and ß as well', () => {
    const text = 'Ein mutmaßlich bedeutsames Abkommen';
    expect(findHedgeMarkers(text, GERMAN)).toEqual([
      { text: 'mutmaßlich', category: 'doubt', start: 4, end: 14, origin: 'lexicon' },
    ]);
    expect(findHedgeMarkers('Es sei mo\u0308glich', GERMAN).map((marker) => marker.text)).toEqual(['sei', 'möglich']);
  });

  it('counts a phrase once: the longer of two overlapping markers wins', () => {
    const found = findHedgeMarkers('berichten Teilnehmer laut der New York Times (NYT).', GERMAN, [
      { text: 'laut der New York Times (NYT)', category: 'attribution' },
    ]);
    expect(found.map((marker) => [marker.text, marker.origin])).toEqual([
      ['berichten', 'lexicon'],
      ['laut der New York Times (NYT)', 'model'],
    ]);
  });

  it('finds what the model named even with other quotation marks or spacing', () => {
    const found = findHedgeMarkers(
      'zwei „politischen  Gefangenen“ nach Vilnius',
      [],
      [{ text: '“politischen Gefangenen”', category: 'quotation' }],
    );
    expect(found.map((marker) => marker.text)).toEqual(['„politischen  Gefangenen“']);
  });

  it('respects matchCase: "May" the month is no hedge, "may" is', () => {
    const english = hedgeLexicon('en');
    expect(findHedgeMarkers('In May the deal may close.', english).map((marker) => marker.text)).toEqual(['may']);
  });
});

describe('findQuotations', () => {
  it('finds quoted phrases in any quotation style, not apostrophes', () => {
    const text = 'Smith’s “great victory”, «Zeit», „Deal“ and "peace"';
    expect(findQuotations(text).map((marker) => marker.text)).toEqual([
      '“great victory”',
      '«Zeit»',
      '„Deal“',
      '"peace"',
    ]);
  });
});
