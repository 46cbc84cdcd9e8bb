import type { Article } from '@/lib/article/article';
import { findHedgeMarkers } from '@/lib/hedges/find-hedge-markers';
import { hedgeLexicon } from '@/lib/hedges/hedge-lexicon';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import type { QuoteLocation } from '@/lib/attribution/grounding';
import { normaliseText } from '@/lib/attribution/normalise-text';
import { type SentenceSpan, sentenceSpans } from '@/lib/attribution/sentence-spans';

type PartialNote = NonNullable<PartialAnalysis['notes']>[number];

/**
 * Whether the article itself attributes a verified quote as the note does.
 * - `named`: the source's name, a relay's name or a cue phrase of the note is in the passage;
 * - `relayed`: the quoted sentence is reported speech (Konjunktiv I "sei", "soll", "laut" …, from the
 *   language's lexicon) continuing an attribution made in the sentence before ("…, so die Zeitung weiter.");
 * - `missing`: neither: the quote is in the article, but the article does not say that this source says it;
 * - `not-applicable`: the note names no source (an unattributed assertion), or its quote is not verified.
 */
export type AttributionStatus = 'named' | 'relayed' | 'missing' | 'not-applicable';

export interface AttributionCheck {
  status: AttributionStatus;
  /** The article's text that was searched: the sentence before the quote, the quoted sentence(s), the one after. */
  passage: string;
}

const NOT_APPLICABLE: AttributionCheck = { status: 'not-applicable', passage: '' };

/** Words of a name that cannot identify anyone on their own. */
const GENERIC_WORDS = new Set(['this', 'page', 'the', 'none', 'unnamed', 'unspecified', 'anonymous', 'sources']);

/**
 * Checks a verified note's attribution against the article. The passage is the quoted sentence with
 * the sentence before it (where a source is usually named) and the sentence after it: articles in German
 * and English often name the source right after the claim ("Ein Abkommen steht offenbar kurz bevor.
 * Dies verkündete … Christopher Smith"), and the seed article's first note is such a case.
 * Names match by any capitalised word of four letters or more ("Smith" in "Smiths Treffen",
 * "Lukaschenko" in "Lukaschenkos"), or whole for scripts without case; cue phrases match whole. Both
 * after normalisation (case, quote marks, dashes, spaces).
 */
export function checkAttribution(
  article: Pick<Article, 'paragraphs' | 'language'>,
  note: PartialNote,
  location: QuoteLocation | null,
): AttributionCheck {
  return createAttributionChecker(article)(note, location);
}

/** `checkAttribution` for many notes of one article: its sentences are found once. */
export function createAttributionChecker(
  article: Pick<Article, 'paragraphs' | 'language'>,
): (note: PartialNote, location: QuoteLocation | null) => AttributionCheck {
  let sentences: Sentence[] | null = null;
  return (note, location) => {
    if (location?.status !== 'verified' || !isAttributed(note)) return NOT_APPLICABLE;
    sentences ??= articleSentences(article);
    return checkWindow(article, note, passageAround(article, sentences, location));
  };
}

function checkWindow(article: Pick<Article, 'language'>, note: PartialNote, window: Window | null): AttributionCheck {
  if (!window) return NOT_APPLICABLE;
  const passage = window.before + window.quoted + window.after;
  const haystack = normaliseText(passage).text;
  const needles = [
    ...nameWords(note.source?.name),
    ...(note.chain ?? []).flatMap((link) => [...nameWords(link?.name), ...phrase(link?.cue)]),
  ];
  if (needles.some((needle) => haystack.includes(needle))) return { status: 'named', passage };
  const terms = hedgeLexicon(article.language).filter((term) => term.category === 'attribution');
  const reported = (text: string) => terms.length > 0 && findHedgeMarkers(text, terms).length > 0;
  if (reported(window.quoted) && reported(window.before)) return { status: 'relayed', passage };
  return { status: 'missing', passage };
}

function isAttributed(note: PartialNote): boolean {
  if (note.kind === 'unattributed-assertion' || note.source?.type === 'none') return false;
  const name = note.source?.name?.trim().toLowerCase();
  return Boolean(name) && name !== 'none';
}

/** The comparable forms of the words that identify a name. */
function nameWords(name: string | null | undefined): string[] {
  if (!name?.trim()) return [];
  const words = name.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const identifying = words.filter(
    (word) => /^\p{Lu}/u.test(word) && word.length >= 4 && !GENERIC_WORDS.has(word.toLowerCase()),
  );
  // A name in a script without case (Chinese, Japanese, Arabic, Hebrew) is matched whole.
  const caseless = words.length > 0 && words.every((word) => !/[\p{Lu}\p{Ll}]/u.test(word));
  return (caseless ? [name] : identifying).map((word) => normaliseText(word).text).filter(Boolean);
}

function phrase(cue: string | null | undefined): string[] {
  const text = cue ? normaliseText(cue).text : '';
  return text.length >= 3 ? [text] : [];
}

interface Window {
  before: string;
  quoted: string;
  after: string;
}

interface Sentence {
  paragraph: number;
  text: string;
  span: SentenceSpan;
}

function articleSentences(article: Pick<Article, 'paragraphs'>): Sentence[] {
  return article.paragraphs.flatMap((paragraph, index) =>
    sentenceSpans(paragraph.text).map((span) => ({ paragraph: index, text: paragraph.text, span })),
  );
}

/** The sentence before the quote, the sentences it covers, and the one after, across paragraph breaks. */
function passageAround(
  article: Pick<Article, 'paragraphs'>,
  sentences: Sentence[],
  location: QuoteLocation,
): Window | null {
  const first = location.parts[0];
  const last = location.parts.at(-1);
  if (!first || !last) return null;
  const indexOf = (paragraphId: string) => article.paragraphs.findIndex((paragraph) => paragraph.id === paragraphId);
  const covering = (paragraphId: string, offset: number) => {
    const paragraph = indexOf(paragraphId);
    return sentences.findIndex(
      (sentence) => sentence.paragraph === paragraph && sentence.span.start <= offset && offset < sentence.span.end,
    );
  };
  const from = covering(first.paragraphId, first.start);
  const to = covering(last.paragraphId, Math.max(last.start, last.end - 1));
  if (from < 0 || to < from) return null;
  const text = (sentence: Sentence | undefined) =>
    sentence ? `${sentence.text.slice(sentence.span.start, sentence.span.end).trim()} ` : '';
  return {
    before: text(sentences[from - 1]),
    quoted: sentences
      .slice(from, to + 1)
      .map(text)
      .join(''),
    after: text(sentences[to + 1]),
  };
}
