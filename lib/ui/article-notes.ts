import type { Article, LanguageEvidence } from '../article/article';
import { languageName } from '../article/language';

/**
 * What the reader must know about how much of the article was read: the paywall notice, the same
 * words in the panel's header, above the summary and in the export. Null for a whole article.
 */
export function truncationNotice(article: Pick<Article, 'truncation'>): string | null {
  const truncation = article.truncation;
  if (!truncation) return null;
  const count = truncation.paragraphCount;
  return `Only the part shown on the page was analysed (${count} ${count === 1 ? 'paragraph' : 'paragraphs'}): the rest is behind a paywall`;
}

/** The summary's own caveat for a paywalled article: it covers what was read, not the story. */
export function truncatedSummaryNote(article: Pick<Article, 'truncation'>): string | null {
  const truncation = article.truncation;
  if (!truncation) return null;
  const count = truncation.paragraphCount;
  return `This summary covers only the ${count} ${count === 1 ? 'paragraph' : 'paragraphs'} shown before the paywall, not the whole article.`;
}

const EVIDENCE_LABELS: Record<LanguageEvidence, string> = {
  'article-lang': "from the article's lang",
  'json-ld': "from the page's structured data",
  'og-locale': "from the page's og:locale",
  'content-language': "from the page's Content-Language",
  'html-lang': "from the page's lang",
  text: 'from the text',
  'browser-detector': 'detected from the text by the browser',
};

/**
 * The article's language and where it came from, for the header: "Spanish (from the article's
 * lang)", "Spanish (from the text; the page says English)". Null when the language is unknown.
 */
export function languageLabel(
  article: Pick<Article, 'language' | 'languageSource' | 'languageEvidence' | 'declaredLanguage'>,
): string | null {
  const name = languageName(article.language);
  if (!name) return null;
  const evidence = article.languageEvidence;
  if (!evidence) return article.languageSource === 'detected' ? `${name} (detected)` : name;
  const declared = article.declaredLanguage ? languageName(article.declaredLanguage) : null;
  return `${name} (${EVIDENCE_LABELS[evidence]}${declared ? `; the page says ${declared}` : ''})`;
}
