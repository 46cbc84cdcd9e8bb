/**
 * Finds passages of the article in the live page and returns a DOM Range for each (null when it
 * is not there). The page is read as the reader sees it: text nodes in document order, skipping
 * scripts, styles and hidden elements; a passage may run through several text nodes and elements
 * (a link inside a sentence). Both sides are compared after `normaliseText`, as grounding does, so
 * a passage matches the page whatever its quotation marks, spaces or soft hyphens.
 */

import { normaliseText, originalRange } from '@/lib/attribution/normalise-text';
import { INLINE_TAGS } from '@/lib/article/inline-tags';

/** Elements whose text the reader never sees as text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'SVG',
  'MATH',
  'HEAD',
]);

/** Where passages are preferred when a page repeats one (a teaser above the article, say). */
const ARTICLE_CONTAINER = 'article, main, [role="main"], [itemprop="articleBody"]';

interface TextPiece {
  node: Text;
  /** Offset of the node's first character in the page text. */
  start: number;
}

interface PageText {
  text: string;
  pieces: TextPiece[];
}

function isRendered(element: Element): boolean {
  // The user agent's `[hidden] { display: none }`, checked directly: not every DOM applies it.
  if (element.hasAttribute('hidden')) return false;
  const view = element.ownerDocument.defaultView;
  if (typeof element.checkVisibility === 'function') {
    // `display: contents` has no box of its own, yet its children are rendered.
    return element.checkVisibility() || view?.getComputedStyle(element).display === 'contents';
  }
  return view?.getComputedStyle(element).display !== 'none';
}

// Node types by number, not `instanceof`: nodes may come from another window (a frame, a test document).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isElement(node: Node | null): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

function isText(node: Node | null): node is Text {
  return node?.nodeType === TEXT_NODE;
}

function blockOf(node: Node): Node | null {
  let current = node.parentNode;
  while (isElement(current) && INLINE_TAGS.has(current.tagName.toUpperCase())) current = current.parentNode;
  return current;
}

/** What an element renders: its open shadow root's children, a slot's assigned nodes, else its own children. */
function renderedChildren(element: Element): Node[] {
  if (element.shadowRoot) return Array.from(element.shadowRoot.childNodes);
  if (element.tagName.toUpperCase() === 'SLOT') {
    const assigned = (element as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length > 0) return assigned;
  }
  return Array.from(element.childNodes);
}

/** The page's visible text as one string, with the text node each stretch of it came from. */
function readPageText(document: Document): PageText {
  const root = document.body ?? document.documentElement;
  const view = document.defaultView;
  const pieces: TextPiece[] = [];
  const parts: string[] = [];
  let length = 0;
  let previousBlock: Node | null = null;
  const invisibleParents = new Map<Element, boolean>();
  const isInvisible = (parent: Element | null): boolean => {
    if (!parent || !view) return false;
    let invisible = invisibleParents.get(parent);
    if (invisible === undefined) {
      const visibility = view.getComputedStyle(parent).visibility;
      invisible = visibility === 'hidden' || visibility === 'collapse';
      invisibleParents.set(parent, invisible);
    }
    return invisible;
  };
  const append = (text: string) => {
    parts.push(text);
    length += text.length;
  };

  // A recursive walk rather than a TreeWalker: the article may sit in open shadow roots (web
  // components, declarative shadow DOM), which a TreeWalker does not enter. A host's shadow tree
  // is read in place of its children, as it is rendered; a slot shows what is assigned to it.
  const visit = (node: Node): void => {
    if (isElement(node)) {
      const tag = node.tagName.toUpperCase();
      if (SKIPPED.has(tag) || !isRendered(node)) return;
      if (tag === 'BR') {
        append('\n');
        return;
      }
      for (const child of renderedChildren(node)) visit(child);
      return;
    }
    if (!isText(node) || !node.data || isInvisible(node.parentElement)) return;
    const block = blockOf(node);
    if (previousBlock !== null && block !== previousBlock) append('\n');
    previousBlock = block;
    pieces.push({ node, start: length });
    append(node.data);
  };
  for (const child of renderedChildren(root)) visit(child);
  return { text: parts.join(''), pieces };
}

/** The piece holding page-text offset `offset` (binary search: pieces are in order). */
function pieceAt(pieces: TextPiece[], offset: number): TextPiece | null {
  let low = 0;
  let high = pieces.length - 1;
  let found: TextPiece | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const piece = pieces[middle];
    if (!piece) break;
    if (piece.start <= offset) {
      found = piece;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function rangeFor(document: Document, pieces: TextPiece[], start: number, end: number): Range | null {
  const first = pieceAt(pieces, start);
  const last = pieceAt(pieces, end - 1);
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(first.node, Math.min(start - first.start, first.node.data.length));
  range.setEnd(last.node, Math.min(end - last.start, last.node.data.length));
  return range;
}

/** At most this many occurrences of one passage, per document, are considered when choosing the article's. */
const MAX_OCCURRENCES = 20;

/**
 * For each passage, its range in the first of `documents` to hold it inside an article container,
 * else its first occurrence in any of them. Several documents: the page and its same-origin frames,
 * whose article the extraction may have read (lib/article/extract-page.ts); a frame's `<article>`
 * is preferred over a teaser in the page around it that repeats the lead.
 */
export function findPassageRanges(
  documents: Document | readonly Document[],
  passages: readonly string[],
): Array<Range | null> {
  const searched = (Array.isArray(documents) ? documents : [documents]).map((document: Document) => {
    const page = readPageText(document);
    return { document, page, normalised: normaliseText(page.text) };
  });
  return passages.map((passage) => {
    const needle = normaliseText(passage).text;
    if (!needle) return null;
    const ranges: Range[] = [];
    for (const { document, page, normalised } of searched) {
      let count = 0;
      for (
        let position = normalised.text.indexOf(needle);
        position >= 0 && count < MAX_OCCURRENCES;
        position = normalised.text.indexOf(needle, position + 1)
      ) {
        const span = originalRange(normalised, position, position + needle.length);
        const range = span && rangeFor(document, page.pieces, span.start, span.end);
        if (range) {
          ranges.push(range);
          count += 1;
        }
      }
    }
    const inArticle = ranges.find((range) => range.startContainer.parentElement?.closest(ARTICLE_CONTAINER));
    return inArticle ?? ranges[0] ?? null;
  });
}
