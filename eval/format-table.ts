import type { EvalResult } from '@/eval/eval-result';
import { evalTotals } from '@/eval/eval-totals';
import { ratio, SCORE_COLUMNS, scoreCells } from '@/eval/score-cells';

/**
 * The run as a Markdown table, one row per article and a total row, then one line per article
 * that failed or missed something. Ratios have two decimals beside their counts ("0.75 (3/4)"),
 * so the exact figures can be read and checked; "—" where nothing was measured.
 */
export function formatResultTable(result: EvalResult): string {
  const rows = result.articles.map((article) => [
    article.error ? `${article.id} (failed)` : article.id,
    article.language,
    ...scoreCells(evalTotals([article]), ratio),
  ]);
  const totals = evalTotals(result.articles);
  rows.push([
    `**total** (${totals.articles}${totals.failed > 0 ? `, ${totals.failed} failed` : ''})`,
    `${new Set(result.articles.map((article) => article.language)).size} languages`,
    ...scoreCells(totals, ratio),
  ]);
  const lines = [
    `Model ${result.model} at ${result.endpointHost} · ${result.promptVersion} · ${result.startedAt}`,
    '',
    ...markdownTable(['article', 'lang', ...SCORE_COLUMNS], rows),
  ];
  const misses: string[] = [];
  for (const article of result.articles) {
    const articleMisses = [
      article.error ? `failed: ${article.error.message}` : null,
      article.sources.missed.length > 0 ? `sources missed: ${article.sources.missed.join('; ')}` : null,
      article.chains.missed.length > 0 ? `chains missed: ${article.chains.missed.join('; ')}` : null,
      article.hedges && article.hedges.lost.length > 0 ? `hedges lost: ${article.hedges.lost.join('; ')}` : null,
      article.unattributed.missed.length > 0 ? `unattributed missed: ${article.unattributed.missed.join('; ')}` : null,
      ...article.sourceCheckFailures.map((failure) => `check of ${failure.source} failed: ${failure.message}`),
      ...(article.error ? [] : (article.verdicts?.outcomes ?? []))
        .filter((outcome) => outcome.observed !== outcome.expected)
        .map((outcome) => `verdict on “${outcome.articleText}”: ${outcome.observed}, expected ${outcome.expected}`),
    ].filter((line) => line !== null);
    if (articleMisses.length > 0) misses.push(`- ${article.id}: ${articleMisses.join(' · ')}`);
  }
  return [...lines, ...(misses.length > 0 ? ['', ...misses] : [])].join('\n');
}

/** Rows under a header, each column padded to its widest cell. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
}
