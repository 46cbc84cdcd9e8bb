import { describe, expect, it } from 'vitest';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { alignTranslation } from '@/lib/translation/align';
import { checkHedgePreservation } from '@/lib/hedges/check-hedge-preservation';

const article = seedArticle();
const ids = article.paragraphs.map((paragraph) => paragraph.id);
const { notes } = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));

function check(translation: string) {
  return checkHedgePreservation(article, alignTranslation(translation, ids), notes);
}

function flagged(translation: string) {
  return check(translation).filter((result) => result.status !== 'kept');
}

/** The seed translation with one paragraph's Markdown changed. */
function withParagraph(id: string, change: (markdown: string) => string): string {
  return alignTranslation(seedFixtures().translation, ids)
    .map((entry) => `[${entry.paragraphId}] ${entry.paragraphId === id ? change(entry.markdown) : entry.markdown}`)
    .join('\n\n');
}

describe('checkHedgePreservation', () => {
  it('finds every hedge of the seed translation kept, paragraph by paragraph', () => {
    const results = check(seedFixtures().translation);
    expect(results.map((result) => result.paragraphId)).toEqual(ids);
    expect(results.filter((result) => result.status !== 'kept')).toEqual([]);
    const p1 = results[0];
    expect(p1?.originalMarkers.map((marker) => marker.text)).toEqual(
      expect.arrayContaining(['mutmaßlich', 'offenbar', 'laut der New York Times (NYT)']),
    );
    expect(p1?.translatedMarkers.map((marker) => marker.text)).toEqual(
      expect.arrayContaining(['allegedly', 'apparently', 'according to']),
    );
  });

  it('flags p1 when "allegedly" is dropped, and only p1', () => {
    const results = flagged(withParagraph('p1', (markdown) => markdown.replace('allegedly ', '')));
    expect(results.map((result) => [result.paragraphId, result.status])).toEqual([['p1', 'lost']]);
    expect(results[0]?.detail).toContain('mutmaßlich');
  });

  it('flags a reported claim turned into a plain statement: Konjunktiv I "sei" → "took place"', () => {
    const results = flagged(
      withParagraph('p3', (markdown) => markdown.replace('is said to have taken place', 'took place')),
    );
    expect(results.map((result) => [result.paragraphId, result.status])).toEqual([['p3', 'lost']]);
  });

  it('flags dropped quotation marks', () => {
    const results = flagged(
      withParagraph('p3', (markdown) => markdown.replace('“political prisoners”', 'political prisoners')),
    );
    expect(results.map((result) => result.paragraphId)).toEqual(['p3']);
    expect(results[0]?.detail).toContain('The original quotes 4 phrases (“politischen Gefangenen”, ');
    expect(results[0]?.detail).toContain('the translation 3 (“special operation”');
  });

  it('calls doubt that survives only as attribution weakened', () => {
    const results = flagged(
      withParagraph('p1', (markdown) =>
        markdown.replace('An allegedly significant agreement', 'According to sources, a significant agreement'),
      ),
    );
    expect(results.map((result) => [result.paragraphId, result.status])).toEqual([['p1', 'weakened']]);
  });

  it('pairs by the paragraph markers, whatever order the paragraphs come in', () => {
    const [first = '', second = '', ...rest] = alignTranslation(seedFixtures().translation, ids).map(
      (entry) => `[${entry.paragraphId}] ${entry.markdown}`,
    );
    expect(flagged([second, first, ...rest].join('\n\n'))).toEqual([]);
  });

  it('compares nothing for a translation language without a lexicon, or a paragraph not yet translated', () => {
    const aligned = alignTranslation(seedFixtures().translation, ids);
    expect(checkHedgePreservation(article, aligned, notes, { translationLanguage: 'ja' })).toEqual([]);
    expect(checkHedgePreservation(article, aligned.slice(0, 2), notes).map((result) => result.paragraphId)).toEqual([
      'p1',
      'p2',
    ]);
  });
});
