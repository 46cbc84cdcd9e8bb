import { describe, expect, it } from 'vitest';
import { SEED_ANALYSIS, SEED_ARTICLE } from '@/tests/support/components/seed-job';
import type { Article } from '@/lib/article/article';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { linkedSources, siteLabel } from '@/lib/attribution/linked-sources';

function articleWith(links: Article['links']): Article {
  return { ...SEED_ARTICLE, links };
}

function notesNaming(...names: string[]): PartialAnalysis['notes'] {
  return names.map((name) => ({ source: { name, type: 'media-outlet' as const }, chain: [{ name: 'This page' }] }));
}

const NYT_URL = 'https://www.nytimes.com/2025/02/14/world/europe/belarus.html';

describe('siteLabel', () => {
  it('takes the name part of a host', () => {
    expect(siteLabel('www.nytimes.com')).toBe('nytimes');
    expect(siteLabel('www.bbc.co.uk')).toBe('bbc');
    expect(siteLabel('edition.cnn.com')).toBe('cnn');
    expect(siteLabel('localhost')).toBeNull();
  });
});

describe('linkedSources', () => {
  it('finds The New York Times in the seed article, via its link text', () => {
    expect(linkedSources(SEED_ARTICLE, SEED_ANALYSIS.notes)).toEqual([
      {
        name: 'The New York Times',
        url: 'https://www.nytimes.com/2025/02/14/world/europe/belarus-us-deal-lukashenko.html',
      },
    ]);
  });

  it('matches "The New York Times" to nytimes.com by the link host when the text says nothing', () => {
    const article = articleWith([{ text: 'hier', url: NYT_URL, paragraphId: 'p1' }]);
    expect(linkedSources(article, notesNaming('The New York Times'))).toEqual([
      { name: 'The New York Times', url: NYT_URL },
    ]);
  });

  it('matches the acronym "NYT" to nytimes.com and to the link text "New York Times"', () => {
    expect(
      linkedSources(articleWith([{ text: 'Bericht', url: NYT_URL, paragraphId: 'p1' }]), notesNaming('NYT')),
    ).toEqual([{ name: 'NYT', url: NYT_URL }]);
    const byText = articleWith([
      { text: 'New York Times', url: 'https://archive.example/nyt-copy', paragraphId: 'p1' },
    ]);
    expect(linkedSources(byText, notesNaming('NYT'))).toEqual([
      { name: 'NYT', url: 'https://archive.example/nyt-copy' },
    ]);
  });

  it('matches names whose articles the domain drops, and country second-level domains', () => {
    const article = articleWith([
      { text: 'Artikel', url: 'https://www.spiegel.de/politik/x', paragraphId: 'p1' },
      { text: 'report', url: 'https://www.bbc.co.uk/news/y', paragraphId: 'p2' },
    ]);
    expect(linkedSources(article, notesNaming('Der Spiegel', 'BBC'))).toEqual([
      { name: 'Der Spiegel', url: 'https://www.spiegel.de/politik/x' },
      { name: 'BBC', url: 'https://www.bbc.co.uk/news/y' },
    ]);
  });

  it('does not match unrelated links, headlines that merely mention a name, or the outlet’s own site', () => {
    const article = articleWith([
      {
        text: 'Putin gratulierte Lukaschenko zur erneuten Wahl',
        url: 'https://nachrichten.example/a',
        paragraphId: 'p8',
      },
      { text: 'Washington', url: 'https://www.washington.edu/', paragraphId: 'p1' },
      { text: 'Apple', url: 'https://www.apple.com/', paragraphId: 'p1' },
    ]);
    expect(linkedSources(article, notesNaming('Lukaschenko', 'The Washington Post', 'AP'))).toEqual([]);
  });

  it('ignores anonymous and unattributed sources and placeholder chain names', () => {
    const article = articleWith([{ text: 'none', url: 'https://none.example/', paragraphId: 'p1' }]);
    const notes: PartialAnalysis['notes'] = [
      { source: { name: 'none', type: 'none' }, chain: [{ name: 'This page' }] },
      { source: { name: 'unnamed participants', type: 'anonymous' }, chain: [{ name: 'none' }] },
    ];
    expect(linkedSources(article, notes)).toEqual([]);
  });

  it('works on partial notes while they stream', () => {
    const article = articleWith([{ text: 'NYT', url: NYT_URL, paragraphId: 'p1' }]);
    expect(linkedSources(article, [{ chain: [{ name: 'The New York' }] }, {}])).toEqual([]);
    expect(linkedSources(article, [{ chain: [{}, { name: 'The New York Times' }] }])).toEqual([
      { name: 'The New York Times', url: NYT_URL },
    ]);
  });
});
