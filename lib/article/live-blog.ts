import { boilerplateKind } from '@/lib/article/boilerplate';
import { jsonLdObjects, jsonLdTypes } from '@/lib/article/json-ld';
import { collectReadableBlocks } from '@/lib/article/readable-blocks';
import { normaliseWhitespace, type TextSegment } from '@/lib/article/segments';

/** Fewer dated entries than this is an article with a timeline, not a live blog. */
const MIN_POSTS = 3;

/**
 * The posts of a live blog, in page order, each with its time: a list of at least three sibling
 * elements inside the article that each hold a `<time>` and a paragraph (how live-blog platforms
 * and news CMSs mark up their entries; schema.org calls them `liveBlogUpdate`s). Each post's time
 * leads its first paragraph ("10:35 · …"), so the model and the reader see when it was written.
 * Null when the page is not a live blog: Readability keeps only some posts of one, and no times.
 */
export function liveBlogSegments(region: Element, live: Document): TextSegment[] | null {
  const posts = postList(region, isDeclaredLiveBlog(live) ? 2 : MIN_POSTS);
  if (!posts) return null;
  const segments: TextSegment[] = [];
  for (const post of posts) {
    const time = post.querySelector('time');
    const stamp = normaliseWhitespace(time?.textContent ?? '') || (time?.getAttribute('datetime') ?? '');
    const own = collectReadableBlocks(post).filter((segment) => {
      const text = normaliseWhitespace(segment.text);
      return text !== '' && text !== stamp && boilerplateKind(text) === null;
    });
    const [first, ...rest] = own;
    if (!first) continue;
    segments.push({ ...first, text: stamp ? `${stamp} · ${normaliseWhitespace(first.text)}` : first.text }, ...rest);
  }
  return segments.length > 0 ? segments : null;
}

function isDeclaredLiveBlog(document: Document): boolean {
  return jsonLdObjects(document).some((object) => jsonLdTypes(object).includes('LiveBlogPosting'));
}

/** The element with the most children that are posts (a `<time>` and a `<p>` each), if enough. */
function postList(region: Element, minimum: number): Element[] | null {
  let best: Element[] = [];
  for (const parent of [region, ...Array.from(region.querySelectorAll('div, section, ol, ul, main'))]) {
    // Readers' comments are dated entries too, and never the article.
    if (parent.closest('aside, footer, [class*="comment" i], [id*="comment" i]')) continue;
    const posts = Array.from(parent.children).filter(
      (child) => child.querySelector('time') !== null && child.querySelector('p') !== null,
    );
    if (posts.length > best.length) best = posts;
  }
  return best.length >= minimum ? best : null;
}
