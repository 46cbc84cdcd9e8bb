import { findPassageRanges } from './find-passage-ranges';

/** The name of the page's highlight; the stylesheet the background inserts styles `::highlight(sourcelens-passage)`. */
export const HIGHLIGHT_NAME = 'sourcelens-passage';

/** What the injected script answers for each passage it was asked to show. */
export type PassageResult = { found: true } | { found: false };

declare global {
  /** Removes the page's Escape listener; set while a highlight is shown, in the script's world. */
  var __sourcelensHighlightCleanup: (() => void) | undefined;
}

function scrollToRange(range: Range): void {
  const window = range.startContainer.ownerDocument?.defaultView;
  if (!window) return;
  const rect = range.getBoundingClientRect();
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  // The page scrolls, not the element: a long paragraph centred as a whole could leave the passage off screen.
  window.scrollBy({
    top: rect.top + rect.height / 2 - window.innerHeight / 2,
    behavior: reduceMotion ? 'auto' : 'smooth',
  });
}

/**
 * Highlights the passages found in the page with the CSS Custom Highlight API (no change to the
 * page's DOM), scrolls the first into view, and lets Escape in the page clear it once.
 * `onEscape` is told when the reader clears it that way, so the panel can follow.
 */
export function highlightInPage(
  document: Document,
  passages: readonly string[],
  onEscape: () => void,
): PassageResult[] {
  const ranges = findPassageRanges(document, passages);
  const found = ranges.filter((range): range is Range => range !== null);
  globalThis.__sourcelensHighlightCleanup?.();
  if (found.length === 0) {
    CSS.highlights.delete(HIGHLIGHT_NAME);
  } else {
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...found));
    const [first] = found;
    if (first) scrollToRange(first);
    const onKeydown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      CSS.highlights.delete(HIGHLIGHT_NAME);
      cleanup();
      onEscape();
    };
    const cleanup = () => {
      document.removeEventListener('keydown', onKeydown, true);
      globalThis.__sourcelensHighlightCleanup = undefined;
    };
    document.addEventListener('keydown', onKeydown, true);
    globalThis.__sourcelensHighlightCleanup = cleanup;
  }
  return ranges.map((range) => (range ? { found: true } : { found: false }));
}

/**
 * Runs in the page, as `scripting.executeScript({ target, func: clearPageHighlight })`: removes the
 * highlight and the Escape listener. Self-contained, since `func` is serialised.
 */
export function clearPageHighlight(): void {
  globalThis.CSS?.highlights?.delete('sourcelens-passage');
  globalThis.__sourcelensHighlightCleanup?.();
}
