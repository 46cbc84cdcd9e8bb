import { primaryLanguageTag } from '@/lib/article/language';
import { languageTag } from '@/lib/article/language-tag';

/**
 * Whether an article needs no translation: its language (a BCP 47 tag such as `de-AT`, or `und`
 * when unknown) is the target language, as the user wrote it in the settings (`German`, `Deutsch`
 * or `de`). An unknown language is never the target: the article is translated.
 */
export function isTargetLanguage(articleLanguage: string, targetLanguage: string): boolean {
  if (articleLanguage === 'und') return false;
  const target = languageTag(targetLanguage) ?? targetLanguage.trim().toLowerCase();
  return primaryLanguageTag(articleLanguage) === target;
}
