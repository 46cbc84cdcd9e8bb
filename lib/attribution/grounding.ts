import type { Article } from '@/lib/article/article';
import { closestWindow, type WordToken, wordTokens } from '@/lib/attribution/closest-passage';
import { isNoSpaceScript, type NormalisedText, normaliseText, originalRange } from '@/lib/attribution/normalise-text';

/**
 * Grounding: is the sentence a note rests on really in the article? The model is asked to copy it
 * verbatim; this checks that it did, so the panel can mark each note verified, a near-miss (a word
 * or two changed: the closest passage is shown) or not found (paraphrased or made up).
 */
export type GroundingStatus = 'verified' | 'near-miss' | 'not-found';

export interface Grounding {
  status: GroundingStatus;
  /** Paragraph holding the quote (verified) or the closest passage (near-miss); null when not found. */
  paragraphId: string | null;
  /** Character offsets of the matched passage in that paragraph's original text; null when not found. */
  start: number | null;
  end: number | null;
  /** For near-miss: the closest passage of the original (verbatim) and its similarity 0..1. */
  closest: { paragraphId: string; text: string; similarity: number } | null;
}

/** One stretch of a paragraph's original text. */
export interface PassagePart {
  paragraphId: string;
  start: number;
  end: number;
}

/**
 * A grounding with every stretch of the original it covers: one part, or two for a quote that
 * runs from the end of one paragraph into the start of the next. The panel highlights these.
 */
export interface QuoteLocation extends Grounding {
  parts: PassagePart[];
}

/** Word-level similarity from which a quote that is not verbatim counts as a near-miss. */
export const NEAR_MISS_THRESHOLD = 0.8;

type Paragraphs = Pick<Article, 'paragraphs'>;

interface IndexedParagraph {
  id: string;
  text: string;
  normalised: NormalisedText;
  words: WordToken[];
}

/** The article's paragraphs normalised once, so grounding every note of an article costs one pass. */
class ArticleIndex {
  readonly paragraphs: IndexedParagraph[];
  private readonly pairs = new Map<number, NormalisedText>();

  constructor(article: Paragraphs) {
    this.paragraphs = article.paragraphs.map((paragraph) => {
      const normalised = normaliseText(paragraph.text);
      return { id: paragraph.id, text: paragraph.text, normalised, words: wordTokens(normalised.text) };
    });
  }

  /** Paragraph `index` and the next joined by a line break (which normalises to a space or nothing). */
  pair(index: number): NormalisedText | null {
    const first = this.paragraphs[index];
    const second = this.paragraphs[index + 1];
    if (!first || !second) return null;
    let joined = this.pairs.get(index);
    if (!joined) {
      joined = normaliseText(`${first.text}\n${second.text}`);
      this.pairs.set(index, joined);
    }
    return joined;
  }
}

/** A quote prepared for searching: its comparable core, what was trimmed off its edges, its parts. */
interface Needle {
  /** The parts between elisions ("…", "[…]"), in order; one part when nothing is elided. */
  parts: string[];
  /** Punctuation trimmed before the first and after the last part, to be matched if the original has it. */
  leading: string;
  trailing: string;
  words: string[];
}

const NOT_WORD_AT_START = /^[^\p{L}\p{N}]+/u;
const NOT_WORD_AT_END = /[^\p{L}\p{N}\p{M}]+$/u;
/** An elision as models write it: "...", "…" (NFKC makes it "..."), "[...]", "(...)". */
const ELISION = /\s*[[(]?\.{3,}[\])]?\s*/u;

function prepareNeedle(quote: string): Needle | null {
  const text = normaliseText(quote).text;
  const leading = NOT_WORD_AT_START.exec(text)?.[0] ?? '';
  const trailing = NOT_WORD_AT_END.exec(text.slice(leading.length))?.[0] ?? '';
  const core = text.slice(leading.length, text.length - trailing.length);
  const parts = core.split(ELISION).filter((part) => /[\p{L}\p{N}]/u.test(part));
  if (parts.length === 0) return null;
  return { parts, leading, trailing, words: wordTokens(core).map((token) => token.word) };
}

/** The longest prefix of `wanted` that `text` has at `position`. */
function sharedPrefix(text: string, position: number, wanted: string): number {
  let length = 0;
  while (length < wanted.length && text[position + length] === wanted[length]) length += 1;
  return length;
}

/** The longest suffix of `wanted` that `text` has just before `position`. */
function sharedSuffix(text: string, position: number, wanted: string): number {
  let length = 0;
  while (length < wanted.length && text[position - length - 1] === wanted[wanted.length - length - 1]) length += 1;
  return length;
}

/** A letter, digit or combining mark: a character that belongs to a word. */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;

/** Whether `before` and `after` are two halves of one word: then a match may not begin or end between them. */
function withinWord(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  if (isNoSpaceScript(before) || isNoSpaceScript(after)) return false;
  return WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after);
}

/** Where `part` occurs from `from` on as whole words: "Treff" is not in "Treffen". */
function indexOfWhole(haystack: string, part: string, from: number): number {
  for (let index = haystack.indexOf(part, from); index >= 0; index = haystack.indexOf(part, index + 1)) {
    const end = index + part.length;
    if (!withinWord(haystack[index - 1], haystack[index]) && !withinWord(haystack[end - 1], haystack[end])) {
      return index;
    }
  }
  return -1;
}

/**
 * Where the needle's parts occur in order in `haystack` (normalised offsets), extended over the
 * trimmed edge punctuation where the original has it too, so a quote ending with "." covers the ".".
 */
