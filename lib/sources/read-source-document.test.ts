import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceDocument } from '@/lib/sources/read-source-document';
import { loadTestDocument } from '@/tests/support/test-document';

const NYT = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';
const OFFSCREEN = 'http://sourcelens-extension.test/offscreen.html';
const standIn = readFileSync(
  join(import.meta.dirname, '../../tests/fixtures/pages/source-nyt-belarus-en/source.html'),
  'utf8',
);

describe('readSourceDocument', () => {
  it('reads a fetched page parsed elsewhere under the source’s own URL', () => {
    // As DOMParser in the offscreen document gives it: the document's URL is the extension page's.
    const result = readSourceDocument(loadTestDocument(standIn, OFFSCREEN), `${NYT}#top`);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.article).toMatchObject({
      url: `${NYT}#top`,
      canonicalUrl: NYT,
      siteName: 'The New York Times',
      language: 'en',
      publishedTime: '2025-02-14T17:05:00-05:00',
    });
    expect(result.article.paragraphs).toHaveLength(6);
  });

  it('takes the canonical URL, site name and links from the source when the page declares none', () => {
    const html = `<html lang="fr"><head><title>Le sommet</title></head><body><article><h1>Le sommet</h1>
      <p>Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine à Genève, selon un communiqué publié par son ministère dans la soirée.</p>
      <p>Les délégations doivent se retrouver lundi. <a href="/dossiers/geneve">Notre dossier</a> revient sur les précédentes rencontres, qui n’avaient abouti à aucun accord malgré plusieurs jours de discussions.</p>
      <p>Les observateurs restent prudents quant à l’issue de ces pourparlers, qui interviennent après des mois de tensions entre les deux pays voisins.</p>
    </article></body></html>`;
    const result = readSourceDocument(
      loadTestDocument(html, OFFSCREEN),
      'https://www.lemonde.example/2025/sommet.html',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.article.canonicalUrl).toBe('https://www.lemonde.example/2025/sommet.html');
    expect(result.article.siteName).toBe('lemonde.example');
    expect(result.article.links).toEqual([
      { text: 'Notre dossier', url: 'https://www.lemonde.example/dossiers/geneve', paragraphId: 'p2' },
    ]);
  });

  it('says so when the fetched page has no article (a page its scripts build)', () => {
    const shell =
      '<html><head><title>App</title></head><body><div id="root"></div><script src="/app.js"></script></body></html>';
    const result = readSourceDocument(loadTestDocument(shell, OFFSCREEN), 'https://spa.example/story');
    expect(result).toMatchObject({ ok: false, error: { code: 'not-an-article' } });
  });
});
