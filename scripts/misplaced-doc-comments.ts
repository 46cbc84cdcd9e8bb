/**
 * Finds doc comments (`/** … *\/`) that cannot be on the symbol they describe: the kind left behind
 * when code moves or a declaration is added above another's comment. Reads the text line by line,
 * without a parser (TypeScript 7's package has no compiler API), so it checks only what text shows
 * for certain; whether a comment's words fit the symbol under it is still for a reviewer to read.
 */

export type DocCommentProblem =
  /** Another doc comment follows at once: an editor shows one of the two, the other is lost. */
  | 'stacked'
  /** A blank line parts it from the code below (a file's opening overview may have one). */
  | 'detached'
  /** A line comment sits between it and the code it describes. */
  | 'line-comment-between'
  /** What follows is no declaration: an import, a statement, the end of a block or of the file. */
  | 'no-declaration'
  /** An `@param` that the declaration below does not have. */
  | 'unknown-param';

export interface MisplacedDocComment {
  /** 1-based line of the comment's `/**`. */
  line: number;
  problem: DocCommentProblem;
  /** The comment's first words, to find it by. */
  excerpt: string;
}

const NOT_A_DECLARATION =
  /^(import\b|export\s+(\*|\{)|\}|\)|\]|return\b|if\b|else\b|for\b|while\b|await\b|throw\b|break\b|continue\b)/;
/** Lines of the declaration searched for a documented parameter's name. */
const SIGNATURE_LINES = 12;

/** The doc comments in a TypeScript or TSX source text that sit where no symbol can own them. */
export function misplacedDocComments(source: string): MisplacedDocComment[] {
  const lines = source.split('\n');
  const found: MisplacedDocComment[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (!line.trimStart().startsWith('/**')) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < lines.length && !(lines[index] ?? '').includes('*/', index === start ? line.indexOf('/**') + 3 : 0))
      index += 1;
    const end = index;
    const text = lines
      .slice(start, end + 1)
      .map((part) =>
        part
          .trim()
          .replace(/^\/\*\*|\*\/$|^\*/g, '')
          .trim(),
      )
      .join(' ')
      .trim();
    const excerpt = text.slice(0, 60);
    const report = (problem: DocCommentProblem) => found.push({ line: start + 1, problem, excerpt });

    const rest = (lines[end] ?? '').slice((lines[end] ?? '').indexOf('*/') + 2).trim();
    let next = end + 1;
    while (next < lines.length && (lines[next] ?? '').trim() === '') next += 1;
    const blankBetween = rest === '' && next > end + 1;
    const following = rest !== '' ? rest : (lines[next] ?? '').trim();
    const opensFile = lines.slice(0, start).every((before) => before.trim() === '');

    // The file's overview: first in the file, before its imports or parted by a blank line.
    const overview = opensFile && (blankBetween || /^(import\b|export\s*(\*|\{))/.test(following));
    if (overview) {
      // Describes the file, not a symbol.
    } else if (following.startsWith('/**')) report('stacked');
    else if (blankBetween) report('detached');
    else if (following.startsWith('//')) report('line-comment-between');
    else if (next >= lines.length || NOT_A_DECLARATION.test(following)) report('no-declaration');
    else {
      const signature = lines.slice(next, next + SIGNATURE_LINES).join(' ');
      for (const [, name] of text.matchAll(/@param\s+(?:\{[^}]*\}\s*)?\[?([A-Za-z_$][\w$]*)/g)) {
        if (name && !new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(signature)) report('unknown-param');
      }
    }
    index = end + 1;
  }
  return found;
}
