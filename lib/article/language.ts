import type { Article } from '@/lib/article/article';

/** `de-DE` → `de`, `PT_br` → `pt`; null for anything that is not a language (empty, `und`, `x-default`). */
export function primaryLanguageTag(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/u)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/u.test(primary) && primary !== 'und' ? primary : null;
}

/** The browser detector's verdict on the article's text (see `dominantLanguage`). */
export interface DetectedLanguage {
  language: string;
  reliable: boolean;
  /** The language's share of the text, 0–100. */
  percentage: number;
}

/**
 * Below this much text (in Latin-letter equivalents, `textWeight`) the browser's detector does
 * not overrule a page's declaration or the in-page text check: a few words are too few for CLD,
 * and the function-word and script checks (lib/article/article-language.ts) decide short texts.
 */
export const MIN_DETECTOR_TEXT_WEIGHT = 200;
/** The detected language carries at least this share of the text, for it to overrule a declaration. */
export const MIN_DETECTOR_PERCENTAGE = 60;

/**
 * The article's language with the browser's detector (`browser.i18n.detectLanguage`, Chrome's
 * and Firefox's CLD, asked in the background) heard. An unreliable guess is never used: a wrong
 * "translated from" hint misleads the model more than none.
 * - A page that declared nothing takes a reliable detection.
 * - A declared language, or one the in-page text check gave, gives way when the detector is
 *   reliable, has `sampleWeight` ≥ `MIN_DETECTOR_TEXT_WEIGHT` of text and finds another language
 *   in ≥ `MIN_DETECTOR_PERCENTAGE` % of it: the text decides (a platform's template declares
 *   English around a Spanish story). `declaredLanguage` keeps what the page said.
 */
export function resolveLanguage(article: Article, detected: DetectedLanguage | null, sampleWeight = 0): Article {
  if (!detected?.reliable) return article;
  const language = primaryLanguageTag(detected.language);
  if (!language) return article;
  if (article.languageSource === 'unknown') {
    return { ...article, language, languageSource: 'detected', languageEvidence: 'browser-detector' };
  }
  if (language === article.language || article.languageEvidence === 'browser-detector') return article;
  if (sampleWeight < MIN_DETECTOR_TEXT_WEIGHT || detected.percentage < MIN_DETECTOR_PERCENTAGE) return article;
  const declared = article.languageSource === 'page' ? article.language : article.declaredLanguage;
  const { declaredLanguage: _previous, ...rest } = article;
  return {
    ...rest,
    language,
    languageSource: 'detected',
    languageEvidence: 'browser-detector',
    ...(declared && declared !== language ? { declaredLanguage: declared } : {}),
  };
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
export function dominantLanguage(detection: LanguageDetection | null): DetectedLanguage | null {
  let best: { language: string; percentage: number } | null = null;
  for (const candidate of detection?.languages ?? []) {
    if (candidate.language === 'und') continue;
    if (!best || candidate.percentage > best.percentage) best = candidate;
  }
  return best && detection
    ? { language: best.language, reliable: detection.isReliable, percentage: best.percentage }
    : null;
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
