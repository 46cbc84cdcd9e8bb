import { describe, expect, it } from 'vitest';
import { type SourceReadProblem, sourceReadProblemText } from '@/lib/sources/source-page-read';
import { useBrowserLocale } from '@/tests/support/browser-i18n';

const PROBLEMS: SourceReadProblem[] = [
  { kind: 'invalid-url', url: 'javascript:void(0)' },
  { kind: 'permission-needed', origin: 'https://www.nytimes.com' },
  { kind: 'unreachable', host: 'www.nytimes.com', detail: 'connection refused' },
  { kind: 'refused', host: 'www.nytimes.com', status: 403 },
  { kind: 'http-error', host: 'www.nytimes.com', status: 404 },
  { kind: 'not-html', host: 'www.nytimes.com', contentType: 'application/pdf' },
  { kind: 'too-large', host: 'www.nytimes.com', bytes: 12_400_000 },
  { kind: 'not-an-article', url: 'https://www.nytimes.com/live' },
];

describe('sourceReadProblemText', () => {
  it('names each problem in the source’s own terms, with the next step', () => {
    const texts = PROBLEMS.map((problem) => sourceReadProblemText(problem, 'The New York Times'));
    expect(texts).toEqual([
      'The link to The New York Times is not a web address Sourcelens can open (javascript:void(0)).',
      'Sourcelens needs your permission to read https://www.nytimes.com. Choose Check against The New York Times again and allow access to that site.',
      'www.nytimes.com did not answer (connection refused). Check your connection, or open the link to see whether the site is up.',
      'www.nytimes.com refused to give the page to Sourcelens (HTTP 403). If you can read it when signed in, choose Open and read it in a background tab.',
      'www.nytimes.com answered HTTP 404 for the linked page: it may have moved or be down. Open the link to see what the site shows.',
      'The link to The New York Times is not a web page (application/pdf); Sourcelens reads web articles only. Open the link to read it yourself.',
      'The page at www.nytimes.com is too large to read (12 MB). Open the link to read it yourself.',
      'Sourcelens found no article at the link to The New York Times: the page may build its text with scripts or show it only to signed-in readers. Choose Open and read it in a background tab.',
    ]);
  });

  it.each([
    'Failed to fetch',
    'TypeError: Failed to fetch',
    'NetworkError when attempting to fetch resource.',
    'Load failed',
  ])('leaves out the browser’s bare “%s”, which names no cause', (detail) => {
    expect(sourceReadProblemText({ kind: 'unreachable', host: '127.0.0.1:9', detail }, 'The New York Times')).toBe(
      '127.0.0.1:9 did not answer: no connection could be made. Check your connection, or open the link to see whether the site is up.',
    );
  });

  it('speaks German in a German browser, keeping every name, host and status', async () => {
    await useBrowserLocale('de');
    const texts = PROBLEMS.map((problem) => sourceReadProblemText(problem, 'The New York Times'));
    expect(texts[3]).toBe(
      'www.nytimes.com hat Sourcelens die Seite verweigert (HTTP 403). Wenn Sie sie angemeldet lesen können, wählen Sie „In einem Hintergrund-Tab öffnen und lesen“.',
    );
    for (const text of texts) expect(text).not.toMatch(/\{|\bthe\b|^$/);
    expect(texts[1]).toContain('https://www.nytimes.com');
    expect(texts[6]).toContain('(12 MB)');
  });
});
