import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleFileNames } from '@/scripts/stale-file-names';

const files = new Set([
  'lib/translation/plan-parts.ts',
  'lib/llm/translate-in-parts.ts',
  'lib/job/job.ts',
  'components/notes/note-card.tsx',
  'locales/en.yml',
]);

describe('staleFileNames', () => {
  it('finds a comment naming a file that was renamed or moved', () => {
    const source = [
      "import { planParts } from '@/lib/translation/plan-parts';",
      '/** From planParts (lib/translation/plan-chunks.ts); see translate-in-chunks.ts. */',
      "const text = 'plan-chunks.ts in a string is code, not a comment';",
      '// Styles in components/notes/note-card.css, words in locales/en.yml.',
    ].join('\n');
    expect(staleFileNames(source, 'lib/llm/analyse-in-parts.ts', files)).toEqual([
      { line: 2, name: 'lib/translation/plan-chunks.ts' },
      { line: 2, name: 'translate-in-chunks.ts' },
      { line: 4, name: 'components/notes/note-card.css' },
    ]);
  });

  it('resolves names from the root, from the file’s folder, as a path’s end, or bare', () => {
    const source = [
      '/**',
      ' * lib/job/job.ts, ../translation/plan-parts.ts, job/job.ts, note-card.tsx, translate-in-parts.ts,',
      ' * and a web-ext.config.ts of the user’s own.',
      ' */',
    ].join('\n');
    expect(staleFileNames(source, 'lib/llm/analyse-in-parts.ts', files)).toEqual([]);
  });

  it('reads every line of Markdown, and leaves build outputs and URLs alone', () => {
    const source =
      'Built to `extract.js` and `sidepanel.html`; see https://wxt.dev/guide/config.ts and `plan-chunks.ts`.';
    expect(staleFileNames(source, 'docs/architecture.md', files)).toEqual([{ line: 1, name: 'plan-chunks.ts' }]);
  });
});

const SKIPPED = new Set(['node_modules', '.git', '.output', '.wxt', 'artifacts']);

/** Every file of the project, as paths from the repository root. */
function projectFiles(directory = '.'): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(directory, entry.name);
    return entry.isDirectory() ? projectFiles(path) : [relative('.', path)];
  });
}

describe('the project’s comments and docs', () => {
  it('name only files that exist', () => {
    const all = projectFiles();
    const known = new Set(all);
    // The changelog names files as they were when each change was made.
    const checked = all.filter((file) => /\.(ts|tsx|css|md)$/.test(file) && file !== 'CHANGELOG.md');
    expect(checked.length).toBeGreaterThan(300);
    const stale = checked.flatMap((file) =>
      staleFileNames(readFileSync(file, 'utf8'), file, known).map(({ line, name }) => `${file}:${line} ${name}`),
    );
    expect(stale).toEqual([]);
  });
});
