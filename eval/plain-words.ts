import { isNoSpaceScript } from '@/lib/attribution/normalise-text';

/**
 * Text reduced to its words for loose comparison: accents, case and punctuation aside, single
 * spaces, padded with a space at each end so that `includes(' new york times ')` matches whole
 * words only. Letters of every script are kept ("Нью-Йорк таймс" → " нью йорк таймс ").
 */
export function plainWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return ` ${words.join(' ')} `;
}

/**
 * Whether `needle` occurs in `haystack` as whole words (see plainWords). Japanese, Chinese and
 * Thai write no spaces between words: there a needle in such a script matches anywhere, spaces
 * and punctuation aside ("気象庁" in "気象庁によると").
 */
export function containsWords(haystack: string, needle: string): boolean {
  const plainNeedle = plainWords(needle);
  if (plainNeedle.trim() === '') return false;
  const plainHaystack = plainWords(haystack);
  if (plainHaystack.includes(plainNeedle)) return true;
  return (
    [...plainNeedle].some(isNoSpaceScript) && plainHaystack.replace(/ /g, '').includes(plainNeedle.replace(/ /g, ''))
  );
}

/** Whether `text` names `expected` (its name or any alias) as whole words. */
export function mentions(text: string, expected: { name: string; aliases: readonly string[] }): boolean {
  return [expected.name, ...expected.aliases].some((name) => containsWords(text, name));
}

/** Whether two stretches of article text overlap as words: one contains the other. */
export function overlaps(a: string, b: string): boolean {
  return containsWords(a, b) || containsWords(b, a);
}
