import type { AppError } from '../errors';
import { type Article, ArticleSchema } from './article';
import { dominantLanguage, type LanguageDetection, resolveLanguage } from './language';
import { languageSample } from './language-sample';
import { resolveHttpUrl } from './segments';

export type TabExtraction = { ok: true; article: Article } | { ok: false; error: AppError };

/** `browser.i18n.detectLanguage`, or a stand-in in tests. */
export type DetectLanguage = (text: string) => Promise<LanguageDetection>;

/**
 * Checks what the extraction script returned (the page is untrusted: only known fields, of the
 * right form, pass) and fills in a language the page did not declare from the browser's detector.
 */
export async function parseExtraction(result: unknown, detectLanguage: DetectLanguage): Promise<TabExtraction> {
  if (typeof result !== 'object' || result === null || !('ok' in result)) {
    return { ok: false, error: { code: 'extraction-failed', detail: 'the page returned nothing' } };
  }
  if (result.ok !== true) {
    const error = (result as { error?: unknown }).error;
    const known =
      typeof error === 'object' && error !== null && 'code' in error
        ? (error as { code: string; hasSelection?: boolean; detail?: string; frameUrl?: unknown })
        : null;
    if (known?.code === 'not-an-article') {
      const frameUrl = typeof known.frameUrl === 'string' ? resolveHttpUrl(known.frameUrl, known.frameUrl) : null;
      return {
        ok: false,
        error: { code: 'not-an-article', hasSelection: known.hasSelection === true, ...(frameUrl ? { frameUrl } : {}) },
      };
    }
    return { ok: false, error: { code: 'extraction-failed', detail: known?.detail ?? 'unknown failure' } };
  }
  const parsed = ArticleSchema.safeParse((result as { article?: unknown }).article);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'extraction-failed', detail: 'the page gave an article in an unexpected form' },
    };
  }
  let article = parsed.data;
  if (article.languageSource === 'unknown') {
    const detected = await detectLanguage(languageSample(article.paragraphs)).catch(() => null);
    article = resolveLanguage(article, dominantLanguage(detected));
  }
  return { ok: true, article };
}
