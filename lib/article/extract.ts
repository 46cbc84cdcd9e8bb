import { NO_VISIBLE_TEXT } from '@/lib/article/no-visible-text';
import {
  ArticleSchema,
  type ExtractionResult,
  type ExtractionSource,
  type Paragraph,
  type Truncation,
} from '@/lib/article/article';
import { findArticleContainer } from '@/lib/article/article-container';
import { articleLanguage, containerLanguage } from '@/lib/article/article-language';
import { boilerplateKind, isBoilerplateBox, isFurnitureLine } from '@/lib/article/boilerplate';
import type { ExtractionRequest } from '@/lib/article/extraction-request';
import { liveBlogSegments } from '@/lib/article/live-blog';
import { collectPageBlocks } from '@/lib/article/page-blocks';
import { type ReadabilityMetadata, readPageMetadata } from '@/lib/article/page-metadata';
import { detectPaywall, type PaywallEvidence } from '@/lib/article/paywall';
import { parseReadableArticle } from '@/lib/article/readability-article';
import { collectReadableBlocks } from '@/lib/article/readable-blocks';
import { containerProse, judgeContainerSegments, restoreLostText } from '@/lib/article/restore-lost-text';
import { normaliseWhitespace, segmentsToParagraphs, type TextSegment, textToSegments } from '@/lib/article/segments';
import { tableLayoutContainer } from '@/lib/article/table-layout';
import { textWeight } from '@/lib/article/text-weight';
import { copyVisiblePage } from '@/lib/article/visible-copy';
import { countWords } from '@/lib/article/word-count';
import { messageOf } from '@/lib/message-of';

/**
 * Below this much text Readability has found a teaser, a caption or a list, not an article
 * (Readability retries below 500 characters, but still returns what it has). In Latin-letter
 * equivalents (`textWeight`): 400 characters of Chinese are a whole short article.
 */
export const MIN_ARTICLE_CHARACTERS = 400;
/** A page that says a paywall hides the rest: a teaser of a few sentences is the article shown. */
const MIN_PAYWALLED_CHARACTERS = 150;

interface Body {
  segments: TextSegment[];
  readability: ReadabilityMetadata | null;
  /** The `lang` of the page's own article element (or an ancestor): the best word on the language. */
  containerLang: string | null;
  paywall: PaywallEvidence | null;
}

export interface ExtractOptions {
  /** Where the document's relative links point from; its own `baseURI` by default. */
  baseUrl?: string;
}

/** Pure: reads the document (never changes it) and returns the article, or why there is none. */
export function extractArticle(
  document: Document,
  request: ExtractionRequest,
  options: ExtractOptions = {},
): ExtractionResult {
  try {
    const selectionText = request.selectionText ?? document.getSelection()?.toString() ?? '';
    const body = readBody(document, request.source, selectionText);
    const metadata = readPageMetadata(document, body?.readability ?? null);
    const { paragraphs, links } = body
      ? segmentsToParagraphs(
          request.source === 'article' ? withoutRepeatedTitle(body.segments, metadata.title) : body.segments,
          options.baseUrl ?? document.baseURI,
        )
      : { paragraphs: [], links: [] };
    if (!hasEnoughText(paragraphs, request.source, body?.paywall != null))
      return noText(request.source, selectionText.trim() !== '');
    const truncation: Truncation | undefined = body?.paywall
      ? { reason: 'paywall', evidence: body.paywall, paragraphCount: paragraphs.length }
      : undefined;
    const article = ArticleSchema.parse({
      ...metadata,
      ...articleLanguage(document, body?.containerLang ?? null, paragraphs),
      paragraphs,
      links,
      wordCount: countWords(paragraphs),
      source: request.source,
      ...(truncation ? { truncation } : {}),
    });
    return { ok: true, article };
  } catch (error) {
    const detail = messageOf(error);
    return { ok: false, error: { code: 'extraction-failed', detail } };
  }
}

function readBody(document: Document, source: ExtractionSource, selectionText: string): Body | null {
  switch (source) {
    case 'article':
      return readArticleBody(document);
    case 'selection':
      return { segments: textToSegments(selectionText), readability: null, containerLang: null, paywall: null };
    case 'page': {
      const copy = copyVisiblePage(document);
      const container = findArticleContainer(copy.document);
      return {
        segments: collectPageBlocks(copy.document),
        readability: null,
        containerLang: containerLanguage(container?.body ?? null),
        paywall: null,
      };
    }
  }
}

