/**
 * Whether the reader can see an element or a text, judged from the live page's computed style
 * (the copy Readability reads has no style of its own). What a page hides stays out of the
 * article: a hostile page could otherwise hide a fabricated attribution that the model quotes and
 * the grounding check then finds "in the article".
 */

/** Below this (CSS px) a box shows no legible text: the "visually hidden" pattern is 1 × 1 px. */
const MAX_INVISIBLE_SIZE_PX = 1;
/** Positioned this far off the page's top or left edge, a box is meant never to be seen. */
const OFF_SCREEN_PX = -1000;

/** `getComputedStyle`'s answer, in the few properties read here. */
type Style = Pick<
  CSSStyleDeclaration,
  | 'display'
  | 'visibility'
  | 'opacity'
  | 'position'
  | 'left'
  | 'top'
  | 'width'
  | 'height'
  | 'overflow'
  | 'overflowX'
  | 'overflowY'
  | 'clip'
  | 'clipPath'
  | 'contentVisibility'
  | 'color'
  | 'fontSize'
>;

/**
 * True when the element and everything in it is invisible: `hidden`, `aria-hidden="true"` (as
 * Readability treats it), `display: none`, `content-visibility: hidden`, `opacity: 0`, a box of at
 * most 1 px that clips its content (the screen-reader-only pattern), a `clip`/`clip-path` that
 * cuts it away, or a position far off the page. Ancestors are the caller's to check first: the
 * walk prunes hidden subtrees. `hidden="until-found"` is text the reader can reveal, so it counts.
 */
export function isHiddenElement(element: Element, style: Style | null, hasLayout: boolean): boolean {
  const hidden = element.getAttribute('hidden');
  if (hidden !== null && hidden.toLowerCase() !== 'until-found') return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  if (!style) return false;
  if (style.display === 'none' || style.contentVisibility === 'hidden') return true;
  if (style.opacity !== '' && Number.parseFloat(style.opacity) === 0) return true;
  if (isClippedAway(style)) return true;
  if (isOffPage(style)) return true;
  if (hasLayout && isTinyClippingBox(element, style)) return true;
  return !hasLayout && isTinyByStyle(style);
}

/** Text in this element (its own text nodes) cannot be seen: hidden, transparent or of zero size. */
export function isInvisibleText(style: Style | null): boolean {
  if (!style) return false;
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (style.fontSize !== '' && Number.parseFloat(style.fontSize) === 0) return true;
  return isTransparent(style.color);
}

/** `transparent`, or `rgba(…, 0)` / `rgb(… / 0)` as browsers serialise a colour with no alpha. */
function isTransparent(color: string): boolean {
  const value = color.trim().toLowerCase();
  if (value === 'transparent') return true;
  const alpha = /^rgba?\((?:[^,/)]+,){3}\s*([\d.]+%?)\s*\)$|^rgba?\([^/)]+\/\s*([\d.]+%?)\s*\)$/u.exec(value);
  const raw = alpha?.[1] ?? alpha?.[2];
  return raw !== undefined && Number.parseFloat(raw) === 0;
}

function clipsOverflow(style: Style): boolean {
  return [style.overflow, style.overflowX, style.overflowY].some((value) => value === 'hidden' || value === 'clip');
}

function isClippedAway(style: Style): boolean {
  const clip = style.clip.replace(/\s+/gu, '');
  if (/^rect\(0(?:px)?[,]?0(?:px)?[,]?0(?:px)?[,]?0(?:px)?\)$/u.test(clip)) return true;
  return /^inset\((?:50|100)%\)$/u.test(style.clipPath.replace(/\s+/gu, ''));
}

function isOffPage(style: Style): boolean {
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  const left = Number.parseFloat(style.left);
  const top = Number.parseFloat(style.top);
  return (style.left.endsWith('px') && left <= OFF_SCREEN_PX) || (style.top.endsWith('px') && top <= OFF_SCREEN_PX);
}

function isTinyClippingBox(element: Element, style: Style): boolean {
  if (!clipsOverflow(style)) return false;
  const rect = element.getBoundingClientRect();
  return rect.width <= MAX_INVISIBLE_SIZE_PX || rect.height <= MAX_INVISIBLE_SIZE_PX;
}

/** Without layout (a test DOM), the declared size says as much. */
function isTinyByStyle(style: Style): boolean {
  if (!clipsOverflow(style)) return false;
  const tiny = (value: string) => value.endsWith('px') && Number.parseFloat(value) <= MAX_INVISIBLE_SIZE_PX;
  return tiny(style.width) || tiny(style.height);
}