function findNeedle(haystack: string, needle: Needle): { start: number; end: number } | null {
  const [first = '', ...rest] = needle.parts;
  const start = indexOfWhole(haystack, first, 0);
  if (start < 0) return null;
  // Each later part taken at its earliest place after the previous one: if that fails, no later
  // occurrence of the first part could succeed either.
  let end = start + first.length;
  for (const part of rest) {
    const next = indexOfWhole(haystack, part, end);
    if (next < 0) return null;
    end = next + part.length;
  }
  return {
    start: start - sharedSuffix(haystack, start, needle.leading),
    end: end + sharedPrefix(haystack, end, needle.trailing),
  };
}

const NOT_FOUND: QuoteLocation = {
  status: 'not-found',
  paragraphId: null,
  start: null,
  end: null,
  closest: null,
  parts: [],
};

function verified(parts: PassagePart[]): QuoteLocation {
  const first = parts[0];
  if (!first) return NOT_FOUND;
  return {
    status: 'verified',
    paragraphId: first.paragraphId,
    start: first.start,
    end: first.end,
    closest: null,
    parts,
  };
}

function findVerbatim(index: ArticleIndex, needle: Needle): QuoteLocation | null {
  for (const paragraph of index.paragraphs) {
    const match = findNeedle(paragraph.normalised.text, needle);
    const range = match && originalRange(paragraph.normalised, match.start, match.end);
    if (range) return verified([{ paragraphId: paragraph.id, ...range }]);
  }
  // Not within one paragraph: perhaps it runs from the end of one into the start of the next.
  for (let position = 0; position + 1 < index.paragraphs.length; position += 1) {
    const joined = index.pair(position);
    const first = index.paragraphs[position];
    const second = index.paragraphs[position + 1];
    if (!joined || !first || !second) continue;
    const match = findNeedle(joined.text, needle);
    const range = match && originalRange(joined, match.start, match.end);
    // A match inside one paragraph was found above; only one that crosses the break is new here.
    const secondStart = first.text.length + 1;
    if (!range || range.start >= first.text.length || range.end <= secondStart) continue;
    return verified([
      { paragraphId: first.id, start: range.start, end: first.text.length },
      { paragraphId: second.id, start: 0, end: range.end - secondStart },
    ]);
  }
  return null;
}

const OPENING_PUNCTUATION = /[("„“«‚‘'「『[]+$/u;
const CLOSING_PUNCTUATION = /^[.!?…。！？]*[)"”“»’'」』\]]*[.!?…。！？]*/u;

/** The closest passage as a reader should see it: with the quote marks and full stop around it. */
function widenToPunctuation(text: string, range: { start: number; end: number }): { start: number; end: number } {
  const before = OPENING_PUNCTUATION.exec(text.slice(0, range.start))?.[0].length ?? 0;
  const after = CLOSING_PUNCTUATION.exec(text.slice(range.end))?.[0].length ?? 0;
  return { start: range.start - before, end: range.end + after };
}

function findClosest(index: ArticleIndex, needle: Needle): QuoteLocation | null {
  let best: { paragraph: IndexedParagraph; similarity: number; start: number; end: number } | null = null;
  for (const paragraph of index.paragraphs) {
    const window = closestWindow(needle.words, paragraph.words, NEAR_MISS_THRESHOLD);
    if (window && (!best || window.similarity > best.similarity)) best = { paragraph, ...window };
  }
  if (!best || best.similarity < NEAR_MISS_THRESHOLD) return null;
  const range = originalRange(best.paragraph.normalised, best.start, best.end);
  if (!range) return null;
  const part = { paragraphId: best.paragraph.id, ...widenToPunctuation(best.paragraph.text, range) };
  // The same words in the same order, only punctuation differing (a dropped comma): the reader
  // finds the sentence as quoted, so it counts as verified.
  if (best.similarity === 1) return verified([part]);
  return {
    status: 'near-miss',
    paragraphId: part.paragraphId,
    start: part.start,
    end: part.end,
    closest: {
      paragraphId: part.paragraphId,
      text: best.paragraph.text.slice(part.start, part.end),
      similarity: best.similarity,
    },
    parts: [part],
  };
}

function locate(index: ArticleIndex, quote: string | undefined): QuoteLocation {
  const needle = quote ? prepareNeedle(quote) : null;
  if (!needle) return NOT_FOUND;
  return findVerbatim(index, needle) ?? findClosest(index, needle) ?? NOT_FOUND;
}

function toGrounding({ parts: _parts, ...grounding }: QuoteLocation): Grounding {
  return grounding;
}

/**
 * Where a quote is in the article, and every stretch of the original it covers.
 *
 * Verified: the quote, normalised (see normalise-text.ts), occurs in a paragraph; or, with its
 * elisions ("…") as gaps, its parts occur in order in one paragraph; or it runs across the break
 * between two consecutive paragraphs, its first part ending the first paragraph and the rest
 * starting the next. Then `paragraphId`, `start` and `end` describe the first part (ending at the
 * end of that paragraph) and `parts` has both.
 */
export function locateQuote(article: Paragraphs, quote: string | undefined): QuoteLocation {
  return locate(new ArticleIndex(article), quote);
}

/** Grounds every note's quote, in order; a note without a quote is not found. */
export function groundNotes(article: Paragraphs, notes: ReadonlyArray<{ quote?: string }> | undefined): Grounding[] {
  return locateNotes(article, notes).map(toGrounding);
}

/** `locateQuote` for every note, normalising the article once. */
export function locateNotes(
  article: Paragraphs,
  notes: ReadonlyArray<{ quote?: string }> | undefined,
): QuoteLocation[] {
  if (!notes || notes.length === 0) return [];
  const index = new ArticleIndex(article);
  return notes.map((note) => locate(index, note.quote));
}
