/** "$0.0012", "$0.034", "$1.25": two significant digits for fractions of a cent, cents otherwise. */
export function formatDollars(amount: number): string {
  if (amount === 0) return '$0';
  if (amount < 0.01) return `$${Number(amount.toPrecision(2))}`;
  if (amount < 1) return `$${amount.toFixed(3).replace(/0$/, '')}`;
  return `$${amount.toFixed(2)}`;
}
