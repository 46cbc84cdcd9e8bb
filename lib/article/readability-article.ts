import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { ReadabilityMetadata } from './page-metadata';

export interface ReadableArticle extends ReadabilityMetadata {
  /** Readability's cleaned article body, an element of a clone of the page. */
  content: Element;
}

const DOCUMENT_NODE = 9;
const ELEMENT_NODE = 1;

/**
 * Runs Readability on a clone of the page (Readability mutates what it parses) when the page
 * looks like an article; null when it does not. The caller still checks that enough text came out.
 */
export function parseReadableArticle(document: Document): ReadableArticle | null {
  if (!isProbablyReaderable(document)) return null;
  const clone = document.cloneNode(true);
  if (!isDocument(clone)) return null;
  // The identity serializer hands back the content element, so the paragraphs are read from the
  // DOM rather than re-parsed from an HTML string.
  const parsed = new Readability<Node>(clone, { serializer: (node) => node }).parse();
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

// Node type checks rather than `instanceof`: the document may come from another realm
// (a test window, a frame), whose Document class is not this realm's.
function isDocument(node: Node): node is Document {
  return node.nodeType === DOCUMENT_NODE;
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}
