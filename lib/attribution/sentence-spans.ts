/** One sentence of a paragraph: offsets into its text, end exclusive (trailing space included). */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * A sentence ends at . ! ? … (with any closing quotes or brackets) followed by space and a capital, a
 * digit or an opening quote; or at the full-width 。！？ of Chinese and Japanese, with or without space.
 * Not after a number ("am 13. Februar") or a short abbreviation ("Dr.", "z. B.", "St."): the browsers'
 * Intl.Segmenter breaks there, and a sentence cut in two would hide an attribution from the check.
 */
const BOUNDARY = /([.!?…]+["”“»’)\]]*)(\s+)(?=["„“«‘(\p{Lu}\p{N}])|([。！？]+[」』”)]*)\s*/gu;

const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:\p{L}{1,3}|\p{N}+)$/u;

export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    if (match[1] === '.') {
      // "13." "Dr." "z." "B.": a full stop after a number or a word of three letters or fewer.
      if (ABBREVIATION_BEFORE.test(text.slice(start, index))) continue;
    }
    if (end >= text.length) break;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
