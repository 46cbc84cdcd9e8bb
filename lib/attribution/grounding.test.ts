import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Article, ArticleSchema } from '@/lib/article/article';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { type Grounding, groundNotes, locateQuote } from '@/lib/attribution/grounding';

/** One quote's grounding, as a note carrying it gets it. */
function groundQuote(article: Parameters<typeof groundNotes>[0], quote: string): Grounding {
  const [grounding] = groundNotes(article, [{ quote }]);
  if (!grounding) throw new Error('groundNotes returned no grounding for one note');
  return grounding;
}

function article(...texts: string[]): Pick<Article, 'paragraphs'> {
  return { paragraphs: texts.map((text, index) => ({ id: `p${index + 1}`, text })) };
}

/** The original text a grounding points at. */
function matched(source: Pick<Article, 'paragraphs'>, quote: string): string | null {
  const grounding = groundQuote(source, quote);
  const paragraph = source.paragraphs.find((candidate) => candidate.id === grounding.paragraphId);
  if (!paragraph || grounding.start === null || grounding.end === null) return null;
  return paragraph.text.slice(grounding.start, grounding.end);
}

const GERMAN = article(
  'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor. Dies verkündete der stellvertretende US-Außenminister Christopher Smith am 13. Februar auf einem Treffen mit westlichen Diplomaten in Vilnius.',
  'Smiths Treffen mit Lukaschenko sei heimlich erfolgt. Er feierte die Freilassung als „großen Sieg“, der Donald Trumps Leitspruch „Frieden durch Stärke“ verwirkliche, so die NYT.',
  'Die USA hatten im Sommer 2021 sektorale Wirtschafts\u00adsanktionen gegen Weißrussland erlassen.',
);

