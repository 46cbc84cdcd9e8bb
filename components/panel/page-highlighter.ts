import { createContext } from 'preact';
import { onMessage, sendMessage } from '@/lib/messaging';

/** What a result view may ask of the page its article came from. Injected, so views are tested without a background. */
export interface PageHighlighter {
  /** Highlights the passages in the page and scrolls to the first; counts those the page no longer has. */
  highlight(passages: string[]): Promise<{ found: number; missing: number }>;
  clear(): Promise<void>;
  /** Calls `listener` when the reader clears the highlight in the page itself (Escape there). */
  onClearedInPage(listener: () => void): () => void;
}

/** Null where there is no page to highlight in (the popup, tests that do not provide one). */
export const PageHighlighterContext = createContext<PageHighlighter | null>(null);

const clearedListeners = new Set<(tabId: number) => void>();
let removeClearedHandler: (() => void) | null = null;

/**
 * One message handler per page, shared by every listener: the messaging library allows only one
 * per message name, and a view for the next tab may subscribe before the last one has left.
 */
function listenForClears(listener: (tabId: number) => void): () => void {
  clearedListeners.add(listener);
  removeClearedHandler ??= onMessage('highlightCleared', ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    for (const each of clearedListeners) each(tabId);
  });
  return () => {
    clearedListeners.delete(listener);
    if (clearedListeners.size > 0) return;
    removeClearedHandler?.();
    removeClearedHandler = null;
  };
}

/** The real highlighter for one tab: messages to the background, which injects the highlight script. */
export function createPageHighlighter(tabId: number): PageHighlighter {
  return {
    highlight: (passages) => sendMessage('highlightPassages', { tabId, passages }),
    clear: () => sendMessage('clearHighlight', { tabId }),
    // Every extension page hears the page's message: only this tab's concerns this view.
    onClearedInPage: (listener) => listenForClears((clearedTabId) => clearedTabId === tabId && listener()),
  };
}
