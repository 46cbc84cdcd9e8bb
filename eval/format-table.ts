import type { EvalResult, Fraction } from './eval-result';
import { evalTotals } from './eval-totals';

/**
 * The run as a Markdown table, one row per article and a total row, then one line per article
 * that failed and what was missed. Ratios have two decimals beside their counts ("0.75 (3/4)"),
 * so the exact figures can be read and checked; "—" where nothing was measured.
 */
export function formatResultTable(result: EvalResult): string {
  const header = [
    'article',
    'lang',
    'sources (recall)',
    'quotes verbatim',
    'hedges kept',
    'chains',
    'unattributed',
    'verdicts',
    'tokens in/out',
    'cost',
    'time',
  ];
  const rows = result.articles.map((article) => [
    article.error ? `${article.id} (failed)` : article.id,
    article.language,
    ratio(article.sources),
    ratio({ found: article.quotes.verbatim, total: article.quotes.notes }),
    article.hedges ? ratio(article.hedges) : '—',
    ratio(article.chains),
    ratio(article.unattributed),
    article.verdicts ? ratio({ found: article.verdicts.correct, total: article.verdicts.total }) : '—',
    article.tokens ? `${count(article.tokens.prompt)}/${count(article.tokens.completion)}` : '—',
    dollars(article.dollars),
    seconds(article.milliseconds),
  ]);
  const totals = evalTotals(result.articles);
  rows.push([
    `**total** (${totals.articles}${totals.failed > 0 ? `, ${totals.failed} failed` : ''})`,
    `${new Set(result.articles.map((article) => article.language)).size} languages`,
    ratio(totals.sources),
    ratio({ found: totals.quotes.verbatim, total: totals.quotes.notes }),
    totals.hedges ? ratio(totals.hedges) : '—',
    ratio(totals.chains),
    ratio(totals.unattributed),
    totals.verdicts ? ratio({ found: totals.verdicts.correct, total: totals.verdicts.total }) : '—',
    totals.tokens ? `${count(totals.tokens.prompt)}/${count(totals.tokens.completion)}` : '—',
    dollars(totals.dollars),
    seconds(totals.milliseconds),
  ]);
  const lines = [
    `Model ${result.model} at ${result.endpointHost} · ${result.promptVersion} · ${result.startedAt}`,
    '',
    ...markdownTable(header, rows),
    '',
    `verdicts: ${result.verdictsNotRun ? `not run (${result.verdictsNotRun})` : 'run'}`,
  ];
  for (const article of result.articles) {
    const misses = [
      article.error ? `failed: ${article.error.message}` : null,
      article.sources.missed.length > 0 ? `sources missed: ${article.sources.missed.join('; ')}` : null,
      article.chains.missed.length > 0 ? `chains missed: ${article.chains.missed.join('; ')}` : null,
      article.hedges && article.hedges.lost.length > 0 ? `hedges lost: ${article.hedges.lost.join('; ')}` : null,
      article.unattributed.missed.length > 0 ? `unattributed missed: ${article.unattributed.missed.join('; ')}` : null,
    ].filter((line) => line !== null);
    if (misses.length > 0) lines.push(`- ${article.id}: ${misses.join(' · ')}`);
  }
  return lines.join('\n');
}

/** "0.75 (3/4)"; "— (0/0)" when there was nothing to find. */
export function ratio(fraction: Fraction): string {
  if (fraction.total === 0) return '— (0/0)';
  return `${(fraction.found / fraction.total).toFixed(2)} (${fraction.found}/${fraction.total})`;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
}

function count(value: number): string {
  return value.toLocaleString('en');
}

function dollars(value: number | null): string {
  return value === null ? '—' : `$${value.toFixed(4)}`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}
