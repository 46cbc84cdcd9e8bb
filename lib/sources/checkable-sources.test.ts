import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Article, ArticleLinkSchema } from '@/lib/article/article';
import { AnalysisSchema, type PartialAnalysis } from '@/lib/attribution/analysis';
import { checkableSources } from '@/lib/sources/checkable-sources';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';

/** The seed page's links as extraction finds them (tests/fixtures/pages/seed-de/expected.json). */
function seedPageLinks(): Article['links'] {
  const expected = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../tests/fixtures/pages/seed-de/expected.json'), 'utf8'),
  );
  return ArticleLinkSchema.array().parse(expected.expected.links);
}

const seed: Article = { ...seedArticle(), links: seedPageLinks() };
const seedNotes = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes;
const NYT = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';

describe('checkableSources', () => {
  it('finds the five claims the seed article attributes to The New York Times, through sources and chains', () => {
    const sources = checkableSources(seed, seedNotes);
    expect(sources).toHaveLength(1);
    const [nyt] = sources;
    expect(nyt?.url).toBe(NYT);
    expect(nyt?.name).toBe('The New York Times');
    expect(nyt?.domain).toBe('nytimes.com');
    expect(nyt?.claims.map((claim) => claim.noteIndex)).toEqual([0, 2, 3, 5, 6]);
    expect(nyt?.claims.map((claim) => claim.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    // The first note names Christopher Smith as its source: the NYT is a relay of its chain.
    expect(nyt?.claims[0]).toEqual({
      id: 'c1',
      noteIndex: 0,
      original: 'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
      claim: seedNotes[0]?.claim,
      paragraphId: 'p1',
      attributedAs: 'The New York Times',
    });
    expect(nyt?.claims[2]?.original).toBe('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
  });

  it('leaves out the topic link on the outlet’s own site that no note attributes a claim to', () => {
    const urls = checkableSources(seed, seedNotes).map((source) => source.url);
    expect(urls).not.toContain('https://weltblick.example/thema/swetlana-tichanowskaja');
  });

  it('groups "NYT", "New York Times" and nytimes.com into one source named by its fullest name', () => {
    const article: Article = { ...seed, links: [{ text: 'Bericht', url: NYT, paragraphId: 'p1' }] };
    const notes: PartialAnalysis['notes'] = [
      note('NYT', 'Erster Satz.'),
      note('New York Times', 'Zweiter Satz.'),
      { ...note('Christopher Smith', 'Dritter Satz.'), chain: [{ name: 'This page' }, { name: 'The New York Times' }] },
    ];
    const [source, ...others] = checkableSources(article, notes);
    expect(others).toEqual([]);
    expect(source?.name).toBe('The New York Times');
    expect(source?.names).toEqual(['NYT', 'New York Times', 'The New York Times']);
    expect(source?.claims.map((claim) => [claim.original, claim.attributedAs])).toEqual([
      ['Erster Satz.', 'NYT'],
      ['Zweiter Satz.', 'New York Times'],
      ['Dritter Satz.', 'The New York Times'],
    ]);
  });

  it('counts a claim once per source even when its source and its chain both name it', () => {
    const article: Article = { ...seed, links: [{ text: 'NYT', url: NYT, paragraphId: 'p1' }] };
    const both = { ...note('The New York Times', 'Ein Satz.'), chain: [{ name: 'This page' }, { name: 'NYT' }] };
    expect(checkableSources(article, [both])[0]?.claims).toHaveLength(1);
  });

  it('gives each linked source its own claims, in the order the notes first name them', () => {
    const article: Article = {
      ...seed,
      links: [
        { text: 'Reuters', url: 'https://www.reuters.com/world/x', paragraphId: 'p2' },
        { text: 'NYT', url: NYT, paragraphId: 'p1' },
      ],
    };
    const sources = checkableSources(article, [note('NYT', 'Eins.'), note('Reuters', 'Zwei.'), note('NYT', 'Drei.')]);
    expect(sources.map((source) => [source.domain, source.claims.map((claim) => claim.original)])).toEqual([
      ['nytimes.com', ['Eins.', 'Drei.']],
      ['reuters.com', ['Zwei.']],
    ]);
  });

  it('checks nothing for anonymous or unattributed notes, unlinked sources, or notes still streaming', () => {
    const article: Article = { ...seed, links: [{ text: 'NYT', url: NYT, paragraphId: 'p1' }] };
    const notes: PartialAnalysis['notes'] = [
      { ...note('NYT', 'Eins.'), source: { name: 'NYT', type: 'anonymous' } },
      { ...note('none', 'Zwei.'), source: { name: 'none', type: 'none' } },
      note('Le Monde', 'Drei.'),
      { source: { name: 'NYT', type: 'media-outlet' }, chain: [] },
    ];
    expect(checkableSources(article, notes)).toEqual([]);
    expect(checkableSources(article, undefined)).toEqual([]);
  });
});

function note(name: string, quote: string): NonNullable<PartialAnalysis['notes']>[number] {
  return {
    claim: `Claim: ${quote}`,
    quote,
    paragraphId: 'p1',
    source: { name, role: null, type: 'media-outlet' },
    chain: [{ name: 'This page', cue: null }],
  };
}
