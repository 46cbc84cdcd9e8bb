/**
 * `de` → "German". Null for `und` (unknown) or a tag the runtime cannot name, so callers
 * can leave the language out rather than show a code.
 */
export function languageName(code: string, displayLocale = 'en'): string | null {
  if (!code || code === 'und') return null;
  try {
    const name = new Intl.DisplayNames([displayLocale], { type: 'language', fallback: 'none' }).of(code);
    return name ?? null;
  } catch {
    // RangeError for malformed tags: the article's language came from the page, so it can be anything.
    return null;
  }
}
