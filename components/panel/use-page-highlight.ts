import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { PageHighlighterContext } from '@/components/panel/page-highlighter';

/** What is highlighted, and for whom: `note:3`, `summary:1`. */
interface HighlightRequest {
  owner: string;
  passages: string[];
}

/** What the panel says when the page no longer has a passage it read (the reader navigated, or it changed). */
export const PAGE_CHANGED_MESSAGE = 'The page has changed since it was read; this passage is no longer on it.';

/** How the page answered the current highlight: asked, shown, or none of its passages left on the page. */
export type HighlightStatus = 'pending' | 'shown' | 'missing';

export interface PageHighlight {
  /** The note pinned by a click (shown unless a hover preview replaces it for a moment). */
  pinned: string | null;
  /** Whose highlight is in the page now, and how the page answered. */
  active: string | null;
  status: HighlightStatus | null;
  /** Pins this owner's passages, or unpins them if they are pinned already (a second click). */
  toggle(owner: string, passages: string[]): void;
  /** A preview while a summary point is hovered or focused; `release` ends it and restores the pinned one. */
  preview(owner: string, passages: string[]): void;
  release(owner: string): void;
  clear(): void;
}

/**
 * The page highlight a result view drives: one pinned request (a note clicked) and one preview
 * (a summary point hovered), the preview winning while it lasts. Each change sends one message;
 * an answer that arrives after a newer request is ignored. Escape in the panel or in the page
 * clears both.
 *
 * `pageChanged`: the tab has moved on from the article (another page, or a single-page app's new
 * URL). Its passages are then never searched for: the new page may quote them (a teaser with the
 * old lead), and a highlight there would point at another article. Every request answers
 * "missing", which the views word as "the page has changed".
 */
export function usePageHighlight({ pageChanged = false }: { pageChanged?: boolean } = {}): PageHighlight {
  const highlighter = useContext(PageHighlighterContext);
  const [pinned, setPinned] = useState<HighlightRequest | null>(null);
  const [preview, setPreview] = useState<HighlightRequest | null>(null);
  const [answer, setAnswer] = useState<{ owner: string; status: HighlightStatus } | null>(null);
  const active = preview ?? pinned;
  const shownInPage = useRef(false);
  const activePassages = useRef<string[]>([]);
  activePassages.current = active?.passages ?? [];

  const activeOwner = active?.owner ?? null;
  useEffect(() => {
    if (!highlighter) return;
    if (activeOwner === null) {
      if (shownInPage.current) void highlighter.clear().catch(() => undefined);
      shownInPage.current = false;
      setAnswer(null);
      return;
    }
    if (pageChanged) {
      if (shownInPage.current) void highlighter.clear().catch(() => undefined);
      shownInPage.current = false;
      setAnswer({ owner: activeOwner, status: 'missing' });
      return;
    }
    let current = true;
    shownInPage.current = true;
    setAnswer({ owner: activeOwner, status: 'pending' });
    highlighter
      .highlight(activePassages.current)
      .then((outcome) => outcome.found > 0)
      .catch(() => false)
      .then((found) => {
        if (current) setAnswer({ owner: activeOwner, status: found ? 'shown' : 'missing' });
      });
    return () => {
      current = false;
    };
  }, [highlighter, activeOwner, pageChanged]);

  // The reader pressed Escape in the page: it is cleared there already.
  useEffect(() => {
    if (!highlighter) return;
    return highlighter.onClearedInPage(() => {
      shownInPage.current = false;
      setPinned(null);
      setPreview(null);
    });
  }, [highlighter]);

  const hasActive = activeOwner !== null;
  useEffect(() => {
    if (!hasActive) return;
    const onKeydown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setPinned(null);
      setPreview(null);
    };
    document.addEventListener('keydown', onKeydown);
    return () => document.removeEventListener('keydown', onKeydown);
  }, [hasActive]);

  // A highlight left behind when the view goes (the panel follows another tab) would confuse the reader.
  useEffect(
    () => () => {
      if (shownInPage.current) void highlighter?.clear().catch(() => undefined);
    },
    [highlighter],
  );

  return {
    pinned: pinned?.owner ?? null,
    active: activeOwner,
    status: answer && answer.owner === activeOwner ? answer.status : null,
    toggle: (owner, passages) => {
      setPreview(null);
      setPinned((current) => (current?.owner === owner ? null : { owner, passages }));
    },
    preview: (owner, passages) => setPreview({ owner, passages }),
    release: (owner) => setPreview((current) => (current?.owner === owner ? null : current)),
    clear: () => {
      setPinned(null);
      setPreview(null);
    },
  };
}
