import { describe, expect, it } from 'vitest';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';

/** The fixtures stand for a careful model's answer: they must hold to the same rules the prompt states. */
describe('seed fixtures', () => {
  const article = seedArticle();
  const analysis = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));
  const paragraphText = (id: string | null) => article.paragraphs.find((paragraph) => paragraph.id === id)?.text ?? '';

  it('has the seed’s seven body paragraphs, without the “Mehr zum Thema” line', () => {
    expect(article.paragraphs.map((paragraph) => paragraph.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(article.paragraphs[0]?.text.startsWith('Ein mutmaßlich bedeutsames Abkommen')).toBe(true);
    expect(article.paragraphs.some((paragraph) => paragraph.text.includes('Mehr zum Thema'))).toBe(false);
  });

  it('has 3–5 summary points resting on existing paragraphs', () => {
    expect(analysis.summary.length).toBeGreaterThanOrEqual(3);
    expect(analysis.summary.length).toBeLessThanOrEqual(5);
    for (const point of analysis.summary) {
      expect(point.paragraphIds.length).toBeGreaterThan(0);
      for (const id of point.paragraphIds) expect(paragraphText(id)).not.toBe('');
    }
  });

  it('quotes whole sentences of the original, character for character, in the named paragraph', () => {
    for (const note of analysis.notes) {
      const text = paragraphText(note.paragraphId);
      expect(text, note.quote).toContain(note.quote);
      const start = text.indexOf(note.quote);
      expect(start === 0 || /[.!?”]\s$/.test(text.slice(0, start)), note.quote).toBe(true);
      expect(/[.!?”]$/.test(note.quote), note.quote).toBe(true);
      for (const hedge of note.hedges) expect(text, hedge.original).toContain(hedge.original);
    }
  });

  it('traces the imminent deal through the NYT and the participants to Smith, with its hedges', () => {
    const deal = analysis.notes.find((note) => note.quote.includes('Abkommen'));
    expect(deal?.chain.map((link) => link.name)).toEqual([
      'This page',
      'The New York Times',
      'Participants of the meeting (unnamed)',
      'Christopher Smith',
    ]);
    expect(deal?.chain.map((link) => link.cue)).toContain('laut der New York Times (NYT)');
    expect(deal?.hedges.map((hedge) => hedge.original)).toEqual(expect.arrayContaining(['mutmaßlich', 'offenbar']));
  });

  it('includes the unattributed assertions and starts every chain with this page', () => {
    const unattributed = analysis.notes.filter((note) => note.kind === 'unattributed-assertion');
    expect(unattributed.length).toBeGreaterThanOrEqual(4);
    for (const note of unattributed) expect(note.source.type).toBe('none');
    for (const note of analysis.notes) expect(note.chain[0]).toEqual({ name: 'This page', cue: null });
  });

  it("labels the model's background knowledge as such and keeps it out of the summary and notes", () => {
    expect(analysis.outsideKnowledge.length).toBeGreaterThan(0);
    for (const item of analysis.outsideKnowledge) {
      expect(item.text).toMatch(/^From general knowledge, not from the article:/);
      expect(item.topic).not.toBe('');
    }
    // The seed article never calls Smith a diplomat or a "Deputy Assistant": that is background only.
    const articleSide = JSON.stringify({ summary: analysis.summary, notes: analysis.notes });
    expect(articleSide).not.toMatch(/general knowledge|Deputy Assistant|career US diplomat/);
  });

  it('translates all seven paragraphs and keeps the hedges and attributions', () => {
    const translation = seedFixtures().translation;
    expect(translation.trim().split(/\n\s*\n/)).toHaveLength(7);
    for (const phrase of [
      'allegedly',
      'apparently',
      'according to The New York Times',
      'according to reports',
      'reportedly',
      'the newspaper said',
      'according to the newspaper',
      'according to the Central Election Commission',
    ]) {
      expect(translation).toContain(phrase);
    }
  });
});
