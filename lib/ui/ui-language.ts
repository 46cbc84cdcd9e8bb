import { browser } from '#imports';

/**
 * The language the interface is shown in: the browser's UI language (`de`, `en-US`), which also
 * picks the messages file, so names and numbers read as the words around them do. `en` where the
 * browser gives none. (The analysis's target language is a setting of its own.)
 */
export function uiLanguage(): string {
  return browser.i18n?.getUILanguage?.() || 'en';
}

let names: { language: string; displayNames: Intl.DisplayNames } | null = null;

/** A language tag's name in the interface's language ("German", "Deutsch"); null for an unknown or ill-formed tag. */
export function displayLanguageName(tag: string): string | null {
  if (!tag || tag === 'und') return null;
  try {
    const language = uiLanguage();
    if (names?.language !== language) {
      names = {
        language,
        displayNames: new Intl.DisplayNames([language, 'en'], { type: 'language', fallback: 'none' }),
      };
    }
    return names.displayNames.of(tag) ?? null;
  } catch {
    // Intl.DisplayNames throws a RangeError for strings that are not well-formed tags: the tag came from the page.
    return null;
  }
}

/** A count as the interface's language writes it: 5,710 in English, 5.710 in German. */
export function formatCount(value: number): string {
  return value.toLocaleString(uiLanguage());
}
