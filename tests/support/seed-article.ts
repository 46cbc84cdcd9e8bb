import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Article, ArticleSchema } from '@/lib/article/article';

/** The seed article (tests/fixtures/llm/seed-article.json) as extraction would hand it over: p1–p7. */
export function seedArticle(): Article {
  // A path, not `new URL(…, import.meta.url)`: under happy-dom, `URL` is the window's, which readFileSync refuses.
  const text = readFileSync(join(import.meta.dirname, '../fixtures/llm/seed-article.json'), 'utf8');
  return ArticleSchema.parse(JSON.parse(text));
}
