/** What a text is made of, in the classes that cost tokens differently (see countCharacterClasses). */
export interface CharacterClassCounts {
  /** Runs of letters or digits: about one token each, whatever the script. */
  words: number;
  asciiAlphanumeric: number;
  /** Latin letters with diacritics (é, ß, ł, ş). */
  latinExtended: number;
  cyrillic: number;
  greek: number;
  /** Arabic and Hebrew. */
  semitic: number;
  /** Devanagari, Bengali, Tamil, Thai and the other Brahmic scripts. */
  brahmic: number;
  /** Han, kana and Hangul: about one token per character or more. */
  cjk: number;
  /** Punctuation and symbols, often a token of their own. */
  punctuation: number;
}

export const CHARACTER_CLASSES = [
  'words',
  'asciiAlphanumeric',
  'latinExtended',
  'cyrillic',
  'greek',
  'semitic',
  'brahmic',
  'cjk',
  'punctuation',
] as const satisfies readonly (keyof CharacterClassCounts)[];

/**
 * Counts what a text is made of, in the classes that cost tokens differently: BPE tokenizers
 * (o200k, cl100k and the Llama/Mistral families alike) spend about one token per common English
 * word, more on letters with diacritics, and far more per character on non-Latin scripts.
 */
export function countCharacterClasses(text: string): CharacterClassCounts {
  // Plain counters indexed by class number, by UTF-16 code unit with charCodeAt: several times
  // faster than iterating the string into an object's properties, which matters on a 20,000-word
  // article whose first requests wait for this count.
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        index++;
      }
    }
    const kind = classify(code);
    if (kind === NONE || kind === PUNCTUATION) {
      if (kind === PUNCTUATION) counts[PUNCTUATION] = (counts[PUNCTUATION] ?? 0) + 1;
      inWord = false;
      continue;
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
    // Ideographs are not separated by spaces: their cost is per character, not per word.
    if (kind !== CJK && !inWord) words++;
    inWord = kind !== CJK;
  }
  return {
    words,
    asciiAlphanumeric: counts[ASCII] ?? 0,
    latinExtended: counts[LATIN_EXTENDED] ?? 0,
    cyrillic: counts[CYRILLIC] ?? 0,
    greek: counts[GREEK] ?? 0,
    semitic: counts[SEMITIC] ?? 0,
    brahmic: counts[BRAHMIC] ?? 0,
    cjk: counts[CJK] ?? 0,
    punctuation: counts[PUNCTUATION] ?? 0,
  };
}

const NONE = 0;
const ASCII = 1;
const LATIN_EXTENDED = 2;
const CYRILLIC = 3;
const GREEK = 4;
const SEMITIC = 5;
const BRAHMIC = 6;
const CJK = 7;
const PUNCTUATION = 8;

function classify(code: number): number {
  if (code <= 0x7f) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      return ASCII;
    }
    return code <= 0x20 || code === 0x7f ? NONE : PUNCTUATION;
  }
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return LATIN_EXTENDED;
  if (code >= 0x1e00 && code <= 0x1eff) return LATIN_EXTENDED;
  if (code >= 0x370 && code <= 0x3ff) return GREEK;
  if (code >= 0x1f00 && code <= 0x1fff) return GREEK;
  if (code >= 0x400 && code <= 0x52f) return CYRILLIC;
  if (code >= 0x590 && code <= 0x6ff) return SEMITIC;
  if (code >= 0x750 && code <= 0x77f) return SEMITIC;
  if (code >= 0x900 && code <= 0xeff) return BRAHMIC;
  if (code >= 0x1100 && code <= 0x11ff) return CJK;
  if (code >= 0x3040 && code <= 0x30ff) return CJK;
  if (code >= 0x3400 && code <= 0x9fff) return CJK;
  if (code >= 0xac00 && code <= 0xd7af) return CJK;
  if (code >= 0xf900 && code <= 0xfaff) return CJK;
  if (code >= 0x20000 && code <= 0x2ffff) return CJK;
  if (code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000) return NONE;
  // Everything else: typographic quotes and dashes, CJK punctuation, emoji, other symbols.
  return PUNCTUATION;
}
