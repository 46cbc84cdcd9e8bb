import type { ArticleResult, EvalResult } from '@/eval/eval-result';
import { evalTotals } from '@/eval/eval-totals';
import { markdownTable } from '@/eval/format-table';
import { SCORE_COLUMNS, scoreCells, share } from '@/eval/score-cells';

/**
 * Two runs side by side (`npm run eval -- --compare a.json b.json`): per article present in either,
 * each score as "a → b" ("—" on the side of a run that lacks it), and the totals over the articles
 * both runs have, so that a run of a few articles is never set against a run of all of them.
 */
export function formatComparison(first: EvalResult, second: EvalResult): string {
  const ids = [...new Set([...first.articles, ...second.articles].map((article) => article.id))];
  const byId = (result: EvalResult, id: string) => result.articles.find((article) => article.id === id) ?? null;
  const cells = (articles: ArticleResult[] | null) =>
    articles === null ? SCORE_COLUMNS.map(() => '—') : scoreCells(evalTotals(articles), share);
  const pair = (left: string[], right: string[]) => left.map((cell, index) => `${cell} → ${right[index] ?? '—'}`);
  const single = (result: EvalResult, id: string) => {
    const article = byId(result, id);
    return cells(article ? [article] : null);
  };
  const rows = ids.map((id) => [id, ...pair(single(first, id), single(second, id))]);
  const shared = ids.filter((id) => byId(first, id) !== null && byId(second, id) !== null);
  const inBoth = (result: EvalResult) => result.articles.filter((article) => shared.includes(article.id));
  rows.push([`**total** (${shared.length} in both)`, ...pair(cells(inBoth(first)), cells(inBoth(second)))]);
  return [
    `a: ${first.model} at ${first.endpointHost} (${first.startedAt})`,
    `b: ${second.model} at ${second.endpointHost} (${second.startedAt})`,
    '',
    ...markdownTable(['article', ...SCORE_COLUMNS], rows),
  ].join('\n');
}
