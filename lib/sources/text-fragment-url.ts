/**
 * A link that opens a page scrolled to a passage and highlights it: a text directive in the URL's
 * fragment (`#:~:text=`), as the WICG "URL Fragment Text Directives" report defines it
 * (https://wicg.github.io/scroll-to-text-fragment/): `text=[prefix-,]textStart[,textEnd][,-suffix]`,
 * each term percent-encoded, with `-`, `&` and `,` always encoded since they delimit the syntax.
 * A browser that does not support them opens the page at its top.
 */

/** Above this many characters (or across paragraphs), a passage is matched by its start and end. */
export const EXACT_MATCH_MAX_CHARACTERS = 300;
/** Words in textStart and textEnd of a range match: enough to be unambiguous in a news page. */
const RANGE_TERM_WORDS = 5;
/** A range term has at least this many characters, for scripts whose words are one or two characters. */
const RANGE_TERM_MIN_CHARACTERS = 16;

/**
 * `url` with a text directive for `passage`. `passage` is one string, or the passage's parts in
 * order when it runs across paragraphs: a text directive with textStart only never matches across
 * a block boundary, so such a passage is matched by textStart (its first words) and textEnd (its
 * last words), as is any passage longer than EXACT_MATCH_MAX_CHARACTERS. Whitespace is collapsed
 * (the browser compares it collapsed). A fragment the URL already has is kept before the directive,
 * and a directive it already has is replaced. Returns `url` unchanged when the passage has no text.
 */
export function textFragmentUrl(url: string, passage: string | readonly string[]): string {
  const parts = (typeof passage === 'string' ? [passage] : [...passage]).map(collapse).filter(Boolean);
  const first = parts[0];
  const last = parts.at(-1);
  if (!first || !last) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt + 1);
  const ownFragment = fragment.split(':~:')[0] ?? '';
  const whole = parts.join(' ');
  const directive =
    parts.length === 1 && whole.length <= EXACT_MATCH_MAX_CHARACTERS
      ? encodeTerm(whole)
      : `${encodeTerm(leadingWords(first))},${encodeTerm(trailingWords(last))}`;
  return `${base}#${ownFragment}:~:text=${directive}`;
}

/**
 * A term percent-encoded for a text directive: encodeURIComponent (which encodes `&`, `,`, `#`,
 * `%` and every non-ASCII character as UTF-8) and `-`, which it leaves alone.
 */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Offsets where each word of `text` begins and ends, by Unicode word segmentation (CJK included). */
function wordBounds(text: string): Array<{ start: number; end: number }> {
  const bounds: Array<{ start: number; end: number }> = [];
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) bounds.push({ start: segment.index, end: segment.index + segment.segment.length });
  }
  return bounds;
}

/** The start of `text` up to the end of a word: RANGE_TERM_WORDS words and RANGE_TERM_MIN_CHARACTERS characters at least. */
function leadingWords(text: string): string {
  const bounds = wordBounds(text);
  for (let index = RANGE_TERM_WORDS - 1; index < bounds.length; index += 1) {
    const end = bounds[index]?.end ?? text.length;
    if (end >= RANGE_TERM_MIN_CHARACTERS) return text.slice(0, end);
  }
  return text;
}

/** The end of `text` from the start of a word, sized as leadingWords. Trailing punctuation is kept. */
function trailingWords(text: string): string {
  const bounds = wordBounds(text);
  for (let index = bounds.length - RANGE_TERM_WORDS; index >= 0; index -= 1) {
    const start = bounds[index]?.start ?? 0;
    if (text.length - start >= RANGE_TERM_MIN_CHARACTERS) return text.slice(start);
  }
  return text;
}
