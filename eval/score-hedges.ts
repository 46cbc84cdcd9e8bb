import type { Article } from '@/lib/article/article';
import { alignTranslation } from '@/lib/translation/align';
import type { Fraction } from '@/eval/eval-result';
import { containsWords } from '@/eval/plain-words';

/**
 * Hedges kept in the translation: for each rubric hedge, the translation of the paragraph that
 * holds its original words (read back by the paragraph markers, as the side-by-side view reads
 * them) must contain one of the renderings the rubric accepts. A paragraph the translation lost
 * keeps nothing. Null when there is no translation to judge (an English article, or a failed one).
 */
export function scoreHedges(
  article: Pick<Article, 'paragraphs'>,
  hedges: ReadonlyArray<{ original: string; keep: readonly string[] }>,
  translation: string | null,
): (Fraction & { lost: string[] }) | null {
  if (translation === null || hedges.length === 0) return null;
  const aligned = alignTranslation(
    translation,
    article.paragraphs.map((paragraph) => paragraph.id),
  );
  const translated = new Map<string, string>();
  for (const entry of aligned) {
    if (entry.paragraphId === null) continue;
    translated.set(entry.paragraphId, `${translated.get(entry.paragraphId) ?? ''} ${entry.markdown}`);
  }
  const lost = hedges
    .filter((hedge) => {
      const paragraphs = article.paragraphs.filter((paragraph) => containsWords(paragraph.text, hedge.original));
      return !paragraphs.some((paragraph) => {
        const text = translated.get(paragraph.id) ?? '';
        return hedge.keep.some((rendering) => containsWords(text, rendering));
      });
    })
    .map((hedge) => hedge.original);
  return { found: hedges.length - lost.length, total: hedges.length, lost };
}
