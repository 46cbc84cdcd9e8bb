import { wordTokens } from '@/lib/attribution/closest-passage';
import { normaliseText, originalRange } from '@/lib/attribution/normalise-text';

/** A stretch of a passage, and whether its word is missing from the quote compared with it. */
export interface PassageSegment {
  text: string;
  differs: boolean;
}

/**
 * Splits a passage of the original into stretches, marking the words the quote does not have:
 * for a near-miss, the words the model changed or dropped. Compared after `normaliseText`, so
 * quotation marks and case are not differences.
 */
export function differingWords(passage: string, quote: string): PassageSegment[] {
  const quoteWords = new Set(wordTokens(normaliseText(quote).text).map((token) => token.word));
  const normalised = normaliseText(passage);
  const segments: PassageSegment[] = [];
  let position = 0;
  for (const token of wordTokens(normalised.text)) {
    if (quoteWords.has(token.word)) continue;
    const range = originalRange(normalised, token.start, token.end);
    if (!range || range.start < position) continue;
    if (range.start > position) segments.push({ text: passage.slice(position, range.start), differs: false });
    segments.push({ text: passage.slice(range.start, range.end), differs: true });
    position = range.end;
  }
  if (position < passage.length) segments.push({ text: passage.slice(position), differs: false });
  return segments;
}
