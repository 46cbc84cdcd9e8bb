import type { ArticleResult, EvalResult, Fraction } from './eval-result';
import { evalTotals } from './eval-totals';
import { markdownTable } from './format-table';

/**
 * Two runs side by side (`npm run eval -- --compare a.json b.json`): per article present in either,
 * each score as "a → b" ("—" on the side of a run that lacks it), and the totals over the articles
 * both runs have, so that a run of a few articles is never set against a run of all of them.
 */
export function formatComparison(first: EvalResult, second: EvalResult): string {
  const ids = [...new Set([...first.articles, ...second.articles].map((article) => article.id))];
  const byId = (result: EvalResult, id: string) => result.articles.find((article) => article.id === id) ?? null;
  const header = [
    'article',
    'sources',
    'quotes verbatim',
    'hedges kept',
    'chains',
    'unattributed',
    'verdicts',
    'tokens',
    'cost',
    'time',
  ];
  const cells = (article: ArticleResult | null): string[] =>
    article === null
      ? header.slice(1).map(() => '—')
      : [
          share(article.sources),
          share({ found: article.quotes.verbatim, total: article.quotes.notes }),
          article.hedges ? share(article.hedges) : '—',
          share(article.chains),
          share(article.unattributed),
          article.verdicts ? share({ found: article.verdicts.correct, total: article.verdicts.total }) : '—',
          article.tokens ? String(article.tokens.prompt + article.tokens.completion) : '—',
          article.dollars === null ? '—' : `$${article.dollars.toFixed(4)}`,
          `${(article.milliseconds / 1000).toFixed(1)} s`,
        ];
  const shared = ids.filter((id) => byId(first, id) !== null && byId(second, id) !== null);
  const totalCells = (result: EvalResult): string[] => {
    const totals = evalTotals(result.articles.filter((article) => shared.includes(article.id)));
    return [
      share(totals.sources),
      share({ found: totals.quotes.verbatim, total: totals.quotes.notes }),
      totals.hedges ? share(totals.hedges) : '—',
      share(totals.chains),
      share(totals.unattributed),
      totals.verdicts ? share({ found: totals.verdicts.correct, total: totals.verdicts.total }) : '—',
      totals.tokens ? String(totals.tokens.prompt + totals.tokens.completion) : '—',
      totals.dollars === null ? '—' : `$${totals.dollars.toFixed(4)}`,
      `${(totals.milliseconds / 1000).toFixed(1)} s`,
    ];
  };
  const pair = (left: string[], right: string[]) => left.map((cell, index) => `${cell} → ${right[index] ?? '—'}`);
  const rows = ids.map((id) => [id, ...pair(cells(byId(first, id)), cells(byId(second, id)))]);
  rows.push([`**total** (${shared.length} in both)`, ...pair(totalCells(first), totalCells(second))]);
  return [
    `a: ${first.model} at ${first.endpointHost} (${first.startedAt})`,
    `b: ${second.model} at ${second.endpointHost} (${second.startedAt})`,
    '',
    ...markdownTable(header, rows),
  ].join('\n');
}

function share(fraction: Fraction): string {
  return fraction.total === 0 ? '—' : (fraction.found / fraction.total).toFixed(2);
}
