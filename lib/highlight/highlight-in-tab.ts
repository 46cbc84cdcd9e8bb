import { browser } from '#imports';
import { installHighlightRequest } from '@/lib/highlight/highlight-request';
import { clearPageHighlight, HIGHLIGHT_CSS } from '@/lib/highlight/page-highlight';

/** How many of the passages the page showed, and how many it no longer has. */
export interface HighlightOutcome {
  found: number;
  missing: number;
}

export { HIGHLIGHT_CSS };

/** A sane bound on what one request can ask the page to search for. */
const MAX_PASSAGES = 40;

function countFound(result: unknown, asked: number): HighlightOutcome {
  const found = Array.isArray(result)
    ? result.filter(
        (entry: unknown) => typeof entry === 'object' && entry !== null && Reflect.get(entry, 'found') === true,
      ).length
    : 0;
  return { found, missing: asked - Math.min(found, asked) };
}

/**
 * Highlights passages of the article in its tab: inserts the highlight's stylesheet, then injects
 * `/highlight.js` with the passages, as extraction does (no content script runs before the user
 * asks). A page the extension may no longer script (navigated elsewhere, closed) has none of them.
 */
export async function highlightPassagesInTab(tabId: number, passages: readonly string[]): Promise<HighlightOutcome> {
  const wanted = passages.filter((passage) => passage.trim() !== '').slice(0, MAX_PASSAGES);
  if (wanted.length === 0) return { found: 0, missing: 0 };
  try {
    const target = { tabId };
    // The style goes to every frame the extension may reach: a passage may be in a same-origin
    // frame (an article read from a frame), whose ::highlight() needs the rule in its own
    // document. Frames it may not reach (another site's) are passed over by the browser.
    const everyFrame = { tabId, allFrames: true };
    // Removed first, so repeated highlights do not pile up copies of the same stylesheet.
    await browser.scripting.removeCSS({ target: everyFrame, css: HIGHLIGHT_CSS }).catch(() => undefined);
    await browser.scripting.insertCSS({ target: everyFrame, css: HIGHLIGHT_CSS });
    await browser.scripting.executeScript({ target, func: installHighlightRequest, args: [{ passages: wanted }] });
    const [injection] = await browser.scripting.executeScript({ target, files: ['/highlight.js'] });
    return countFound(injection?.result, wanted.length);
  } catch {
    return { found: 0, missing: wanted.length };
  }
}

/** Clears the highlight in the tab; a tab that is gone or no longer scriptable has none to clear. */
export async function clearHighlightInTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, func: clearPageHighlight }).catch(() => undefined);
}
