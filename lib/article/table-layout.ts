import { isProbablyReaderable } from '@mozilla/readability';
import { narrowToLooseTextCell } from '@/lib/article/loose-text';
import { paragraphDensity, readerableThresholds } from '@/lib/article/readability-article';

/**
 * The article of a table-layout page, for a page that marks no article container: when
 * Readability's own test finds no article (no `p`s, no `div`s with `<br>`s) but a table cell
 * holds one as loose text between `<br>`s, the copy is narrowed to that cell
 * (lib/article/loose-text.ts) and the cell's content is the container. Null, and the copy left
 * alone, otherwise. Only for a copy: it moves the copy's nodes.
 */
export function tableLayoutContainer(copy: Document): { body: Element; region: Element } | null {
  const { minContentLength, minScore } = readerableThresholds(paragraphDensity(copy));
  if (isProbablyReaderable(copy, { minContentLength, minScore })) return null;
  const cell = narrowToLooseTextCell(copy, minContentLength, minScore);
  return cell ? { body: cell, region: cell } : null;
}
