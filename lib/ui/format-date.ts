/**
 * An article date as people read it ("13 Feb 2025"), in the reader's locale; null when the
 * page's value is not a date, so a broken `article:published_time` is left out, not shown.
 */
export function formatDate(iso: string | null, locale?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}
