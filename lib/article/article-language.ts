import type { LanguageEvidence, Paragraph } from '@/lib/article/article';
import { jsonLdObjects, jsonLdTypes } from '@/lib/article/json-ld';
import { primaryLanguageTag } from '@/lib/article/language';
import { languageSample } from '@/lib/article/language-sample';
import { scriptLanguage } from '@/lib/article/script-language';
import { TEXT_LANGUAGES, textLanguage } from '@/lib/article/text-language';

export interface ArticleLanguage {
  /** BCP 47 primary tag, `und` when unknown. */
  language: string;
  languageSource: 'page' | 'detected' | 'unknown';
  languageEvidence?: LanguageEvidence;
  /** What the page declared, when the text overruled it. */
  declaredLanguage?: string;
}

/**
 * The article's language, from the article. The page's declarations, most specific first: the
 * article container's own `lang` (or an ancestor's below `<html>`), JSON-LD `inLanguage`,
 * `og:locale`, `Content-Language`, `<html lang>`. A platform's template often declares its own
 * language around a story in another, so where the text clearly says otherwise, the text decides
 * (only for languages the text detector knows, lib/article/text-language.ts). A page that declares
 * nothing gets the text's language, or its script's for short texts; else `und`, for the
 * browser's detector to fill in (lib/article/parse-extraction.ts).
 */
export function articleLanguage(
  live: Document,
  containerLang: string | null,
  paragraphs: readonly Pick<Paragraph, 'text'>[],
): ArticleLanguage {
  const declared = declaredLanguage(live, containerLang);
  const sample = languageSample(paragraphs);
  const fromText = textLanguage(sample);
  if (declared) {
    if (fromText && fromText !== declared.language && TEXT_LANGUAGES.has(declared.language)) {
      return {
        language: fromText,
        languageSource: 'detected',
        languageEvidence: 'text',
        declaredLanguage: declared.language,
      };
    }
    const script = scriptLanguage(sample);
    // A page declared English with a Japanese text: the script alone says it is not English.
    if (script && script !== declared.language && TEXT_LANGUAGES.has(declared.language)) {
      return {
        language: script,
        languageSource: 'detected',
        languageEvidence: 'text',
        declaredLanguage: declared.language,
      };
    }
    return { language: declared.language, languageSource: 'page', languageEvidence: declared.evidence };
  }
  const detected = fromText ?? scriptLanguage(sample);
  return detected
    ? { language: detected, languageSource: 'detected', languageEvidence: 'text' }
    : { language: 'und', languageSource: 'unknown' };
}

/**
 * The primary tag of the `lang` on the page's article container or its nearest ancestor below
 * `<html>` (whose `lang` is the template's, weighed last). Null when none declares one. Read it
 * before Readability runs on the same copy: Readability moves and re-creates its elements.
 */
export function containerLanguage(container: Element | null): string | null {
  const top = container?.ownerDocument.documentElement;
  for (let element = container; element && element !== top; element = element.parentElement) {
    const language = primaryLanguageTag(element.getAttribute('lang'));
    if (language) return language;
  }
  return null;
}

function declaredLanguage(
  live: Document,
  containerLang: string | null,
): { language: string; evidence: LanguageEvidence } | null {
  if (containerLang) return { language: containerLang, evidence: 'article-lang' };
  const candidates: [string | null, LanguageEvidence][] = [
    [jsonLdLanguage(live), 'json-ld'],
    [metaContent(live, 'og:locale'), 'og-locale'],
    [httpEquiv(live, 'content-language'), 'content-language'],
    [live.documentElement?.getAttribute('lang') ?? null, 'html-lang'],
  ];
  for (const [value, evidence] of candidates) {
    const language = primaryLanguageTag(value?.split(',')[0]);
    if (language) return { language, evidence };
  }
  return null;
}

/** `inLanguage` of the page's article object: a tag, or a `Language` with its tag as `alternateName`. */
function jsonLdLanguage(document: Document): string | null {
  for (const object of jsonLdObjects(document)) {
    if (!jsonLdTypes(object).some((type) => /Article|BlogPosting|Report/u.test(type))) continue;
    const value = object.inLanguage;
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null && 'alternateName' in value) {
      const tag = (value as { alternateName: unknown }).alternateName;
      if (typeof tag === 'string') return tag;
    }
  }
  return null;
}

function metaContent(document: Document, property: string): string | null {
  for (const meta of Array.from(document.querySelectorAll('meta[property], meta[name]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (key === property) return meta.getAttribute('content');
  }
  return null;
}

function httpEquiv(document: Document, header: string): string | null {
  for (const meta of Array.from(document.querySelectorAll('meta[http-equiv]'))) {
    if (meta.getAttribute('http-equiv')?.toLowerCase() === header) return meta.getAttribute('content');
  }
  return null;
}
