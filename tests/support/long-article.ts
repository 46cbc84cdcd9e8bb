import type { Article, Paragraph } from '@/lib/article/article';
import { countWords } from '@/lib/article/word-count';
import { seedArticle } from '@/tests/support/seed-article';

/**
 * Articles of a given length made from the seed article's paragraphs, nothing downloaded: each
 * round through the seed rotates the sentences of every paragraph, so no paragraph repeats word
 * for word (repeats would flatter the cache and the test server's canned answers alike).
 */
export function longArticle(targetWords: number): Article {
  const seed = seedArticle();
  const sentencesOf = seed.paragraphs.map(
    (paragraph) => paragraph.text.match(/[^.!?]+[.!?]+["”]?\s*/g) ?? [paragraph.text],
  );
  const paragraphs: Paragraph[] = [];
  let words = 0;
  for (let index = 0; words < targetWords; index++) {
    const sentences = sentencesOf[index % sentencesOf.length] ?? [];
    const round = Math.floor(index / sentencesOf.length);
    const shift = sentences.length > 0 ? round % sentences.length : 0;
    const text = [...sentences.slice(shift), ...sentences.slice(0, shift)].map((sentence) => sentence.trim()).join(' ');
    const paragraph = { id: `p${index + 1}`, text };
    paragraphs.push(paragraph);
    words += countWords([paragraph]);
  }
  return {
    ...seed,
    url: `https://de.example.org/long/${targetWords}`,
    canonicalUrl: `https://de.example.org/long/${targetWords}`,
    paragraphs,
    wordCount: words,
  };
}
