/**
 * Finds file names in comments and docs that name no file of the project: the kind left behind
 * when a file is renamed or moved. Only source kinds are checked (.ts, .tsx, .css, .yml): the
 * names of build outputs (`extract.js`, `sidepanel.html`) and of files a test writes are not in
 * the source tree, and would cry wolf.
 */

/** Files a person creates for themselves, which a comment may name though the project has none. */
const USER_FILES = new Set(['web-ext.config.ts']);

const FILE_NAME = /(?<![\w@.:/-])((?:[\w.-]+\/)*[\w-]+(?:\.[\w-]+)*\.(?:ts|tsx|css|yml))(?![\w/])/g;

/** A line that is comment or prose: Markdown, or a `//`, `/*` or ` * ` line of code. */
function isCommentLine(line: string, markdown: boolean): boolean {
  const text = line.trim();
  return markdown || text.startsWith('//') || text.startsWith('/*') || text.startsWith('*') || line.includes(' // ');
}

/**
 * The file names that `source` (the text of `path`, relative to the repository root) names in its
 * comments and that match no file in `files` (every file's path from the root, `/`-separated). A
 * name with a folder counts from the root, from `path`'s folder, or as the end of a path; a bare
 * name matches any file of that name. Returns `line` (1-based) and the name as written.
 */
export function staleFileNames(
  source: string,
  path: string,
  files: ReadonlySet<string>,
): { line: number; name: string }[] {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const markdown = path.endsWith('.md');
  const exists = (name: string): boolean => {
    if (USER_FILES.has(name)) return true;
    if (!name.includes('/')) return [...files].some((file) => file === name || file.endsWith(`/${name}`));
    const fromFolder = normalise(folder ? `${folder}/${name}` : name);
    return files.has(name) || files.has(fromFolder) || [...files].some((file) => file.endsWith(`/${name}`));
  };
  const found: { line: number; name: string }[] = [];
  source.split('\n').forEach((line, index) => {
    if (!isCommentLine(line, markdown)) return;
    for (const [, name] of line.matchAll(FILE_NAME)) {
      if (name && !exists(name)) found.push({ line: index + 1, name });
    }
  });
  return found;
}

/** The path with its `.` and `..` segments resolved. */
function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
