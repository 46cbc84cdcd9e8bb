import { describe, expect, it } from 'vitest';
import type { ArticleResult, EvalResult } from '@/eval/eval-result';
import { formatComparison } from '@/eval/format-comparison';
import { resultFileName } from '@/eval/result-file-name';

function article(id: string, sourcesFound: number, dollars: number | null): ArticleResult {
  return {
    id,
    language: 'de',
    error: null,
    sources: { found: sourcesFound, total: 4, missed: [] },
    quotes: { verbatim: 5, attributionMissing: 0, nearMiss: 0, notFound: 0, notes: 5 },
    hedges: { found: 1, total: 2, lost: [] },
    chains: { found: 1, total: 1, missed: [] },
    unattributed: { found: 0, total: 1, missed: [] },
    verdicts: null,
    sourceCheckFailures: [],
    tokens: { prompt: 1000, completion: 500 },
    dollars,
    milliseconds: 2000,
    combined: false,
  };
}

function run(model: string, articles: ArticleResult[]): EvalResult {
  return {
    schemaVersion: 1,
    model,
    endpointHost: 'api.example.test',
    promptVersion: 'p',
    startedAt: '2026-11-29T12:00:00.000Z',
    articles,
  };
}

describe('formatComparison', () => {
  it('sets two runs side by side per article and in total, "—" for an article one run lacks', () => {
    const table = formatComparison(
      run('small', [article('seed-de', 2, 0.001), article('ja-taifu', 4, null)]),
      run('large', [article('seed-de', 4, 0.01)]),
    );
    const cells = (name: string) =>
      (table.split('\n').find((line) => line.startsWith(`| ${name}`)) ?? '').split('|').map((cell) => cell.trim());
    expect(cells('seed-de').slice(1, 4)).toEqual(['seed-de', '0.50 → 1.00', '1.00 → 1.00']);
    expect(cells('ja-taifu')[2]).toBe('1.00 → —');
    // Totals over the one article both runs have: 2 of 4 sources against 4 of 4.
    expect(cells('**total** (1 in both)').slice(2, 3)).toEqual(['0.50 → 1.00']);
    expect(cells('**total** (1 in both)')[9]).toBe('$0.0010 → $0.0100');
  });
});

describe('resultFileName', () => {
  it('names the model, slashes and all, and the start in UTC', () => {
    expect(resultFileName('openai/gpt-4o-mini', new Date('2026-11-29T12:40:05.123Z'))).toBe(
      'openai-gpt-4o-mini-2026-11-29T12-40-05Z.json',
    );
  });
});
