import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, loadFixtures } from '@/eval/load-fixtures';

let scratch: string | null = null;

afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = null;
});

/** A copy of one fixture whose rubric a test can break. */
function copyOf(slug: string, change: (rubric: Record<string, unknown>) => void): string {
  scratch = mkdtempSync(join(tmpdir(), 'sourcelens-eval-'));
  cpSync(join(FIXTURES_DIR, slug), join(scratch, slug), { recursive: true });
  const path = join(scratch, slug, 'rubric.json');
  const rubric = JSON.parse(readFileSync(path, 'utf8'));
  change(rubric);
  writeFileSync(path, JSON.stringify(rubric));
  return scratch;
}

describe('the eval fixtures', () => {
  it('are at least 10 articles in at least 6 languages, the seed among them, each read by the extractor as its rubric says', () => {
    const cases = loadFixtures();
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((entry) => entry.rubric.language)).size).toBeGreaterThanOrEqual(6);
    const seed = cases.find((entry) => entry.rubric.id === 'seed-de');
    expect(seed?.article.paragraphs[0]?.text).toMatch(/^Ein mutmaßlich bedeutsames Abkommen/);
    for (const entry of cases) {
      expect(entry.article.paragraphs.length, entry.rubric.id).toBeGreaterThanOrEqual(4);
      expect(entry.sourceArticles).toHaveLength(entry.rubric.linkedSources.length);
      expect(entry.followUpArticles.map((pages) => pages.length)).toEqual(
        entry.rubric.linkedSources.map((source) => source.followUps.length),
      );
    }
    // The seed's NYT page leads one step further, to the State Department readout it links.
    expect(seed?.followUpArticles[0]?.[0]?.title).toBe('Deputy Secretary Smith’s Remarks to the Press in Vilnius');
    // Articles with a linked source carry its page and the verdicts expected of a check.
    expect(cases.filter((entry) => entry.rubric.linkedSources.length > 0).map((entry) => entry.rubric.id)).toEqual([
      'en-chip-exports',
      'en-water-limits',
      'fr-urgences-nuit',
      'seed-de',
    ]);
  });

  it('refuses a rubric whose hedge is not words of the article', () => {
    const dir = copyOf('es-incendio-ourense', (rubric) => {
      rubric.hedges = [{ original: 'supuestamente', keep: ['allegedly'] }];
    });
    expect(() => loadFixtures(dir)).toThrow(/es-incendio-ourense: "supuestamente" is not in the extracted article/);
  });

  it('refuses a verdict passage that is not in the linked source', () => {
    const dir = copyOf('fr-urgences-nuit', (rubric) => {
      const [source] = rubric.linkedSources as Array<{ verdicts: Array<{ passage: string | null }> }>;
      const [verdict] = source?.verdicts ?? [];
      if (verdict) verdict.passage = 'Il manque douze médecins';
    });
    expect(() => loadFixtures(dir)).toThrow(/"Il manque douze médecins" is not in source-quotidien\.html/);
  });

  it('refuses a rubric that does not match its schema, and an unknown article name', () => {
    const dir = copyOf('ja-taifu', (rubric) => {
      rubric.sources = [];
    });
    expect(() => loadFixtures(dir)).toThrow(/ja-taifu: rubric\.json is not valid/);
    expect(() => loadFixtures(FIXTURES_DIR, ['xx-missing'])).toThrow(/No eval fixture named xx-missing/);
  });
});
