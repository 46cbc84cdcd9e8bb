import type { Article } from './article';

/** `de-DE` → `de`, `PT_br` → `pt`; null for anything that is not a language (empty, `und`, `x-default`). */
export function primaryLanguageTag(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/u)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/u.test(primary) && primary !== 'und' ? primary : null;
}

/**
 * Fills in the language the page did not declare, from the browser's detector
 * (`browser.i18n.detectLanguage` in the background). An unreliable guess is not used: a wrong
 * "translated from" hint misleads the model more than none.
 */
export function resolveLanguage(article: Article, detected: { language: string; reliable: boolean } | null): Article {
  if (article.languageSource !== 'unknown' || !detected?.reliable) return article;
  const language = primaryLanguageTag(detected.language);
  return language
    ? { ...article, language, languageSource: 'detected', languageEvidence: 'browser-detector' }
    : article;
}

/** What `browser.i18n.detectLanguage` answers (Chrome and Firefox alike). */
export interface LanguageDetection {
  isReliable: boolean;
  languages: { language: string; percentage: number }[];
}

/**
 * The language most of the text is in. The detector reports up to three languages with their
 * share of the text; the list's order is not documented, so the largest share is taken rather than
 * the first entry.
 */
export function dominantLanguage(detection: LanguageDetection | null): { language: string; reliable: boolean } | null {
  let best: { language: string; percentage: number } | null = null;
  for (const candidate of detection?.languages ?? []) {
    if (candidate.language === 'und') continue;
    if (!best || candidate.percentage > best.percentage) best = candidate;
  }
  return best && detection ? { language: best.language, reliable: detection.isReliable } : null;
}

let displayNames: Intl.DisplayNames | null = null;

/**
 * English name of a language tag for the UI: `de` → `German`. Null for `und` (unknown) or a tag
 * with no name, so callers leave the language out rather than show a code.
 */
export function languageName(tag: string): string | null {
  if (!tag || tag === 'und') return null;
  try {
    displayNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return displayNames.of(tag) ?? null;
  } catch {
    // Intl.DisplayNames throws a RangeError for strings that are not well-formed tags: the tag came from the page.
    return null;
  }
}
