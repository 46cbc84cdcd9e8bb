/** A frame of the page, as the top frame's script sees it. */
export interface PageFrame {
  /** The frame's address (`about:srcdoc` for inline content), or '' when it has none. */
  url: string;
  /** The frame's document when the top frame may read it (same origin), else null. */
  document: Document | null;
  /** How much of the window the frame fills: its area over the viewport's, at most 1. */
  viewportShare: number;
}

/** Frames inside frames are followed this deep: enough for a reader embed in a wrapper page. */
const MAX_DEPTH = 3;

/**
 * Every frame of the page (`iframe` and `frame`), nested ones after their parent, in document
 * order. The extraction script is injected into the top frame only; a same-origin frame's
 * document is reachable from there (`contentDocument`), a cross-origin one is not (null: the
 * browser does not say more, by design).
 */
export function listPageFrames(document: Document, parentShare = 1, depth = 1): PageFrame[] {
  const frames: PageFrame[] = [];
  const view = document.defaultView;
  const viewportArea = Math.max(1, (view?.innerWidth ?? 0) * (view?.innerHeight ?? 0));
  for (const element of Array.from(document.querySelectorAll('iframe, frame'))) {
    const frame = element as HTMLIFrameElement;
    let frameDocument: Document | null = null;
    try {
      frameDocument = frame.contentDocument;
    } catch {
      // Some engines throw rather than return null for a cross-origin frame.
    }
    const rect = frame.getBoundingClientRect();
    const share = Math.min(1, (Math.max(0, rect.width) * Math.max(0, rect.height)) / viewportArea) * parentShare;
    frames.push({ url: frameUrl(frame, frameDocument), document: frameDocument, viewportShare: share });
    if (frameDocument && depth < MAX_DEPTH) frames.push(...listPageFrames(frameDocument, share, depth + 1));
  }
  return frames;
}

function frameUrl(frame: HTMLIFrameElement, frameDocument: Document | null): string {
  if (frame.hasAttribute('srcdoc')) return 'about:srcdoc';
  const documentUrl = frameDocument?.URL;
  if (documentUrl && documentUrl !== 'about:blank') return documentUrl;
  const src = frame.getAttribute('src')?.trim();
  if (!src) return '';
  try {
    return new URL(src, frame.ownerDocument.baseURI).href;
  } catch {
    return '';
  }
}