/**
 * The article as the reader sees it: Readability on a copy of the visible page (shadow roots
 * flattened, hidden text left out), with what Readability dropped from the page's own article
 * element brought back, boxes and lines of boilerplate left out, and a paywall noted.
 */
function readArticleBody(document: Document): Body | null {
  const copy = copyVisiblePage(document);
  const container = findArticleContainer(copy.document) ?? tableLayoutContainer(copy.document);
  const paywall = detectPaywall({
    live: document,
    copy: copy.document,
    liveElementOf: copy.liveElementOf,
    region: container?.region ?? null,
  });
  for (const box of paywall?.boxes ?? []) box.remove();
  for (const box of Array.from(copy.document.body?.querySelectorAll('*') ?? [])) {
    if (box.isConnected && (isBoilerplateBox(box) || isFurnitureLine(box))) box.remove();
  }
  // Everything read from the container is read now: Readability gets this same copy (a second
  // copy of the page cost as much as a sixth of the extraction), and moves, renames and strips its
  // elements as it parses.
  const containerSegments = container
    ? judgeContainerSegments(collectReadableBlocks(container.region), container.region)
    : [];
  const liveBlog = container ? liveBlogSegments(container.region, document) : null;
  const containerLang = containerLanguage(container?.body ?? null);
  const readable = parseReadableArticle(copy.document);
  let segments: TextSegment[];
  if (readable) {
    const readableSegments = collectReadableBlocks(readable.content);
    segments = liveBlog ?? (container ? restoreLostText(readableSegments, containerSegments) : readableSegments);
  } else if (container && (liveBlog || paywall)) {
    // Too short for Readability's bar, yet the page says what it is: a live blog's first posts, or
    // the free part of a paywalled story. Its own article element's prose is the article.
    segments = liveBlog ?? containerProse(containerSegments);
  } else {
    return null;
  }
  return {
    segments: segments.filter(
      (segment) => boilerplateKind(segment.text, linkShare(segment), segment.links.length) === null,
    ),
    readability: readable,
    containerLang,
    paywall: paywall?.evidence ?? null,
  };
}

/** Share of a segment's characters inside its links. */
function linkShare(segment: TextSegment): number {
  const length = normaliseWhitespace(segment.text).length;
  if (length === 0) return 0;
  const linked = segment.links.reduce((sum, link) => sum + normaliseWhitespace(link.text).length, 0);
  return Math.min(1, linked / length);
}

function hasEnoughText(paragraphs: Paragraph[], source: ExtractionSource, paywalled: boolean): boolean {
  if (source !== 'article') return paragraphs.length > 0;
  // The free part of a paywalled story may be two short paragraphs: still all the reader has.
  const minimum = paywalled ? MIN_PAYWALLED_CHARACTERS : MIN_ARTICLE_CHARACTERS;
  let weight = 0;
  for (const paragraph of paragraphs) {
    weight += textWeight(paragraph.text);
    if (weight >= minimum) return true;
  }
  return false;
}

/**
 * Readability drops a heading that repeats the title, but compares ASCII words only (its
 * `_textSimilarity` splits at `\W`), so in Hebrew, Arabic, Russian, Chinese… the headline came
 * back as the first paragraph. The heading is dropped here when it is the title, word for word.
 */
function withoutRepeatedTitle(segments: TextSegment[], title: string): TextSegment[] {
  const wanted = normaliseWhitespace(title).toLocaleLowerCase();
  if (!wanted) return segments;
  const firstIndex = segments.findIndex((segment) => normaliseWhitespace(segment.text) !== '');
  const first = segments[firstIndex];
  if (!first || normaliseWhitespace(first.text).toLocaleLowerCase() !== wanted) return segments;
  return segments.filter((_, index) => index !== firstIndex);
}

/** An empty page is a failure; an empty article or selection points the user to the other sources. */
function noText(source: ExtractionSource, hasSelection: boolean): ExtractionResult {
  return source === 'page'
    ? { ok: false, error: { code: 'extraction-failed', detail: NO_VISIBLE_TEXT } }
    : { ok: false, error: { code: 'not-an-article', hasSelection } };
}
