import { classWords } from '@/lib/article/boilerplate';
import { isJsonLdFalse, jsonLdObjects } from '@/lib/article/json-ld';
import { normaliseWhitespace } from '@/lib/article/segments';

/** How the page shows that the article goes on behind a paywall. */
export type PaywallEvidence = 'declared' | 'subscription-box' | 'faded';

/** Class words of paywall and subscription boxes as paywall vendors and sites name them. */
const PAYWALL_CLASS_WORDS = new Set([
  'paywall',
  'regwall',
  'piano',
  'tp',
  'subscribe',
  'subscription',
  'subscriber',
  'premium',
  'plus',
  'abo',
  'abonnement',
  'meter',
  'metered',
  'locked',
  'gate',
]);
/** What such a box says, in the languages Sourcelens reads. */
const PAYWALL_PHRASES =
  /weiterlesen|jetzt abonnieren|abo abschließen|für abonnenten|continue reading|subscribe to (?:continue|read)|subscribers only|for subscribers|already a subscriber|suscr[ií]bete|para seguir leyendo|exclusivo para suscriptores|abonnez-vous|pour lire la suite|réservé aux abonnés|abbonati|riservato agli abbonati|per continuare a leggere|assine|para continuar lendo|exclusivo para assinantes|оформите подписку|чтобы продолжить чтение|только для подписчиков|lees verder|alleen voor abonnees|czytaj dalej|订阅|購読|구독|للمشتركين|למנויים/iu;
