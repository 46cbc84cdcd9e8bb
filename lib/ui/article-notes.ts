import type { Article, LanguageEvidence } from '@/lib/article/article';
import { i18n } from '#i18n';
import { displayLanguageName } from '@/lib/ui/ui-language';

/**
 * What the reader must know about how much of the article was read: the paywall notice, the same
 * words in the panel's header, above the summary and in the export. Null for a whole article.
 */
export function truncationNotice(article: Pick<Article, 'truncation'>): string | null {
  const truncation = article.truncation;
  if (!truncation) return null;
  const count = truncation.paragraphCount;
  return i18n.t('article.truncation', count, { count });
}

/** The summary's own caveat for a paywalled article: it covers what was read, not the story. */
export function truncatedSummaryNote(article: Pick<Article, 'truncation'>): string | null {
  const truncation = article.truncation;
  if (!truncation) return null;
  const count = truncation.paragraphCount;
  return i18n.t('article.truncatedSummary', count, { count });
}

function evidenceLabel(evidence: LanguageEvidence): string {
  switch (evidence) {
    case 'article-lang':
      return i18n.t('article.evidence.articleLang');
    case 'json-ld':
      return i18n.t('article.evidence.jsonLd');
    case 'og-locale':
      return i18n.t('article.evidence.ogLocale');
    case 'content-language':
      return i18n.t('article.evidence.contentLanguage');
    case 'html-lang':
      return i18n.t('article.evidence.htmlLang');
    case 'text':
      return i18n.t('article.evidence.text');
    case 'browser-detector':
      return i18n.t('article.evidence.browserDetector');
  }
}

/**
 * The article's language and where it came from, for the header: "Spanish (from the article's
 * lang)", "Spanish (from the text; the page says English)". Null when the language is unknown.
 */
export function languageLabel(
  article: Pick<Article, 'language' | 'languageSource' | 'languageEvidence' | 'declaredLanguage'>,
): string | null {
  const name = displayLanguageName(article.language);
  if (!name) return null;
  const evidence = article.languageEvidence;
  if (!evidence) return article.languageSource === 'detected' ? i18n.t('article.languageDetected', { name }) : name;
  const declared = article.declaredLanguage ? displayLanguageName(article.declaredLanguage) : null;
  return declared
    ? i18n.t('article.languageWithDeclared', { name, evidence: evidenceLabel(evidence), declared })
    : i18n.t('article.languageWithEvidence', { name, evidence: evidenceLabel(evidence) });
}
