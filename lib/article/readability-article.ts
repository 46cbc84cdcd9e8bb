import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { bestLooseTextElement } from '@/lib/article/loose-text';
import type { ReadabilityMetadata } from '@/lib/article/page-metadata';
import { textDensity } from '@/lib/article/text-weight';

export interface ReadableArticle extends ReadabilityMetadata {
  /** Readability's cleaned article body, an element of a clone of the page. */
  content: Element;
}

const ELEMENT_NODE = 1;

/** Readability's defaults (`Readability-readerable.js`, `DEFAULT_CHAR_THRESHOLD`), for alphabetic text. */
const READERABLE_MIN_CONTENT_LENGTH = 140;
const READERABLE_MIN_SCORE = 20;
const CHAR_THRESHOLD = 500;
/** Enough of the page's paragraphs to tell which script they are written in. */
const DENSITY_SAMPLE_CHARACTERS = 20_000;

/**
 * Runs Readability on the document when the page looks like an article; null when it does not.
 * Readability mutates what it parses: give it a copy (lib/article/visible-copy.ts). The caller
 * still checks that enough text came out.
 */
export function parseReadableArticle(document: Document): ReadableArticle | null {
  // Readability counts characters; Chinese and Japanese say in one what English says in three.
  // Scaling its thresholds by the page's density keeps the same bar in every script: with lengths
  // multiplied by d, `Σ sqrt(d·length − 140) > 20` is `Σ sqrt(length − 140/d) > 20/√d`.
  const density = paragraphDensity(document);
  const { minContentLength, minScore } = readerableThresholds(density);
  const readerable =
    isProbablyReaderable(document, { minContentLength, minScore }) ||
    // Loose text between `<br>`s in a table cell, which Readability's test does not score (lib/article/loose-text.ts).
    (bestLooseTextElement(document, minContentLength)?.score ?? 0) > minScore;
  if (!readerable) return null;
  // The identity serializer hands back the content element, so the paragraphs are read from the
  // DOM rather than re-parsed from an HTML string.
  const parsed = new Readability<Node>(document, {
    serializer: (node) => node,
    charThreshold: Math.round(CHAR_THRESHOLD / density),
  }).parse();
  const content = parsed?.content;
  if (!parsed || !content || !isElement(content)) return null;
  return {
    content,
    title: parsed.title,
    byline: parsed.byline,
    siteName: parsed.siteName,
    publishedTime: parsed.publishedTime,
  };
}

/** Readability's `isProbablyReaderable` thresholds, for text of this density (`textDensity`). */
export function readerableThresholds(density: number): { minContentLength: number; minScore: number } {
  return {
    minContentLength: READERABLE_MIN_CONTENT_LENGTH / density,
    minScore: READERABLE_MIN_SCORE / Math.sqrt(density),
  };
}

/** Density of the text in the elements `isProbablyReaderable` scores (p, pre, article), from a sample. */
export function paragraphDensity(document: Document): number {
  let sample = '';
  for (const node of Array.from(document.querySelectorAll('p, pre'))) {
    sample += node.textContent ?? '';
    if (sample.length >= DENSITY_SAMPLE_CHARACTERS) break;
  }
  // No paragraphs: the article element's text, else the body's (an article as loose text in a table cell).
  if (sample === '')
    sample = ((document.querySelector('article') ?? document.body)?.textContent ?? '').slice(
      0,
      DENSITY_SAMPLE_CHARACTERS,
    );
  return textDensity(sample.replace(/\s+/gu, ''));
}

// Node type checks rather than `instanceof`: the document may come from another realm
// (a test window, a frame), whose Document class is not this realm's.
function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}
