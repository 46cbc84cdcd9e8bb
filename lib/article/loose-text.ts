import { INLINE_TAGS } from '@/lib/article/inline-tags';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Old news templates lay the page out in a table and write the article as loose text between
 * `<br><br>`s in a cell (or a `font`, a `center` inside it), beside cells of navigation and
 * "most read" links. Readability's own test (`isProbablyReaderable`) scores only `p`, `pre`,
 * `article` and `div`s with `<br>`s, and its parser, given the whole table, keeps the neighbouring
 * cells too.
 *
 * This scores each element with `<br>`s directly in it as Readability scores paragraphs,
 * `Σ sqrt(length − minContentLength)` over its runs of loose text between `<br>`s (text nodes
 * and inline elements; a link's text does not count: a list of links between `<br>`s is
 * navigation), and returns the best, with its score. Null when no such element has a run of
 * `minContentLength` characters. `div`s are left to Readability, which reads them well.
 */
export function bestLooseTextElement(
  document: Document,
  minContentLength: number,
): { element: Element; score: number } | null {
  const parents = new Set<Element>();
  for (const br of Array.from(document.querySelectorAll('br'))) {
    const parent = br.parentElement;
    if (parent && parent.tagName.toUpperCase() !== 'DIV') parents.add(parent);
  }
  let best: { element: Element; score: number } | null = null;
  for (const parent of parents) {
    const score = looseTextScore(parent, minContentLength);
    if (score > 0 && (!best || score > best.score)) best = { element: parent, score };
  }
  return best;
}

function looseTextScore(parent: Element, minContentLength: number): number {
  let score = 0;
  let run = '';
  const endRun = () => {
    const length = run.trim().length;
    if (length >= minContentLength) score += Math.sqrt(length - minContentLength);
    run = '';
  };
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      run += child.nodeValue ?? '';
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = (child as Element).tagName.toUpperCase();
    if (tag === 'A') continue;
    if (tag !== 'BR' && INLINE_TAGS.has(tag)) run += child.textContent ?? '';
    else endRun();
  }
  endRun();
  return score;
}

/**
 * Narrows a copy of a table-layout page (see `bestLooseTextElement`) to the cell that holds the
 * article: the cell becomes the body's only child, so that Readability reads the story and not
 * the navigation and "most read" cells beside it. Returns the cell, or null
 * (and leaves the copy alone) when the page has no such cell worth `minScore`. Only for a copy:
 * it moves the copy's nodes.
 */
export function narrowToLooseTextCell(copy: Document, minContentLength: number, minScore: number): Element | null {
  const best = bestLooseTextElement(copy, minContentLength);
  const body = copy.body;
  if (!best || best.score <= minScore || !body) return null;
  const cell = best.element.closest('td, th') ?? best.element;
  if (cell === body || !body.contains(cell)) return null;
  // The cell itself, not its content in a `div`: Readability wraps a `div`'s loose phrasing
  // content in `p`s, joining a headline and a dateline split by a single `<br>` into one line.
  body.replaceChildren(cell);
  return cell;
}
