import type { AppError } from '@/lib/errors';
import { type Article, ArticleSchema } from '@/lib/article/article';
import { dominantLanguage, type LanguageDetection, resolveLanguage } from '@/lib/article/language';
import { languageSample } from '@/lib/article/language-sample';
import { resolveHttpUrl } from '@/lib/article/segments';
import { textWeight } from '@/lib/article/text-weight';

export type TabExtraction = { ok: true; article: Article } | { ok: false; error: AppError };

/** `browser.i18n.detectLanguage`, or a stand-in in tests. */
export type DetectLanguage = (text: string) => Promise<LanguageDetection>;

/**
 * Checks what the extraction script returned (the page is untrusted: only known fields, of the
 * right form, pass), and hears the browser's detector on the article's language: it fills in a
 * language the page did not declare, and overrules a declaration the text contradicts.
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
  // Asked for every article, not only one without a declared language: a template's `lang`
  // is often not the story's, and the text decides (lib/article/language.ts).
  const sample = languageSample(parsed.data.paragraphs);
  const detected = await detectLanguage(sample).catch(() => null);
  return { ok: true, article: resolveLanguage(parsed.data, dominantLanguage(detected), textWeight(sample)) };
}
