/**
 * Cuts one paragraph that alone exceeds a part's budget into pieces that fit: at sentence ends
 * where it can, between words where a single sentence is too long, and mid-word only for a
 * "word" longer than the whole budget (a pasted table, a URL). Pieces joined with the spaces
 * between them give the text back.
 *
 * Each piece is the longest run of units that fits, found by galloping (1, 2, 4, … units, then
 * halving back): the text is counted O(log n) times per piece rather than once per unit, which
 * made a paragraph of a few hundred kilobytes (an article whose paragraphs are `<br>`s in one
 * `<p>`, a page's text in one block) take minutes.
 */
export function splitLongText(text: string, maxTokens: number, countTokens: (text: string) => number): string[] {
  if (countTokens(text) <= maxTokens) return [text];
  const sentences = text.match(/[^.!?…。！？]+(?:[.!?…。！？]+["”’»)\]]*\s*|$)/g) ?? [text];
  const units = sentences.flatMap((sentence) =>
    countTokens(sentence) <= maxTokens ? [sentence] : splitIntoWords(sentence, maxTokens, countTokens),
  );
  return greedyRuns(units.length, (start, end) => units.slice(start, end).join(''), maxTokens, countTokens)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

function splitIntoWords(sentence: string, maxTokens: number, countTokens: (text: string) => number): string[] {
  const words = sentence.match(/\S+\s*/g) ?? [sentence];
  return words.flatMap((word) =>
    countTokens(word) <= maxTokens ? [word] : splitCharacters(word, maxTokens, countTokens),
  );
}

function splitCharacters(word: string, maxTokens: number, countTokens: (text: string) => number): string[] {
  // Cut points between code points: a surrogate pair is never cut in two.
  const cuts: number[] = [];
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) cuts.push(index);
  }
  cuts.push(word.length);
  return greedyRuns(cuts.length - 1, (start, end) => word.slice(cuts[start], cuts[end]), maxTokens, countTokens);
}

/**
 * Cuts items 0…count-1 into consecutive runs, each the longest that fits `maxTokens` (at least
 * one item, even if it alone does not fit), as adding items one at a time would, assuming a
 * longer run never counts fewer tokens.
 */
function greedyRuns(
  count: number,
  textOf: (start: number, end: number) => string,
  maxTokens: number,
  countTokens: (text: string) => number,
): string[] {
  const runs: string[] = [];
  const fits = (start: number, end: number) => countTokens(textOf(start, end)) <= maxTokens;
  let start = 0;
  while (start < count) {
    // Gallop: the last end known to fit, and the first known not to.
    let good = start + 1;
    let step = 1;
    while (good + step <= count && fits(start, good + step)) {
      good += step;
      step *= 2;
    }
    let bad = Math.min(count + 1, good + step);
    while (bad - good > 1) {
      const middle = Math.floor((good + bad) / 2);
      if (middle <= count && fits(start, middle)) good = middle;
      else bad = middle;
    }
    runs.push(textOf(start, good));
    start = good;
  }
  return runs;
}