describe('groundQuote', () => {
  it('verifies an exact quote, with its paragraph and offsets in the original', () => {
    const grounding = groundQuote(GERMAN, 'Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
    expect(grounding).toEqual({ status: 'verified', paragraphId: 'p2', start: 0, end: 52, closest: null });
    expect(matched(GERMAN, 'Smiths Treffen mit Lukaschenko sei heimlich erfolgt.')).toBe(
      'Smiths Treffen mit Lukaschenko sei heimlich erfolgt.',
    );
  });

  it('verifies a quote retyped with other quotation marks, covering the original’s marks', () => {
    const quote =
      'Er feierte die Freilassung als "großen Sieg", der Donald Trumps Leitspruch "Frieden durch Stärke" verwirkliche';
    expect(groundQuote(GERMAN, quote).status).toBe('verified');
    expect(matched(GERMAN, quote)).toBe(
      'Er feierte die Freilassung als „großen Sieg“, der Donald Trumps Leitspruch „Frieden durch Stärke“ verwirkliche',
    );
    expect(matched(GERMAN, '»großen Sieg«')).toBe('„großen Sieg“');
  });

  it('verifies a quote whose line breaks and non-breaking spaces differ from the original', () => {
    const quote = 'Dies verkündete der stellvertretende\nUS-Außenminister Christopher Smith am 13.\u00a0Februar';
    expect(groundQuote(GERMAN, quote)).toMatchObject({ status: 'verified', paragraphId: 'p1' });
    expect(matched(GERMAN, quote)).toBe(
      'Dies verkündete der stellvertretende US-Außenminister Christopher Smith am 13. Februar',
    );
  });

  it('verifies a quote without the soft hyphen the original hides in a word', () => {
    const quote = 'Die USA hatten im Sommer 2021 sektorale Wirtschaftssanktionen gegen Weißrussland erlassen.';
    expect(groundQuote(GERMAN, quote)).toMatchObject({ status: 'verified', paragraphId: 'p3', start: 0 });
    expect(matched(GERMAN, quote)).toBe(GERMAN.paragraphs[2]?.text);
  });

  it('ignores case and a missing full stop, and covers the full stop when the quote has it', () => {
    expect(matched(GERMAN, 'smiths treffen mit lukaschenko sei heimlich erfolgt')).toBe(
      'Smiths Treffen mit Lukaschenko sei heimlich erfolgt',
    );
  });

  it('verifies a quote with an elision, covering the passage from its first to its last part', () => {
    expect(matched(GERMAN, 'Ein mutmaßlich bedeutsames Abkommen […] steht offenbar kurz bevor.')).toBe(
      'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
    );
  });

  it('matches whole words only: a fragment of a word is not a quote of it', () => {
    expect(groundQuote(GERMAN, 'Treff').status).toBe('not-found');
    expect(matched(GERMAN, 'sei')).toBe('sei');
    expect(groundQuote(GERMAN, 'sei')).toMatchObject({ paragraphId: 'p2', start: 31 });
  });

  it('does not find a fabricated quote', () => {
    expect(groundQuote(GERMAN, 'Lukaschenko kündigte an, im Herbst nach Washington zu reisen.')).toEqual({
      status: 'not-found',
      paragraphId: null,
      start: null,
      end: null,
      closest: null,
    });
  });

  it('does not find a paraphrase, even of a real sentence', () => {
    expect(groundQuote(GERMAN, 'Das Treffen zwischen Smith und Lukaschenko fand im Geheimen statt.').status).toBe(
      'not-found',
    );
  });

  it('calls one changed word a near-miss, showing the closest passage verbatim', () => {
    const grounding = groundQuote(
      GERMAN,
      'Ein mutmaßlich wichtiges Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
    );
    expect(grounding.status).toBe('near-miss');
    expect(grounding.paragraphId).toBe('p1');
    expect(grounding.closest?.paragraphId).toBe('p1');
    expect(grounding.closest?.text).toBe(
      'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
    );
    expect(grounding.closest?.similarity).toBeCloseTo(1 - 1 / 12, 5);
    expect(grounding.start).toBe(0);
    expect(grounding.end).toBe(grounding.closest?.text.length);
  });

  it('calls a dropped word a near-miss', () => {
    const grounding = groundQuote(GERMAN, 'Smiths Treffen mit Lukaschenko sei erfolgt.');
    expect(grounding.status).toBe('near-miss');
    expect(grounding.closest?.text).toBe('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
  });

  it('counts only punctuation changes as verified: the reader finds the same words', () => {
    const grounding = groundQuote(GERMAN, 'Er feierte die Freilassung als großen Sieg der Donald Trumps Leitspruch');
    expect(grounding.status).toBe('verified');
    expect(grounding.paragraphId).toBe('p2');
  });

  it('verifies a quote across two consecutive paragraphs, naming the first one', () => {
    const quote = 'mit westlichen Diplomaten in Vilnius. Smiths Treffen mit Lukaschenko sei heimlich erfolgt.';
    const grounding = groundQuote(GERMAN, quote);
    const first = GERMAN.paragraphs[0]?.text ?? '';
    expect(grounding).toMatchObject({ status: 'verified', paragraphId: 'p1', end: first.length });
    expect(first.slice(grounding.start ?? 0)).toBe('mit westlichen Diplomaten in Vilnius.');
    expect(locateQuote(GERMAN, quote).parts).toEqual([
      { paragraphId: 'p1', start: grounding.start, end: first.length },
      { paragraphId: 'p2', start: 0, end: 52 },
    ]);
  });

  it('does not verify a quote joining parts of paragraphs that are not consecutive', () => {
    const quote = 'in Vilnius. Die USA hatten im Sommer 2021';
    expect(groundQuote(GERMAN, quote).status).toBe('not-found');
  });

  it('matches Chinese text, where a changed character is a changed word', () => {
    const chinese = article('外交部发言人周三表示，中方对此表示严重关切。双方将继续保持沟通。');
    expect(groundQuote(chinese, '中方对此表示严重关切。')).toMatchObject({ status: 'verified', start: 11, end: 22 });
    expect(groundQuote(chinese, '外交部发言人周三 表示，中方对此表示严重关切')).toMatchObject({
      status: 'verified',
    });
    const nearMiss = groundQuote(chinese, '外交部发言人周二表示，中方对此表示严重关切。');
    expect(nearMiss.status).toBe('near-miss');
    expect(nearMiss.closest?.text).toBe('外交部发言人周三表示，中方对此表示严重关切。');
    expect(groundQuote(chinese, '美国总统宣布了新的关税政策。').status).toBe('not-found');
  });

  it('matches Arabic with or without vowel marks, and with other quotation marks', () => {
    const arabic = article('وقال المتحدث باسم الوزارة إن «المفاوضات مستمرة» حتى الآن. ولم يذكر تفاصيل أخرى.');
    expect(matched(arabic, 'وقال المتحدث باسم الوزارة إن "المفاوضات مستمرة" حتى الآن.')).toBe(
      'وقال المتحدث باسم الوزارة إن «المفاوضات مستمرة» حتى الآن.',
    );
    expect(groundQuote(arabic, 'وَقَالَ المُتَحَدِّثُ باسم الوزارة').status).toBe('verified');
    expect(groundQuote(arabic, 'وقال المتحدث باسم الحكومة إن المفاوضات مستمرة حتى الآن.').status).toBe('near-miss');
  });

  it('matches Hebrew with right-to-left marks in the original', () => {
    const hebrew = article('\u200fראש הממשלה אמר כי \u201dהשיחות נמשכות\u201d. הוא לא מסר פרטים נוספים.');
    expect(matched(hebrew, 'ראש הממשלה אמר כי "השיחות נמשכות".')).toBe('ראש הממשלה אמר כי \u201dהשיחות נמשכות\u201d.');
    expect(groundQuote(hebrew, 'שר האוצר הודיע על תקציב חדש.').status).toBe('not-found');
  });

  it('finds nothing for an empty quote or an empty article', () => {
    expect(groundQuote(GERMAN, '  “ ” ').status).toBe('not-found');
    expect(groundQuote(article(), 'Smiths Treffen').status).toBe('not-found');
  });
});

describe('groundNotes on the seed answer', () => {
  const seedArticle = ArticleSchema.parse(
    JSON.parse(readFileSync(new URL('../../tests/fixtures/llm/seed-article.json', import.meta.url), 'utf8')),
  );
  const seedAnalysis = AnalysisSchema.parse(
    JSON.parse(readFileSync(new URL('../../tests/fixtures/llm/seed-analysis.json', import.meta.url), 'utf8')),
  );

  it('verifies every quote of the seed analysis, in the paragraph the model named, verbatim', () => {
    const groundings = groundNotes(seedArticle, seedAnalysis.notes);
    expect(groundings).toHaveLength(14);
    seedAnalysis.notes.forEach((note, index) => {
      const grounding = groundings[index];
      expect(grounding?.status, note.quote).toBe('verified');
      expect(grounding?.paragraphId, note.quote).toBe(note.paragraphId);
      const paragraph = seedArticle.paragraphs.find((candidate) => candidate.id === grounding?.paragraphId);
      expect(paragraph?.text.slice(grounding?.start ?? 0, grounding?.end ?? 0)).toBe(note.quote);
    });
  });

  it('grounds notes without a quote as not found, and no notes as none', () => {
    expect(groundNotes(seedArticle, [{}, { quote: 'Es ist seine siebte Amtszeit als Präsident.' }])).toMatchObject([
      { status: 'not-found' },
      { status: 'verified', paragraphId: 'p7' },
    ]);
    expect(groundNotes(seedArticle, undefined)).toEqual([]);
  });
});