/** The box is short: a heading, an offer, a button. */
const MAX_BOX_WORDS = 120;
/** A body of at most this many words that ends in such a box is a teaser. */
const MAX_TEASER_WORDS = 900;
/** A last paragraph ending without a sentence end was cut off. */
const SENTENCE_END = /[.!?…"'»«“”„)\]。！？」』]$/u;

export interface PaywallInput {
  /** The live page: its JSON-LD, and the style of the elements asked about. */
  live: Document;
  /** The visible copy (lib/article/visible-copy.ts). */
  copy: Document;
  liveElementOf(copy: Element): Element | null;
  /** The page's article element in the copy, if any (lib/article/article-container.ts). */
  region: Element | null;
}

export interface PaywallFinding {
  evidence: PaywallEvidence;
  /** Boxes in the copy to leave out of the article (the offer, the login link). */
  boxes: Element[];
}

/**
 * Whether only part of the article is on the page, behind a paywall. The page may declare it
 * (schema.org `isAccessibleForFree: false`, with `hasPart.cssSelector` naming the locked parts:
 * https://developers.google.com/search/docs/appearance/structured-data/paywalled-content) or show
 * it: a subscription box after the last paragraph of a short body, or a faded or cut-off last
 * paragraph. A declared paywall whose locked parts are visible is a subscriber's page: whole.
 */
export function detectPaywall(input: PaywallInput): PaywallFinding | null {
  const boxes = subscriptionBoxes(input);
  const declared = declaredPaywall(input);
  if (declared === 'locked-parts-visible') return null;
  if (declared === 'locked-parts-hidden') return { evidence: 'declared', boxes };
  const region = input.region;
  if (!region) return null;
  const words = bodyWords(region, boxes);
  if (boxes.length > 0 && words <= MAX_TEASER_WORDS) {
    return { evidence: declared === 'declared' ? 'declared' : 'subscription-box', boxes };
  }
  const faded = fadedLastParagraph(input, region);
  if (faded && (declared === 'declared' || boxes.length > 0 || faded === 'faded')) return { evidence: 'faded', boxes };
  return null;
}

type Declaration = 'none' | 'declared' | 'locked-parts-hidden' | 'locked-parts-visible';

function declaredPaywall(input: PaywallInput): Declaration {
  let declared = false;
  const selectors: string[] = [];
  for (const object of jsonLdObjects(input.live)) {
    if (!isJsonLdFalse(object.isAccessibleForFree)) continue;
    declared = true;
    const selector = object.cssSelector;
    if (typeof selector === 'string') selectors.push(selector);
  }
  if (!declared) return 'none';
  if (selectors.length === 0) return 'declared';
  let visibleWords = 0;
  for (const selector of selectors) {
    try {
      for (const element of Array.from(input.copy.querySelectorAll(selector))) {
        visibleWords += normaliseWhitespace(element.textContent ?? '')
          .split(' ')
          .filter(Boolean).length;
      }
    } catch {
      // A selector the browser cannot parse names nothing.
    }
  }
  // A locked part the reader sees in full is the subscriber's article; a stub of a few words is a teaser.
  return visibleWords >= 40 ? 'locked-parts-visible' : 'locked-parts-hidden';
}

/** Boxes of the paywall: by their class words and what they say, inside or right after the article. */
function subscriptionBoxes(input: PaywallInput): Element[] {
  const scope = input.region?.parentElement ?? input.copy.body;
  if (!scope) return [];
  const boxes: Element[] = [];
  for (const element of Array.from(scope.querySelectorAll('div, section, aside, form, p'))) {
    const named = classWords(element).some((word) => PAYWALL_CLASS_WORDS.has(word));
    // Unnamed wrappers of many paragraphs are the article, not a box: their text is not even read.
    if (!named && (element.tagName.toUpperCase() === 'P' || element.getElementsByTagName('p').length > 4)) continue;
    if (boxes.some((box) => box.contains(element))) continue;
    const text = normaliseWhitespace(element.textContent ?? '');
    const words = text.split(' ').filter(Boolean).length;
    if (words === 0 || words > MAX_BOX_WORDS) continue;
    if (named && PAYWALL_PHRASES.test(text)) boxes.push(element);
    else if (!named && isOfferBox(element, text)) boxes.push(element);
  }
  return boxes.filter((box) => !input.region || !precedesArticleText(box, input.region));
}

/** An unnamed box that is the offer: a heading or button with the paywall's words and a link or button. */
function isOfferBox(element: Element, text: string): boolean {
  if (!PAYWALL_PHRASES.test(text)) return false;
  return element.querySelector('a, button') !== null && element.querySelector('h2, h3, h4, strong, b, button') !== null;
}

/** A box before the article's paragraphs is an offer beside it (a banner), not the end of a teaser. */
function precedesArticleText(box: Element, region: Element): boolean {
  const paragraphs = Array.from(region.querySelectorAll('p')).filter((paragraph) => !box.contains(paragraph));
  const last = paragraphs.at(-1);
  if (!last) return false;
  // DOCUMENT_POSITION_FOLLOWING (4): the last paragraph comes after the box.
  return (box.compareDocumentPosition(last) & 4) !== 0;
}

function bodyWords(region: Element, boxes: Element[]): number {
  let words = 0;
  for (const paragraph of Array.from(region.querySelectorAll('p'))) {
    if (boxes.some((box) => box.contains(paragraph))) continue;
    words += normaliseWhitespace(paragraph.textContent ?? '')
      .split(' ')
      .filter(Boolean).length;
  }
  return words;
}

/**
 * `faded`: the last paragraph (or its container) is masked or overlaid with a gradient, or has a
 * fade class; `cut`: it ends without a sentence end. Null when it looks whole.
 */
function fadedLastParagraph(input: PaywallInput, region: Element): 'faded' | 'cut' | null {
  const last = Array.from(region.querySelectorAll('p'))
    .filter((paragraph) => normaliseWhitespace(paragraph.textContent ?? '') !== '')
    .at(-1);
  if (!last) return null;
  for (
    let element: Element | null = last;
    element && element !== region.parentElement;
    element = element.parentElement
  ) {
    if (classWords(element).some((word) => /^(?:fade|faded|fadeout|truncated|blurred|gradient)$/u.test(word)))
      return 'faded';
    const live = input.liveElementOf(element);
    if (live && isMasked(live)) return 'faded';
  }
  return SENTENCE_END.test(normaliseWhitespace(last.textContent ?? '')) ? null : 'cut';
}

function isMasked(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  const mask = `${style.getPropertyValue('mask-image')} ${style.getPropertyValue('-webkit-mask-image')}`;
  if (mask.includes('gradient')) return true;
  const after = view.getComputedStyle(element, '::after');
  return after.getPropertyValue('background-image').includes('gradient') && after.content !== 'none';
}
