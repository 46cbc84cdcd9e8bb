import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES_DIRECTORY, readSavedPage } from '@/tests/support/saved-page';

describe('readSavedPage', () => {
  it('reads a saved page as it was saved', () => {
    expect(readSavedPage('seed-de')).toBe(readFileSync(path.join(PAGES_DIRECTORY, 'seed-de', 'source.html'), 'utf8'));
  });

  it('makes spa-de from seed-de: the same page with the router script just before </body>', () => {
    const seed = readSavedPage('seed-de');
    const spa = readSavedPage('spa-de');
    const router = readFileSync(path.join(PAGES_DIRECTORY, 'spa-de', 'router.html'), 'utf8');
    expect(router).toContain('history.pushState');
    expect(spa).toBe(seed.replace('</body>', `${router}</body>`));
    expect(spa.endsWith('</body>\n</html>\n')).toBe(true);
  });

  it('throws for a slug with no page', () => {
    expect(() => readSavedPage('no-such-page')).toThrow(/ENOENT/);
  });
});
