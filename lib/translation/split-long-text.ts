/**
 * Cuts one paragraph that alone exceeds a chunk's budget into pieces that fit: at sentence ends
 * where it can, between words where a single sentence is too long, and mid-word only for a
 * "word" longer than the whole budget (a pasted table, a URL). Pieces joined with the spaces
 * between them give the text back.
 */
export function splitLongText(text: string, maxTokens: number, countTokens: (text: string) => number): string[] {
  if (countTokens(text) <= maxTokens) return [text];
  const sentences = text.match(/[^.!?…。！？]+(?:[.!?…。！？]+["”’»)\]]*\s*|$)/g) ?? [text];
  const units = sentences.flatMap((sentence) =>
    countTokens(sentence) <= maxTokens ? [sentence] : splitIntoWords(sentence, maxTokens, countTokens),
  );
  const pieces: string[] = [];
  let current = '';
  for (const unit of units) {
    if (current && countTokens(current + unit) > maxTokens) {
      pieces.push(current.trim());
      current = '';
    }
    current += unit;
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

function splitIntoWords(sentence: string, maxTokens: number, countTokens: (text: string) => number): string[] {
  const words = sentence.match(/\S+\s*/g) ?? [sentence];
  return words.flatMap((word) =>
    countTokens(word) <= maxTokens ? [word] : splitCharacters(word, maxTokens, countTokens),
  );
}

function splitCharacters(word: string, maxTokens: number, countTokens: (text: string) => number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const character of word) {
    if (current && countTokens(current + character) > maxTokens) {
      pieces.push(current);
      current = '';
    }
    current += character;
  }
  if (current) pieces.push(current);
  return pieces;
}
