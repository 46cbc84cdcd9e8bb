import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The saved pages, one folder per slug (from the project root, where tests, bench and the page server run). */
export const PAGES_DIRECTORY = path.resolve('tests/fixtures/pages');

/**
 * `<slug>/derived.json`: a page made from another saved page instead of kept as a copy of it.
 * `insertBeforeBodyEnd` names a file in the same folder whose text goes just before `</body>`.
 */
const DerivedPageSchema = z.object({
  from: z.string().regex(/^[a-z0-9-]+$/),
  insertBeforeBodyEnd: z.string(),
  why: z.string(),
});

/**
 * The HTML of the saved page `slug`: its `source.html`, or, for a derived page, the page it is
 * made from with its addition. Throws (ENOENT) when the slug has neither.
 */
export function readSavedPage(slug: string): string {
  const folder = path.join(PAGES_DIRECTORY, slug);
  const derivedFile = path.join(folder, 'derived.json');
  if (!existsSync(derivedFile)) return readFileSync(path.join(folder, 'source.html'), 'utf8');
  const derived = DerivedPageSchema.parse(JSON.parse(readFileSync(derivedFile, 'utf8')));
  const base = readSavedPage(derived.from);
  const addition = readFileSync(path.join(folder, derived.insertBeforeBodyEnd), 'utf8');
  const end = base.lastIndexOf('</body>');
  if (end < 0) throw new Error(`${derived.from} has no </body> to insert ${slug}'s addition before`);
  return `${base.slice(0, end)}${addition}${base.slice(end)}`;
}
