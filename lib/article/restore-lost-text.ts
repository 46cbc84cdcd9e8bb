import { boilerplateKind, classWords, isBoilerplateElement, linkShareOf } from '@/lib/article/boilerplate';
import { normaliseWhitespace, type TextSegment } from '@/lib/article/segments';

/** Class words of a standfirst: the lead of the story, above its body, in the site's markup. */
const LEAD_CLASS_WORDS = new Set([
  'lead',
  'leadtext',
  'standfirst',
  'teaser',
  'summary',
  'intro',
  'introduction',
  'dek',
  'deck',
  'subtitle',
  'subline',
  'description',
  'abstract',
  'excerpt',
  'chapeau',
  'chapo',
  'entradilla',
  'bajada',
  'sottotitolo',
  'lide',
  'linha',
  'лид',
  'anons',
]);
/** Words of elements that hold the story's furniture: never restored as paragraphs. */
const FURNITURE_CLASS_WORDS = new Set([
  'byline',
  'author',
  'authors',
  'dateline',
  'date',
  'time',
  'kicker',
  'overline',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'meta',
  'info',
  'caption',
  'credit',
  'credits',
  'firma',
  'share',
  'social',
  'headline',
  'title',
]);
/** Elements whose text is prose when the site wrote it in one. */
const PROSE_TAGS = new Set(['P', 'BLOCKQUOTE', 'LI']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const MIN_LEAD_WORDS = 6;
const MIN_LINK_PARAGRAPH_WORDS = 5;

/**
 * A segment of the page's article container with what it may be restored as. Judged before
 * Readability runs: Readability moves, renames and strips the elements of the copy it parses, and
 * the judgement reads the container's markup (classes, `header`, ancestors up to the region).
 */
export interface JudgedSegment {
  segment: TextSegment;
  /** The story's standfirst or lead: restored above the first paragraph Readability kept. */
  standfirst: boolean;
  /** Prose Readability may have dropped: restored between paragraphs it kept. */
  lost: boolean;
}

/**
 * Judges each segment of the page's container (lib/article/article-container.ts), collected by
 * the same walker as Readability's, with the element each came from, inside `region`.
 */
export function judgeContainerSegments(container: TextSegment[], region: Element): JudgedSegment[] {
  return container.map((segment) => {
    const block = segment.block;
    // White space between blocks is a segment of the container itself: never restored, and
    // judging it would read the whole container's text once per gap.
    if (!block || !keyOf(segment.text)) return { segment, standfirst: false, lost: false };
    const standfirst = isStandfirst(segment, block, region);
    const lost = isLostParagraph(segment, block);
    const eligible = (standfirst || lost) && isCleanText(segment) && !isFurniture(block, region);
    return { segment, standfirst: eligible && standfirst, lost: eligible && lost };
  });
}

/**
 * Brings back, in page order, the text Readability dropped from the page's own article container:
 * the standfirst (in the article's `header`, or an element with a lead class above the body),
 * paragraphs that are one link, and short paragraphs between kept ones. Readability's own
 * paragraphs stay as they are; nothing is restored from navigation, share rows, bylines,
 * datelines or boilerplate boxes, nor any line `boilerplateKind` names.
 *
 * `readable`: Readability's segments; `container`: the container's segments, judged by
 * `judgeContainerSegments`.
 */
export function restoreLostText(readable: TextSegment[], container: JudgedSegment[]): TextSegment[] {
  const keys = readable.map((segment) => keyOf(segment.text));
  const readableText = keys.join('\n');
  const matchIndex = container.map(({ segment }) => {
    const key = keyOf(segment.text);
    return key ? keys.indexOf(key) : -1;
  });
  const firstMatched = matchIndex.findIndex((index) => index >= 0);
  const lastMatched = matchIndex.findLastIndex((index) => index >= 0);
  if (firstMatched < 0) return readable;

  const result: TextSegment[] = [];
  let next = 0;
  container.forEach(({ segment, standfirst, lost }, position) => {
    const matched = matchIndex[position] ?? -1;
    if (matched >= next) {
      result.push(...readable.slice(next, matched + 1));
      next = matched + 1;
      return;
    }
    if (matched >= 0) return;
    const key = keyOf(segment.text);
    // Already there in other words (Readability joined or split it differently): not a second time.
    if (!key || readableText.includes(key)) return;
    const restore = position < firstMatched ? standfirst : position < lastMatched && lost;
    if (restore) result.push(segment);
  });
  result.push(...readable.slice(next));
  return result;
}

/**
 * The article element's own paragraphs, for a page Readability passes over as too short (the free
 * part of a paywalled story): its standfirst and prose, without headline, furniture or boilerplate.
 */
export function containerProse(container: JudgedSegment[]): TextSegment[] {
  return container.filter(({ standfirst, lost }) => standfirst || lost).map(({ segment }) => segment);
}

function keyOf(text: string): string {
  return normaliseWhitespace(text).toLocaleLowerCase();
}

function isStandfirst(segment: TextSegment, block: Element, region: Element): boolean {
  const words = wordCount(segment.text);
  if (words < MIN_LEAD_WORDS || !/[.!?…»“”"'。！？]$/u.test(normaliseWhitespace(segment.text))) return false;
  if (hasLeadClass(block, region)) return true;
  if (HEADING_TAGS.has(block.tagName.toUpperCase())) return false;
  const header = block.closest('header');
  return header !== null && region.contains(header);
}

function isLostParagraph(segment: TextSegment, block: Element): boolean {
  if (!PROSE_TAGS.has(block.tagName.toUpperCase())) return false;
  const text = normaliseWhitespace(segment.text);
  // A paragraph that is one link is prose when it is a sentence, not a headline of another story.
  if (linkShareOf(block) > 0.9) return wordCount(text) >= MIN_LINK_PARAGRAPH_WORDS && /[.!?…»“”"'。！？]$/u.test(text);
  return true;
}

function isCleanText(segment: TextSegment): boolean {
  return boilerplateKind(segment.text, segment.block ? linkShareOf(segment.block) : 0) === null;
}

/** The block or an ancestor up to the region is a box of boilerplate or the story's furniture. */
function isFurniture(block: Element, region: Element): boolean {
  for (let element: Element | null = block; element && element !== region; element = element.parentElement) {
    if (isBoilerplateElement(element)) return true;
    if (classWords(element).some((word) => FURNITURE_CLASS_WORDS.has(word))) return true;
  }
  return false;
}

function hasLeadClass(block: Element, region: Element): boolean {
  for (let element: Element | null = block; element && element !== region; element = element.parentElement) {
    if (classWords(element).some((word) => LEAD_CLASS_WORDS.has(word))) return true;
    if (element.getAttribute('itemprop') === 'description') return true;
  }
  return false;
}

function wordCount(text: string): number {
  return normaliseWhitespace(text).split(' ').filter(Boolean).length;
}
