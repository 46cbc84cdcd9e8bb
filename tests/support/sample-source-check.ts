import type { SourceCheckResult } from '@/lib/sources/source-check-result';

/** A stored source check of the stand-in NYT page, small enough for storage and cache tests. */
export const SAMPLE_SOURCE_CHECK: SourceCheckResult = {
  url: 'https://www.nytimes.com/2025/02/14/world/europe/belarus.html',
  name: 'The New York Times',
  domain: 'nytimes.com',
  retrievedAt: '2026-11-29T12:00:00.000Z',
  sourceSha256: 'a'.repeat(64),
  title: 'U.S. Envoy Signals a Broader Deal',
  language: 'en',
  publishedTime: null,
  partial: null,
  paragraphsSent: 1,
  paragraphsTotal: 1,
  paragraphs: [{ id: 'p1', text: 'It was the first meeting in five years.' }],
  model: 'gpt-4o-mini',
  promptVersion: 'sourcelens-source-check-1',
  claims: [],
  usage: null,
  fromCache: false,
};
