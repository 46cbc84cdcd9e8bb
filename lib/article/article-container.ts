import { normaliseWhitespace } from '@/lib/article/segments';

/**
 * The page's own article element: where the site says its article is. `[itemprop=articleBody]`
 * first (schema.org markup names the body itself), then the `<article>` with the most text, then
 * `main`. Null when the page marks none. `region` is the whole article around the body (its
 * header with the standfirst included): the `<article>` holding an `articleBody`, else the
 * container itself.
 */
export function findArticleContainer(document: Document): { body: Element; region: Element } | null {
  const body =
    largest(document.querySelectorAll('[itemprop~="articleBody"]')) ??
    largest(document.querySelectorAll('article')) ??
    largest(document.querySelectorAll('main, [role="main"]'));
  if (!body) return null;
  const region = body.tagName.toUpperCase() === 'ARTICLE' ? body : (body.closest('article') ?? body);
  return { body, region };
}

function largest(elements: NodeListOf<Element>): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const element of Array.from(elements)) {
    const length = normaliseWhitespace(element.textContent ?? '').length;
    if (length > bestLength) {
      best = element;
      bestLength = length;
    }
  }
  return best;
}
