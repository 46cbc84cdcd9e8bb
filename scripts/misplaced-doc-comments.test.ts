import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { misplacedDocComments } from '@/scripts/misplaced-doc-comments';

const problems = (source: string) => misplacedDocComments(source).map(({ line, problem }) => [line, problem]);

describe('misplacedDocComments', () => {
  it('finds a function’s comment left above a constant, with the function’s own comment below it', () => {
    const source = [
      "import { i18n } from '#i18n';",
      '',
      '/** Renders the block. */',
      '/** The block’s heading. */',
      "export const TITLE = i18n.t('title');",
    ].join('\n');
    expect(problems(source)).toEqual([[3, 'stacked']]);
  });

  it('finds a comment parted from its symbol by a blank line or a line comment', () => {
    const source = [
      'import { z } from "zod";',
      '',
      '/**',
      ' * What the rubric holds.',
      ' */',
      '',
      'export const RubricSchema = z.object({});',
      '/** How each kind is named. */',
      '// Getters, so each read is in the language of the moment.',
      'export const LABELS = {};',
    ].join('\n');
    expect(problems(source)).toEqual([
      [3, 'detached'],
      [8, 'line-comment-between'],
    ]);
  });

  it('finds a comment above an import, a statement or the end of a block', () => {
    const source = [
      "import { a } from './a';",
      '/** Moved. */',
      "import { b } from './b';",
      'export function run() {',
      '  /** Counts the calls. */',
      '  return a + b;',
      '  /** Left behind. */',
      '}',
    ].join('\n');
    expect(problems(source)).toEqual([
      [2, 'no-declaration'],
      [5, 'no-declaration'],
      [7, 'no-declaration'],
    ]);
  });

  it('finds an @param the declaration below does not take', () => {
    const source = [
      '/** @param text the passage */',
      'export function count(words: string): number {',
      '  return words.length;',
      '}',
    ].join('\n');
    expect(problems(source)).toEqual([[1, 'unknown-param']]);
  });

  it('accepts comments on their symbols, members, and the file’s overview before or after a blank line', () => {
    const source = [
      '/**',
      ' * What the file is for.',
      ' */',
      '',
      "import { z } from 'zod';",
      '',
      '/** A part of a long article. */',
      'export interface PlannedPart {',
      '  /** Its estimated tokens. */',
      '  tokens: number;',
      '}',
      '',
      '/**',
      ' * Splits an article.',
      ' * @param paragraphs in article order',
      ' */',
      'export function planParts(',
      '  paragraphs: string[],',
      '): PlannedPart[] {',
      '  return [];',
      '} /** Trailing, on the same line as the code it follows. */ export const LIMIT = 1;',
    ].join('\n');
    expect(problems(source)).toEqual([]);
    expect(problems("/** Re-exported for old imports. */\nexport { a } from './a';")).toEqual([]);
  });
});

/** The project's TypeScript files under `directory`, as paths from the repository root. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the project’s doc comments', () => {
  it('each sit on the symbol they describe', () => {
    const files = ['lib', 'components', 'entrypoints', 'tests', 'scripts', 'eval', 'bench'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(300);
    const found = files.flatMap((file) =>
      misplacedDocComments(readFileSync(file, 'utf8')).map(
        ({ line, problem, excerpt }) => `${file}:${line} ${problem}: ${excerpt}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
