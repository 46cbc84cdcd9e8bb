import { normaliseWhitespace, SegmentBuilder, type TextSegment } from './segments';

/** Elements whose text is a paragraph of the article, in Readability's output. */
const BLOCK_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DT', 'DD']);

/** "Foto: dpa" is a credit, not a caption worth translating. */
const MIN_CAPTION_WORDS = 4;
const CREDIT_PREFIX = /^(?:(?:foto|photo|bild|image|credit|quelle|source)\b|©)/iu;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Walks Readability's content in reading order and turns each block-level text element into a
 * segment. A block nested in another (a `p` inside a `blockquote`) becomes its own paragraph;
 * text of the outer block around it is kept as separate paragraphs rather than lost.
 * Text outside any block (loose text in a `div` or a table cell) is left out, as Readability
 * has already wrapped real body text into `p` elements.
 */
export function collectReadableBlocks(content: Element): TextSegment[] {
  const builder = new SegmentBuilder();
  visit(content, false, builder);
  return builder.finish();
}

function visit(node: Node, insideBlock: boolean, builder: SegmentBuilder): void {
  if (node.nodeType === TEXT_NODE) {
    if (insideBlock) builder.appendText(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (tag === 'BR') {
    if (insideBlock) builder.appendText(' ');
    return;
  }
  if (tag === 'FIGCAPTION' && !isMeaningfulCaption(element)) return;
  if (tag === 'A' && insideBlock) builder.addLink(element.textContent ?? '', element.getAttribute('href') ?? '');
  const isBlock = BLOCK_TAGS.has(tag);
  if (isBlock) builder.break();
  for (const child of Array.from(element.childNodes)) visit(child, insideBlock || isBlock, builder);
  if (isBlock) builder.break();
}

function isMeaningfulCaption(caption: Element): boolean {
  const text = normaliseWhitespace(caption.textContent ?? '');
  return !CREDIT_PREFIX.test(text) && text.split(' ').length >= MIN_CAPTION_WORDS;
}
