/**
 * How much text a string holds, in Latin-letter equivalents. Readability's thresholds (140
 * characters for a paragraph to count, 500 for an article) and our own minimum are calibrated on
 * alphabetic text; a Chinese or Japanese character, or a Hangul syllable, carries about what three
 * Latin letters do: the same news paragraph (lib/tokens/calibration-samples.ts) is 106 characters
 * in Chinese, 107 in Japanese, 115 in Korean and 342 on average in French, Spanish and Italian.
 * Without this a typical Chinese or Japanese news article, 400–800 characters long, is "not an
 * article".
 */
export const DENSE_SCRIPT_WEIGHT = 3;

/** Length of `text`, with Han, kana and Hangul counted three times. */
export function textWeight(text: string): number {
  let weight = text.length;
  // By UTF-16 code unit: the characters counted extra are all in the Basic Multilingual Plane
  // (rare Han in the supplementary planes count once per surrogate, i.e. twice: close enough).
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x3040) continue;
    if (
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0x3400 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0xf900 && code <= 0xfaff)
    ) {
      weight += DENSE_SCRIPT_WEIGHT - 1;
    }
  }
  return weight;
}

/** Latin-letter equivalents per character of the text: 1 for alphabetic text, up to 3 for Chinese. */
export function textDensity(text: string): number {
  return text.length === 0 ? 1 : textWeight(text) / text.length;
}
