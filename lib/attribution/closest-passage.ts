/**
 * Word-level similarity between a quote and the passages of a paragraph, for quotes the model
 * retyped with a word or two changed. Both sides are `normaliseText` output.
 */

/** A word of normalised text with its offsets in that text. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

const NO_SPACE_LETTER =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\u30fc';

/**
 * A word is a run of letters, digits and marks; in scripts written without spaces (Chinese,
 * Japanese, Thai…) each character counts as a word, so a changed character costs one word.
 */
const WORD = new RegExp(`[${NO_SPACE_LETTER}]\\p{M}*|(?:(?![${NO_SPACE_LETTER}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

export function wordTokens(normalised: string): WordToken[] {
  return [...normalised.matchAll(WORD)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

export interface ClosestWindow {
  /** 1 − word edit distance ÷ the longer length: 1 means the same words in the same order. */
  similarity: number;
  /** Offsets in the paragraph's normalised text, from the window's first word to its last. */
  start: number;
  end: number;
}

/** How many words the window may be shorter or longer than the quote: a word or two dropped or added. */
const LENGTH_SLACK = 2;

/**
 * The window of the paragraph's words most similar to the quote's words, if one reaches `minimum`:
 * every window whose length is within LENGTH_SLACK of the quote's, sliding one word at a time (so
 * it finds a sentence, part of one, or one spilling into the next).
 *
 * Fast enough to run on every note in the panel: words become integers, one edit-distance table
 * per start position serves every window length, only the diagonal band that can stay within the
 * allowed distance is computed, and a start whose words share too little with the quote is skipped.
 */
export function closestWindow(
  quoteWords: readonly string[],
  paragraph: readonly WordToken[],
  minimum: number,
): ClosestWindow | null {
  const quoteLength = quoteWords.length;
  const paragraphLength = paragraph.length;
  if (quoteLength === 0 || paragraphLength === 0) return null;

  const ids = new Map<string, number>();
  const quote = Int32Array.from(quoteWords, (word) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
    }
    return id;
  });
  // Words the quote lacks get -1: never equal to a quote word.
  const words = Int32Array.from(paragraph, (token) => ids.get(token.word) ?? -1);
  const quoteCounts = new Int32Array(ids.size);
  for (const id of quote) quoteCounts[id] = (quoteCounts[id] ?? 0) + 1;

  const shortest = Math.min(Math.max(1, quoteLength - LENGTH_SLACK), paragraphLength);
  const longest = quoteLength + LENGTH_SLACK;
  // No window is longer than `longest`, so no distance above this can reach `minimum`.
  const limit = Math.floor((1 - minimum) * longest + 1e-9);
  const infinity = quoteLength + longest + 1;
  const windowCounts = new Int32Array(ids.size);
  let previous = new Int32Array(longest + 1);
  let current = new Int32Array(longest + 1);
  let best: ClosestWindow | null = null;
  let bestLengthGap = Number.POSITIVE_INFINITY;

  for (let first = 0; first < paragraphLength; first += 1) {
    const widest = Math.min(longest, paragraphLength - first);
    if (widest < shortest) break;

    // Any window from here shares at most `shared` words with the quote: each other quote word costs an edit.
    windowCounts.fill(0);
    let shared = 0;
    for (let offset = 0; offset < widest; offset += 1) {
      const id = words[first + offset] ?? -1;
      if (id < 0) continue;
      windowCounts[id] = (windowCounts[id] ?? 0) + 1;
      if ((windowCounts[id] ?? 0) <= (quoteCounts[id] ?? 0)) shared += 1;
    }
    if (quoteLength - shared > limit) continue;

    for (let column = 0; column <= widest; column += 1) previous[column] = column;
    let withinLimit = true;
    for (let row = 1; row <= quoteLength; row += 1) {
      current.fill(infinity);
      if (row <= limit) current[0] = row;
      let rowMinimum = current[0] ?? infinity;
      const from = Math.max(1, row - limit);
      const to = Math.min(widest, row + limit);
      const quoteId = quote[row - 1];
      for (let column = from; column <= to; column += 1) {
        const substitution = (previous[column - 1] ?? infinity) + (words[first + column - 1] === quoteId ? 0 : 1);
        const value = Math.min(substitution, (previous[column] ?? infinity) + 1, (current[column - 1] ?? infinity) + 1);
        current[column] = value;
        if (value < rowMinimum) rowMinimum = value;
      }
      if (rowMinimum > limit) {
        withinLimit = false;
        break;
      }
      [previous, current] = [current, previous];
    }
    if (!withinLimit) continue;

    for (let size = shortest; size <= widest; size += 1) {
      const distance = previous[size] ?? infinity;
      const similarity = 1 - distance / Math.max(quoteLength, size);
      if (similarity < minimum) continue;
      const lengthGap = Math.abs(size - quoteLength);
      const better =
        !best || similarity > best.similarity || (similarity === best.similarity && lengthGap < bestLengthGap);
      const firstToken = paragraph[first];
      const lastToken = paragraph[first + size - 1];
      if (!better || !firstToken || !lastToken) continue;
      best = { similarity, start: firstToken.start, end: lastToken.end };
      bestLengthGap = lengthGap;
    }
  }
  return best;
}
