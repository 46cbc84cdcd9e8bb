/**
 * Every object in the page's JSON-LD blocks (`<script type="application/ld+json">`), depth first
 * through arrays, `@graph` and nested values, in document order. A broken block is common and
 * says nothing about the article: it is skipped.
 */
export function jsonLdObjects(document: Document): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''), objects, 0);
    } catch {
      // Skipped, as above.
    }
  }
  return objects;
}

/** Deep enough for `@graph` → article → `hasPart` → part; not a page's pathological nesting. */
const MAX_DEPTH = 8;

function collect(value: unknown, objects: Record<string, unknown>[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, objects, depth + 1);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  objects.push(object);
  for (const item of Object.values(object)) {
    if (typeof item === 'object' && item !== null) collect(item, objects, depth + 1);
  }
}

/** `@type` as a list of names (`"NewsArticle"` or `["NewsArticle", "LiveBlogPosting"]`). */
export function jsonLdTypes(object: Record<string, unknown>): string[] {
  const type = object['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((item): item is string => typeof item === 'string') : [];
}

/** schema.org booleans arrive as `false`, `"false"` or `"False"`. */
export function isJsonLdFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}
