import { isHiddenElement, isInvisibleText } from '@/lib/article/element-visibility';
import { hidingSelectors, matcherFor } from '@/lib/article/hiding-rules';

/** A copy of the page as the reader sees it, and where each copied element came from. */
export interface VisibleCopy {
  document: Document;
  /** The live element each copied element was made from, for questions only the live page can answer (style). */
  liveElementOf(copy: Element): Element | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_TYPE_NODE = 10;

/** Never shown as text; JSON-LD scripts are kept, for Readability's and our own metadata. */
const DROPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED']);

/**
 * Copies the page for Readability and the article walkers: only what the reader can see (styles
 * taken from the live page, see `isHiddenElement` and `isInvisibleText`), with open shadow roots
 * (web components, declarative shadow DOM) flattened into the light tree as the browser renders
 * them, slots filled with what is assigned to them. Closed shadow roots cannot be read by design.
 *
 * The copy lives in a document without a browsing context (`Document.cloneNode` keeps the URL and
 * so the base for relative links), and elements are imported into it rather than cloned in the
 * page: no custom-element constructor of the page runs, and the page is not changed.
 */
export function copyVisiblePage(document: Document): VisibleCopy {
  const copy = document.cloneNode(false) as Document;
  const liveOf = new Map<Element, Element>();
  const view = document.defaultView;
  const selectors = hidingSelectors(Array.from(document.styleSheets));
  const styles = new Map<Element, CSSStyleDeclaration | null>();
  const context: CopyContext = {
    copy,
    liveOf,
    style: (element) => {
      let style = styles.get(element);
      if (style === undefined) {
        style = view ? view.getComputedStyle(element) : null;
        styles.set(element, style);
      }
      return style;
    },
    mayBeStyledHidden: selectors === null ? () => true : matcherFor(selectors, document),
    hasLayout: hasLayout(document),
    textHidden: new Map(),
  };
  for (const child of Array.from(document.childNodes)) {
    if (child.nodeType === DOCUMENT_TYPE_NODE) {
      copy.appendChild(copy.importNode(child, false));
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const root = copyRoot(child as Element, context);
    copy.appendChild(root);
  }
  return {
    document: copy,
    liveElementOf: (element) => liveOf.get(element) ?? null,
  };
}

interface CopyContext {
  copy: Document;
  liveOf: Map<Element, Element>;
  style(element: Element): CSSStyleDeclaration | null;
  /** A style rule that could hide text may apply (every element, when a sheet cannot be read). */
  mayBeStyledHidden(element: Element): boolean;
  hasLayout: boolean;
  textHidden: Map<Element, boolean>;
}

/**
 * Whether the element's computed style must be asked: a rule that could hide may match it, it
 * has a `style` attribute, an ancestor's text is invisible (inherited `visibility`, `color`,
 * `font-size`: a descendant may show its text again, or stay hidden), or it sits in a shadow tree
 * with styles of its own.
 */
interface StyleScope {
  inherited: boolean;
  shadowStyled: boolean;
}

/** `<html>`: its `<head>` is copied whole (never rendered, but it holds the metadata), its body by visibility. */
function copyRoot(html: Element, context: CopyContext): Element {
  const root = context.copy.importNode(html, false);
  context.liveOf.set(root, html);
  for (const child of Array.from(html.childNodes)) {
    if (child.nodeType === ELEMENT_NODE && (child as Element).tagName.toUpperCase() === 'HEAD') {
      root.appendChild(context.copy.importNode(child, true));
      continue;
    }
    const copied = copyNode(child, context, { inherited: false, shadowStyled: false });
    if (copied) root.appendChild(copied);
  }
  return root;
}

function copyNode(node: Node, context: CopyContext, scope: StyleScope): Node | null {
  if (node.nodeType === TEXT_NODE) {
    const parent = node.parentElement ?? hostOf(node);
    if (parent && scope.inherited && textIsHidden(parent, context)) return null;
    return context.copy.importNode(node, false);
  }
  if (node.nodeType !== ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (DROPPED_TAGS.has(tag)) {
    return tag === 'SCRIPT' && isJsonLd(element) ? context.copy.importNode(element, true) : null;
  }
  if (tag === 'SLOT') return copyChildrenInto(context.copy.createDocumentFragment(), slotted(element), context, scope);
  // The browser's own style sheet hides these: a closed dialog, a closed details element's body.
  if (tag === 'DIALOG' && !element.hasAttribute('open')) return null;
  const askStyle =
    scope.inherited || scope.shadowStyled || element.hasAttribute('style') || context.mayBeStyledHidden(element);
  const style = askStyle ? context.style(element) : null;
  if (isHiddenElement(element, style, context.hasLayout && askStyle)) return null;
  const copied = context.copy.importNode(element, false);
  context.liveOf.set(copied, element);
  const shadowRoot = element.shadowRoot;
  const childScope: StyleScope = {
    // Only an inherited property that hides text (`visibility`, `color`, `font-size`) makes the
    // descendants' styles worth asking: asking every element below a `body` that some rule
    // touches (`overflow-x: hidden` is common) cost a fifth of the extraction.
    inherited: scope.inherited || isInvisibleText(style),
    shadowStyled: scope.shadowStyled || (shadowRoot !== null && hasOwnStyles(shadowRoot)),
  };
  let children = Array.from(shadowRoot ? shadowRoot.childNodes : element.childNodes);
  if (tag === 'DETAILS' && !element.hasAttribute('open')) {
    children = children.filter((child) => (child as Element).tagName?.toUpperCase() === 'SUMMARY');
  }
  return copyChildrenInto(copied, children, context, childScope);
}

function copyChildrenInto<T extends Node>(target: T, children: Node[], context: CopyContext, scope: StyleScope): T {
  for (const child of children) {
    const copied = copyNode(child, context, scope);
    if (copied) target.appendChild(copied);
  }
  return target;
}

/** A shadow tree's own style sheets apply inside it only; they are not among the document's. */
function hasOwnStyles(shadowRoot: ShadowRoot): boolean {
  return (
    (shadowRoot.styleSheets?.length ?? 0) > 0 ||
    (shadowRoot.adoptedStyleSheets?.length ?? 0) > 0 ||
    shadowRoot.querySelector('style, link[rel~="stylesheet" i]') !== null
  );
}

/** What a slot renders: the nodes assigned to it, else its own fallback content. */
function slotted(slot: Element): Node[] {
  const assigned = (slot as HTMLSlotElement).assignedNodes?.({ flatten: false }) ?? [];
  return assigned.length > 0 ? assigned : Array.from(slot.childNodes);
}

/** A text node directly in a shadow root has the host's style. */
function hostOf(node: Node): Element | null {
  const root = node.parentNode;
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

function textIsHidden(parent: Element, context: CopyContext): boolean {
  let hidden = context.textHidden.get(parent);
  if (hidden === undefined) {
    hidden = isInvisibleText(context.style(parent));
    context.textHidden.set(parent, hidden);
  }
  return hidden;
}

function isJsonLd(script: Element): boolean {
  return (script.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

/** A real browser lays the page out; a test DOM reports every box as 0 × 0. */
function hasLayout(document: Document): boolean {
  const root = document.body ?? document.documentElement;
  if (!root) return false;
  const rect = root.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}
