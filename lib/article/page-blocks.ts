import { SegmentBuilder, type TextSegment } from '@/lib/article/segments';

/** Never visible text, or navigation that would drown the page's own text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'NAV',
]);

/** Elements that start a new line, as `innerText` would render them. */
const LINE_BREAKING_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TR',
  'UL',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The page's visible text as line segments, for "analyse the whole page". A walker rather than
 * `body.innerText`: it leaves out navigation and keeps the links of each line, and it gives the
 * same answer in a browser and in tests. It reads the live document and changes nothing.
 */
export function collectPageBlocks(document: Document): TextSegment[] {
  const builder = new SegmentBuilder();
  if (document.body) visit(document.body, builder);
  return builder.finish();
}

function visit(node: Node, builder: SegmentBuilder): void {
  if (node.nodeType === TEXT_NODE) {
    builder.appendText(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || element.getAttribute('role') === 'navigation' || isHidden(element)) return;
  if (tag === 'BR') {
    builder.break();
    return;
  }
  if (tag === 'A') builder.addLink(element.textContent ?? '', element.getAttribute('href') ?? '');
  const breaksLine = LINE_BREAKING_TAGS.has(tag);
  if (breaksLine) builder.break();
  for (const child of Array.from(element.childNodes)) visit(child, builder);
  if (breaksLine) builder.break();
  // Table cells sit side by side: keep their words apart without breaking the row.
  if (tag === 'TD' || tag === 'TH') builder.appendText(' ');
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  // The computed style also sees what style sheets hide (closed menus, dismissed banners). Its
  // ancestors were checked on the way down, so the element's own `display` is enough.
  const view = element.ownerDocument.defaultView;
  return view ? view.getComputedStyle(element).display === 'none' : false;
}
