import { ArticleSchema, type ExtractionResult, type ExtractionSource, type Paragraph } from './article';
import type { ExtractionRequest } from './extraction-request';
import { collectPageBlocks } from './page-blocks';
import { type ReadabilityMetadata, readPageMetadata } from './page-metadata';
import { parseReadableArticle } from './readability-article';
import { collectReadableBlocks } from './readable-blocks';
import { segmentsToParagraphs, type TextSegment, textToSegments } from './segments';
import { countWords } from './word-count';

/**
 * Below this much text Readability has found a teaser, a caption or a list, not an article
 * (Readability retries below 500 characters, but still returns what it has).
 */
export const MIN_ARTICLE_CHARACTERS = 400;

interface Body {
  segments: TextSegment[];
  readability: ReadabilityMetadata | null;
}

/** Pure: reads the document (never changes it) and returns the article, or why there is none. */
export function extractArticle(document: Document, request: ExtractionRequest): ExtractionResult {
  try {
    const selectionText = request.selectionText ?? document.getSelection()?.toString() ?? '';
    const body = readBody(document, request.source, selectionText);
    const { paragraphs, links } = body
      ? segmentsToParagraphs(body.segments, document.baseURI)
      : { paragraphs: [], links: [] };
    if (!hasEnoughText(paragraphs, request.source)) return noText(request.source, selectionText.trim() !== '');
    const article = ArticleSchema.parse({
      ...readPageMetadata(document, body?.readability ?? null),
      paragraphs,
      links,
      wordCount: countWords(paragraphs),
      source: request.source,
    });
    return { ok: true, article };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'extraction-failed', detail } };
  }
}

function readBody(document: Document, source: ExtractionSource, selectionText: string): Body | null {
  switch (source) {
    case 'article': {
      const readable = parseReadableArticle(document);
      return readable ? { segments: collectReadableBlocks(readable.content), readability: readable } : null;
    }
    case 'selection':
      return { segments: textToSegments(selectionText), readability: null };
    case 'page':
      return { segments: collectPageBlocks(document), readability: null };
  }
}

function hasEnoughText(paragraphs: Paragraph[], source: ExtractionSource): boolean {
  if (source !== 'article') return paragraphs.length > 0;
  const characters = paragraphs.reduce((total, paragraph) => total + paragraph.text.length, 0);
  return characters >= MIN_ARTICLE_CHARACTERS;
}

/** An empty page is a failure; an empty article or selection points the user to the other sources. */
function noText(source: ExtractionSource, hasSelection: boolean): ExtractionResult {
  return source === 'page'
    ? { ok: false, error: { code: 'extraction-failed', detail: 'The page has no visible text.' } }
    : { ok: false, error: { code: 'not-an-article', hasSelection } };
}
