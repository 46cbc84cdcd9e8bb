import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisSchema, type Note } from '@/lib/attribution/analysis';
import { attributionCounts } from '@/lib/attribution/attribution-counts';

const seedAnalysis = AnalysisSchema.parse(
  JSON.parse(readFileSync(new URL('../../tests/fixtures/llm/seed-analysis.json', import.meta.url), 'utf8')),
);

const THIS_PAGE = { name: 'This page', cue: null };

function note(overrides: Partial<Note>): Note {
  return {
    claim: 'A claim',
    source: { name: 'Someone', role: null, type: 'person' },
    chain: [THIS_PAGE, { name: 'Someone', cue: 'sagte' }],
    kind: 'reported-speech',
    hedges: [],
    quote: 'Ein Satz.',
    paragraphId: 'p1',
    ...overrides,
  };
}

describe('attributionCounts', () => {
  it('counts the seed answer: 7 named, 1 anonymous, 6 unattributed, 8 hedged, 5 second-hand', () => {
    expect(attributionCounts(seedAnalysis.notes)).toEqual({
      named: 7,
      anonymous: 1,
      unattributed: 6,
      hedged: 8,
      secondHand: 5,
      total: 14,
    });
  });

  it('counts an anonymous-source note as anonymous even when the model typed its source otherwise', () => {
    const counts = attributionCounts([
      note({ kind: 'anonymous-source', source: { name: 'officials', role: null, type: 'organisation' } }),
    ]);
    expect(counts).toMatchObject({ named: 0, anonymous: 1, unattributed: 0 });
  });

  it('counts an unattributed assertion as unattributed, before anything else', () => {
    const counts = attributionCounts([
      note({ kind: 'unattributed-assertion', source: { name: 'none', role: null, type: 'none' }, chain: [THIS_PAGE] }),
    ]);
    expect(counts).toMatchObject({ named: 0, anonymous: 0, unattributed: 1, secondHand: 0 });
  });

  it('counts a note as hedged only when a hedge has its original words', () => {
    const counts = attributionCounts([
      note({ hedges: [{ original: 'mutmaßlich', english: 'allegedly' }] }),
      note({ hedges: [{ original: ' ', english: 'allegedly' }] }),
      note({}),
    ]);
    expect(counts.hedged).toBe(1);
  });

  it('counts second-hand reporting when an outlet sits between this page and the source', () => {
    const viaAgency = note({
      chain: [THIS_PAGE, { name: 'Reuters', cue: 'wie Reuters meldet' }, { name: 'Someone', cue: 'sagte' }],
    });
    const viaKnownOutlet = note({
      chain: [THIS_PAGE, { name: 'Kommersant', cue: 'laut Kommersant' }, { name: 'Someone', cue: 'sagte' }],
    });
    const outletAsSource = note({
      source: { name: 'Kommersant', role: null, type: 'media-outlet' },
      chain: [THIS_PAGE, { name: 'Kommersant', cue: 'so die Zeitung' }],
    });
    const direct = note({});
    expect(attributionCounts([viaAgency, direct]).secondHand).toBe(1);
    // "Kommersant" is known to be an outlet because another note names it as a media-outlet source.
    expect(attributionCounts([viaKnownOutlet, outletAsSource, direct]).secondHand).toBe(2);
    expect(attributionCounts([viaKnownOutlet]).secondHand).toBe(0);
  });

  it('does not count this page itself as an outlet relaying the claim', () => {
    const counts = attributionCounts([note({ chain: [{ name: 'The Daily Example', cue: null }] })]);
    expect(counts.secondHand).toBe(0);
  });

  it('skips notes still streaming without a source type, and counts nothing for no notes', () => {
    expect(attributionCounts([{ claim: 'A deal', chain: [THIS_PAGE] }]).total).toBe(0);
    expect(attributionCounts(undefined)).toEqual({
      named: 0,
      anonymous: 0,
      unattributed: 0,
      hedged: 0,
      secondHand: 0,
      total: 0,
    });
  });
});
