import type { Article } from '@/lib/article/article';

/** The article's language for `lang` attributes; undefined when unknown, so nothing false is claimed. */
export function articleLang(article: Pick<Article, 'language'> | null): string | undefined {
  return article && article.language !== 'und' ? article.language : undefined;
}
