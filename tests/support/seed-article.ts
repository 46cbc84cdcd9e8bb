import { readFileSync } from 'node:fs';
import { type Article, ArticleSchema } from '../../lib/article/article';

/** The seed article (tests/fixtures/llm/seed-article.json) as extraction would hand it over: p1–p7. */
export function seedArticle(): Article {
  const text = readFileSync(new URL('../fixtures/llm/seed-article.json', import.meta.url), 'utf8');
  return ArticleSchema.parse(JSON.parse(text));
}
