import type { Fraction } from '@/eval/eval-result';
import type { EvalTotals } from '@/eval/eval-totals';

/** The score columns of the run's table and of a comparison, in order. */
export const SCORE_COLUMNS = [
  'sources (recall)',
  'quotes verbatim',
  'hedges kept',
  'chains',
  'unattributed',
  'verdicts',
  'tokens in/out',
  'cost',
  'time',
] as const;

/**
 * One row's cells under SCORE_COLUMNS, for an article (`evalTotals([article])`) or a whole run:
 * fractions as `fraction` writes them, "—" where nothing was measured.
 */
export function scoreCells(totals: EvalTotals, fraction: (value: Fraction) => string): string[] {
  return [
    fraction(totals.sources),
    fraction({ found: totals.quotes.verbatim, total: totals.quotes.notes }),
    totals.hedges ? fraction(totals.hedges) : '—',
    fraction(totals.chains),
    fraction(totals.unattributed),
    totals.verdicts ? fraction({ found: totals.verdicts.correct, total: totals.verdicts.total }) : '—',
    totals.tokens
      ? `${totals.tokens.prompt.toLocaleString('en')}/${totals.tokens.completion.toLocaleString('en')}`
      : '—',
    totals.dollars === null ? '—' : `$${totals.dollars.toFixed(4)}`,
    `${(totals.milliseconds / 1000).toFixed(1)} s`,
  ];
}

/** "0.75 (3/4)"; "— (0/0)" when there was nothing to find. */
export function ratio(value: Fraction): string {
  if (value.total === 0) return '— (0/0)';
  return `${(value.found / value.total).toFixed(2)} (${value.found}/${value.total})`;
}

/** "0.75"; "—" when there was nothing to find. */
export function share(value: Fraction): string {
  return value.total === 0 ? '—' : (value.found / value.total).toFixed(2);
}
