import type { Paragraph } from '@/lib/article/article';

// Scripts written without spaces between words: there, one whitespace "token" can be a whole
// sentence, so Intl.Segmenter counts its words instead.
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

const wordSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'word' }) : null;

/**
 * Words as a reader counts them: whitespace-separated tokens with a letter or digit, so "US-Bürger"
 * is one word and a lone dash none (Intl.Segmenter alone would split at hyphens).
 */
export function countWords(paragraphs: Paragraph[]): number {
  let count = 0;
  for (const paragraph of paragraphs) {
    for (const token of paragraph.text.split(/\s+/u)) count += countWordsInToken(token);
  }
  return count;
}

function countWordsInToken(token: string): number {
  if (!HAS_WORD_CHARACTER.test(token)) return 0;
  if (!wordSegmenter || !UNSPACED_SCRIPT.test(token)) return 1;
  let count = 0;
  for (const segment of wordSegmenter.segment(token)) if (segment.isWordLike) count += 1;
  return count;
}
