import type { Paragraph } from '@/lib/article/article';

/** About what `i18n.detectLanguage` needs; Chrome's CLD reads no more than a few kilobytes well. */
export const LANGUAGE_SAMPLE_CHARACTERS = 4_000;
/** Below this much of the author's own words, the quotations are the article (an interview). */
const MIN_OWN_WORDS_CHARACTERS = 200;

// Quoted passages, innermost-first pairs of the quotation marks news in Latin, Cyrillic, Greek,
// Arabic, Hebrew and CJK scripts uses. German „…“ comes before English “…”: German closes with “.
const QUOTATIONS = [/„[^„“”]*[“”]/gu, /“[^“”]*”/gu, /«[^«»]*»/gu, /»[^«»]*«/gu, /「[^「」]*」/gu, /『[^『』]*』/gu];
// Straight quotes only around three or more words: Hebrew writes abbreviations with " (מנכ"ל).
const STRAIGHT_QUOTATION = /"(?:[^"\s]+\s+){2,}[^"]*"/gu;

/**
 * A sample of the article for language detection: spread over the whole article (its start may
 * be a long quotation, a dateline or an English-language lede), and without quoted passages, so
 * an article that quotes a speech in another language is detected in its own language.
 */
export function languageSample(
  paragraphs: readonly Pick<Paragraph, 'text'>[],
  maxCharacters = LANGUAGE_SAMPLE_CHARACTERS,
): string {
  const own = paragraphs.map((paragraph) => withoutQuotations(paragraph.text)).filter((text) => text !== '');
  const ownLength = own.reduce((sum, text) => sum + text.length, 0);
  const texts = ownLength >= MIN_OWN_WORDS_CHARACTERS ? own : paragraphs.map((paragraph) => paragraph.text);
  return spread(texts, maxCharacters);
}

function withoutQuotations(text: string): string {
  let result = text;
  for (const quotation of QUOTATIONS) result = result.replace(quotation, ' ');
  return result.replace(STRAIGHT_QUOTATION, ' ').replace(/\s+/gu, ' ').trim();
}

/** Every n-th text, each cut to a fair share, so the sample covers the beginning, middle and end. */
function spread(texts: string[], maxCharacters: number): string {
  const total = texts.reduce((sum, text) => sum + text.length + 1, 0);
  if (total <= maxCharacters) return texts.join('\n');
  const step = Math.max(1, Math.floor(total / maxCharacters));
  const picked: string[] = [];
  for (let index = 0; index < texts.length; index += step) picked.push(texts[index] ?? '');
  const share = Math.max(100, Math.floor(maxCharacters / picked.length));
  return picked
    .map((text) => text.slice(0, share))
    .join('\n')
    .slice(0, maxCharacters);
}
