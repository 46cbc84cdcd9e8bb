import { INLINE_TAGS } from '@/lib/article/inline-tags';
import { normaliseWhitespace, SegmentBuilder, type TextSegment } from '@/lib/article/segments';

/** Elements whose text is one paragraph: a single `<br>` in them is a line break within it. */
const TEXT_BLOCK_TAGS = new Set([
  'P',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'DT',
  'DD',
]);

/** "Foto: dpa" is a credit, not a caption worth translating. */
const MIN_CAPTION_WORDS = 4;
const CREDIT_PREFIX = /^(?:(?:foto|photo|bild|image|credit|quelle|source)\b|©)/iu;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Walks an article body in reading order and turns its text into paragraph segments, each
 * tagged with the element it sat in. Every piece of text counts: a block nested in another (a `p`
 * inside a `blockquote`) becomes its own paragraph and the outer block's text around it is kept;
 * text outside any block (a lede written as loose text before `<br><br>`-separated paragraphs, text
 * beside a link directly in a `div`) becomes paragraphs too, cut at `<br>`s and at block elements.
 * The `h1` is the headline, not a paragraph.
 */
export function collectReadableBlocks(content: Element): TextSegment[] {
  const builder = new SegmentBuilder();
  visit(content, content, false, builder);
  return builder.finish();
}

function visit(node: Node, block: Element, insideTextBlock: boolean, builder: SegmentBuilder): void {
  if (node.nodeType === TEXT_NODE) {
    builder.appendText(node.nodeValue ?? '', block);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (tag === 'BR') {
    // One `<br>` inside a paragraph is a line of it (an address, a verse); outside one, or two in a row, a new paragraph.
    if (insideTextBlock && !isBrRun(element)) builder.appendText(' ', block);
    else builder.break();
    return;
  }
  if (tag === 'H1') return;
  if (tag === 'FIGCAPTION' && !isMeaningfulCaption(element)) return;
  if (tag === 'A') builder.addLink(element.textContent ?? '', element.getAttribute('href') ?? '');
  const isInline = INLINE_TAGS.has(tag);
  if (!isInline) builder.break();
  const childBlock = isInline ? block : element;
  const childInside = isInline ? insideTextBlock : insideTextBlock || TEXT_BLOCK_TAGS.has(tag);
  for (const child of Array.from(element.childNodes)) visit(child, childBlock, childInside, builder);
  if (!isInline) builder.break();
}

/** A `<br>` next to another one, with only white space between them. */
function isBrRun(br: Element): boolean {
  return isBr(neighbour(br, 'previousSibling')) || isBr(neighbour(br, 'nextSibling'));
}

function neighbour(node: Node, direction: 'previousSibling' | 'nextSibling'): Node | null {
  let current = node[direction];
  while (current && current.nodeType === TEXT_NODE && (current.nodeValue ?? '').trim() === '')
    current = current[direction];
  return current;
}

function isBr(node: Node | null): boolean {
  return node?.nodeType === ELEMENT_NODE && (node as Element).tagName.toUpperCase() === 'BR';
}

function isMeaningfulCaption(caption: Element): boolean {
  const text = normaliseWhitespace(caption.textContent ?? '');
  return !CREDIT_PREFIX.test(text) && text.split(' ').length >= MIN_CAPTION_WORDS;
}
