import { ArticleSchema, type ExtractionResult, type ExtractionSource, type Paragraph } from './article';
import type { ExtractionRequest } from './extraction-request';
import { languageSample } from './language-sample';
import { collectPageBlocks } from './page-blocks';
import { type ReadabilityMetadata, readPageMetadata } from './page-metadata';
import { parseReadableArticle } from './readability-article';
import { collectReadableBlocks } from './readable-blocks';
import { scriptLanguage } from './script-language';
import { normaliseWhitespace, segmentsToParagraphs, type TextSegment, textToSegments } from './segments';
import { textWeight } from './text-weight';
import { countWords } from './word-count';
import { messageOf } from '../message-of';

/**
 * Below this much text Readability has found a teaser, a caption or a list, not an article
 * (Readability retries below 500 characters, but still returns what it has). In Latin-letter
 * equivalents (`textWeight`): 400 characters of Chinese are a whole short article.
 */
export const MIN_ARTICLE_CHARACTERS = 400;

interface Body {
  segments: TextSegment[];
  readability: ReadabilityMetadata | null;
}

/** The failure of the whole-page source on a page without text. */
export const NO_VISIBLE_TEXT = 'The page has no visible text.';

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
    if (!hasEnoughText(paragraphs, request.source)) return noText(request.source, selectionText.trim() !== '');
    const article = ArticleSchema.parse({
      ...metadata,
      ...languageFromScript(metadata, paragraphs),
      paragraphs,
      links,
      wordCount: countWords(paragraphs),
      source: request.source,
    });
    return { ok: true, article };
  } catch (error) {
    const detail = messageOf(error);
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
  let weight = 0;
  for (const paragraph of paragraphs) {
    weight += textWeight(paragraph.text);
    if (weight >= MIN_ARTICLE_CHARACTERS) return true;
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

/** A page that declares no language, written in a script only one language uses: the script says it. */
function languageFromScript(
  metadata: { languageSource: string },
  paragraphs: Paragraph[],
): { language: string; languageSource: 'detected' } | null {
  if (metadata.languageSource !== 'unknown') return null;
  const language = scriptLanguage(languageSample(paragraphs));
  return language ? { language, languageSource: 'detected' } : null;
}

/** An empty page is a failure; an empty article or selection points the user to the other sources. */
function noText(source: ExtractionSource, hasSelection: boolean): ExtractionResult {
  return source === 'page'
    ? { ok: false, error: { code: 'extraction-failed', detail: NO_VISIBLE_TEXT } }
    : { ok: false, error: { code: 'not-an-article', hasSelection } };
}
