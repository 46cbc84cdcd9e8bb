import { listPageFrames } from '@/lib/article/page-frames';
import { findPassageRanges } from '@/lib/highlight/find-passage-ranges';

/** The name of the page's highlight; the stylesheet the background inserts styles `::highlight(sourcelens-passage)`. */
export const HIGHLIGHT_NAME = 'sourcelens-passage';

/**
 * The highlight's look, the same on every page: a marker yellow with dark text, readable on light
 * and dark pages alike. Only `::highlight()` rules: nothing else of the page is restyled.
 */
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffe066; color: #1a1a1a; text-decoration: underline 2px #e0a800; }`;

/** What the injected script answers for each passage it was asked to show. */
export type PassageResult = { found: true } | { found: false };

declare global {
  /**
   * Removes the highlight from every document it was set in (the page, same-origin frames) and
   * their Escape listeners; set while a highlight is shown, in the script's world of the top frame.
   */
  var __sourcelensHighlightCleanup: (() => void) | undefined;
}

/**
 * The page and the frames whose documents it may read: where the extraction may have found the
 * article (lib/article/extract-page.ts), so where its passages are. Cross-origin frames have none.
 */
function readableDocuments(document: Document): Document[] {
  return [document, ...listPageFrames(document).flatMap((frame) => (frame.document ? [frame.document] : []))];
}

/**
 * Each document has its own highlight registry, in its own window: a frame's ranges are painted
 * only when registered in the frame's `CSS.highlights`, with the frame's `Highlight`.
 */
function setHighlight(document: Document, ranges: Range[]): void {
  // The script's own document through its own globals, as before frames were searched: in
  // Firefox a content script's globals are not the page window's (Xray vision), so the page's
  // window is reached for a frame only.
  const view = document === globalThis.document ? globalThis : document.defaultView;
  const registry = view?.CSS?.highlights;
  if (!view || !registry) return;
  if (ranges.length === 0) registry.delete(HIGHLIGHT_NAME);
  else registry.set(HIGHLIGHT_NAME, new view.Highlight(...ranges));
}

/**
 * A document's style sheets do not reach into shadow trees, so a passage inside one is painted
 * only when the highlight's rule is adopted by that shadow root too; the returned function takes
 * it out again. A constructed sheet in `adoptedStyleSheets` adds no element to the page.
 */
function styleShadowRoots(ranges: Range[]): () => void {
  const undo: Array<() => void> = [];
  const seen = new Set<Node>();
  for (const range of ranges) {
    const root = range.startContainer.getRootNode();
    if (seen.has(root) || !('host' in root) || !('adoptedStyleSheets' in root)) continue;
    seen.add(root);
    const shadowRoot = root as ShadowRoot;
    const view = shadowRoot.host.ownerDocument.defaultView;
    if (!view?.CSSStyleSheet) continue;
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, sheet];
      undo.push(() => {
        shadowRoot.adoptedStyleSheets = shadowRoot.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
      });
    } catch {
      // A DOM without constructable style sheets: the passage is still found and scrolled to.
    }
  }
  return () => {
    for (const step of undo) step();
  };
}

function scrollToRange(range: Range): void {
  const window = range.startContainer.ownerDocument?.defaultView;
  if (!window) return;
  // A passage in a frame: the frame first comes into view in the page around it.
  window.frameElement?.scrollIntoView({ block: 'nearest' });
  const rect = range.getBoundingClientRect();
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  // The page scrolls, not the element: a long paragraph centred as a whole could leave the passage off screen.
  window.scrollBy({
    top: rect.top + rect.height / 2 - window.innerHeight / 2,
    behavior: reduceMotion ? 'auto' : 'smooth',
  });
}

/**
 * Highlights the passages found in the page, or in a same-origin frame of it, with the CSS Custom
 * Highlight API (no change to the page's DOM), scrolls the first into view, and lets Escape in the
 * page or that frame clear it once. `onEscape` is told when the reader clears it that way, so the
 * panel can follow.
 */
export function highlightInPage(
  document: Document,
  passages: readonly string[],
  onEscape: () => void,
): PassageResult[] {
  globalThis.__sourcelensHighlightCleanup?.();
  const documents = readableDocuments(document);
  const ranges = findPassageRanges(documents, passages);
  const found = ranges.filter((range): range is Range => range !== null);
  const shownIn = documents.filter((candidate) =>
    found.some((range) => range.startContainer.ownerDocument === candidate),
  );
  for (const candidate of documents) {
    setHighlight(
      candidate,
      found.filter((range) => range.startContainer.ownerDocument === candidate),
    );
  }
  const unstyleShadowRoots = styleShadowRoots(found);
  if (found.length > 0) {
    const [first] = found;
    if (first) scrollToRange(first);
    const onKeydown = (event: KeyboardEvent) => {
      // Only the reader's own key press: the page's script can dispatch an Escape of its own
      // (isTrusted false) to clear the highlight under the reader's eyes.
      if (event.key !== 'Escape' || !event.isTrusted) return;
      cleanup();
      onEscape();
    };
    const cleanup = () => {
      for (const shown of shownIn) {
        shown.removeEventListener('keydown', onKeydown, true);
        setHighlight(shown, []);
      }
      unstyleShadowRoots();
      globalThis.__sourcelensHighlightCleanup = undefined;
    };
    for (const shown of shownIn) shown.addEventListener('keydown', onKeydown, true);
    globalThis.__sourcelensHighlightCleanup = cleanup;
  }
  return ranges.map((range) => (range ? { found: true } : { found: false }));
}

/**
 * Runs in the page, as `scripting.executeScript({ target, func: clearPageHighlight })`: removes the
 * highlight (in frames too, through the cleanup the highlight left) and the Escape listeners.
 * Self-contained, since `func` is serialised.
 */
export function clearPageHighlight(): void {
  globalThis.CSS?.highlights?.delete('sourcelens-passage');
  globalThis.__sourcelensHighlightCleanup?.();
}
