/**
 * Text normalised for comparing a model's quote with the original, with a way back to the
 * original's offsets. The model retypes quotes: it swaps „“ for "", – for -, drops soft hyphens,
 * non-breaking spaces and line breaks, changes case at a sentence start. None of that changes
 * what was said, so none of it should make a quote fail to match.
 *
 * Runs in the extension and, bundled into the injected highlight script, in the page: it must
 * stay pure (no DOM, no browser APIs).
 */
export interface NormalisedText {
  /** The comparable text: NFKC, lower case, one kind of quote mark and dash, single spaces. */
  text: string;
  /** For each character of `text`, where its source starts in the original string. */
  starts: number[];
  /** For each character of `text`, where its source ends (exclusive) in the original string. */
  ends: number[];
}

/** Every quotation mark and apostrophe in use, single or double, becomes `"`: models swap them freely. */
const QUOTE_MARKS = new Set([
  '"',
  "'",
  '`',
  '\u00b4', // ´ used as an apostrophe
  '\u00ab', // «
  '\u00bb', // »
  '\u2018', // ‘
  '\u2019', // ’
  '\u201a', // ‚
  '\u201b', // ‛
  '\u201c', // “
  '\u201d', // ”
  '\u201e', // „
  '\u201f', // ‟
  '\u2039', // ‹
  '\u203a', // ›
  '\u300c', // 「
  '\u300d', // 」
  '\u300e', // 『
  '\u300f', // 』
  '\u301d', // 〝
  '\u301e', // 〞
  '\u301f', // 〟
  '\uff02', // ＂
  '\uff07', // ＇
]);

/** Hyphens, dashes and the minus sign become `-`. */
const DASHES = new Set([
  '\u2010', // ‐ hyphen
  '\u2011', // non-breaking hyphen
  '\u2012', // ‒ figure dash
  '\u2013', // – en dash
  '\u2014', // — em dash
  '\u2015', // ― horizontal bar
  '\u2043', // ⁃ hyphen bullet
  '\u2212', // − minus
  '\ufe58', // ﹘
  '\ufe63', // ﹣
  '\uff0d', // －
]);

/**
 * Characters that are invisible on the page: soft hyphen, zero-width space and joiners, word
 * joiner, BOM, and bidirectional marks (common in right-to-left text, never typed back by a model).
 */
const INVISIBLE = /^[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]$/u;

/**
 * Vowel points and cantillation in Arabic and Hebrew are optional in writing: a model often drops
 * or adds them. Removing them on both sides is safe; the consonants carry the words.
 */
const OPTIONAL_DIACRITICS =
  /^[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]$/u;

/** Scripts written without spaces between words: a space next to them carries no meaning. */
const NO_SPACE_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\u30fc]$/u;

/** Punctuation that a space before it (French typography, a retyped quote) may or may not precede. */
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '"', '-', '%']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '"', '-']);

function mapCharacter(character: string): string {
  if (QUOTE_MARKS.has(character)) return '"';
  if (DASHES.has(character)) return '-';
  if (INVISIBLE.test(character) || OPTIONAL_DIACRITICS.test(character)) return '';
  if (/^\s$/u.test(character)) return ' ';
  return character;
}

/** Whether the character belongs to a script written without spaces between words (Chinese, Japanese, Thai…). */
export function isNoSpaceScript(character: string): boolean {
  // Thai is the first of these scripts (U+0E00): below it, no regular expression is needed.
  return character.charCodeAt(0) >= 0x0e00 && NO_SPACE_SCRIPT.test(character);
}

/** Whether a space between these two characters can be dropped without joining two words. */
export function isOptionalSpace(before: string, after: string): boolean {
  return NO_SPACE_BEFORE.has(after) || NO_SPACE_AFTER.has(before) || isNoSpaceScript(before) || isNoSpaceScript(after);
}

/** What each ASCII character becomes: the common case, looked up rather than normalised. */
const ASCII = Array.from({ length: 128 }, (_, code) => {
  const character = String.fromCharCode(code);
  return mapCharacter(character).toLowerCase();
});

/** Combining marks all lie at U+0300 or above: below it, no regular expression is needed. */
function isCombiningMark(code: number, character: string): boolean {
  return code >= 0x0300 && /^\p{M}$/u.test(character);
}

/** Folded clusters seen before: an article repeats the same few hundred characters. */
const foldedClusters = new Map<string, string>();
const FOLDED_CLUSTERS_KEPT = 4096;

/**
 * Decomposed, mapped, NFKC-normalised, lower-cased and mapped again. Decomposed first so that an
 * optional diacritic goes whether the text has it precomposed or apart: Arabic آ (U+0622) and
 * ا + U+0653 are the same letter, and without this only the second lost its madda. NFKC turns ＂
 * into " and ‑ into ‐, which the second mapping catches.
 */
function foldCluster(cluster: string): string {
  let folded = foldedClusters.get(cluster);
  if (folded === undefined) {
    const normalised = [...cluster.normalize('NFD')].map(mapCharacter).join('').normalize('NFKC').toLowerCase();
    folded = [...normalised].map(mapCharacter).join('');
    if (foldedClusters.size >= FOLDED_CLUSTERS_KEPT) foldedClusters.clear();
    foldedClusters.set(cluster, folded);
  }
  return folded;
}

/** Normalises `original` for matching, keeping for each resulting character where it came from. */
export function normaliseText(original: string): NormalisedText {
  const text: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpace: { start: number; end: number } | null = null;

  // Runs of spaces become one space, dropped at the ends and where optional.
  const emit = (character: string, start: number, end: number) => {
    if (character === ' ') {
      pendingSpace = pendingSpace ? { start: pendingSpace.start, end } : { start, end };
      return;
    }
    const previous = text.at(-1);
    if (pendingSpace && previous !== undefined && !isOptionalSpace(previous, character)) {
      text.push(' ');
      starts.push(pendingSpace.start);
      ends.push(pendingSpace.end);
    }
    pendingSpace = null;
    text.push(character);
    starts.push(start);
    ends.push(end);
  };

  let index = 0;
  while (index < original.length) {
    // A base character with the combining marks that follow it, normalised together (e + ◌́ → é).
    const start = index;
    const first = original.codePointAt(index) ?? 0;
    index += first > 0xffff ? 2 : 1;
    while (index < original.length) {
      const code = original.codePointAt(index) ?? 0;
      if (code < 0x0300) break;
      const character = String.fromCodePoint(code);
      if (!isCombiningMark(code, character)) break;
      index += character.length;
    }
    if (index - start === 1 && first < 128) {
      const mapped = ASCII[first] ?? '';
      if (mapped) emit(mapped, start, index);
      continue;
    }
    for (const mapped of foldCluster(original.slice(start, index))) emit(mapped, start, index);
  }
  return { text: text.join(''), starts, ends };
}

/** The original offsets of the normalised range [start, end); null for an empty or invalid range. */
export function originalRange(
  normalised: NormalisedText,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const first = normalised.starts[start];
  const last = normalised.ends[end - 1];
  if (end <= start || first === undefined || last === undefined) return null;
  return { start: first, end: last };
}
