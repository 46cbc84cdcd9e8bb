import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article } from '@/lib/article/article';
import { extractFromPage } from '@/lib/article/extract-page';
import { primaryLanguageTag } from '@/lib/article/language';
import { listPageFrames } from '@/lib/article/page-frames';
import { loadTestDocument } from '@/tests/support/test-document';
import { containsWords } from '@/eval/plain-words';
import { type Rubric, RubricSchema } from '@/eval/rubric';

export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');

export interface EvalCase {
  rubric: Rubric;
  /** The article as the extension's extractor reads it from the page. */
  article: Article;
  /** Each linked source's page as the same extractor reads it, in the rubric's order. */
  sourceArticles: Article[];
  /** For each linked source (in the rubric's order), the pages of its follow-ups, in their order. */
  followUpArticles: Article[][];
}

/**
 * Every fixture under `dir` (one folder each: `rubric.json` and the pages it names), read and
 * checked: the rubric against its schema, the pages through the project's extractor (the same
 * code the extension injects, on happy-dom), the article's language against the rubric's, and
 * every piece of article text the rubric quotes (hedges, unattributed claims, verdict claims) and
 * every source passage against the extracted text, so a typo in a rubric fails here, not as a
 * silently low score. Throws an Error naming the fixture and what is wrong.
 */
export function loadFixtures(dir: string = FIXTURES_DIR, only?: readonly string[]): EvalCase[] {
  const slugs = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const unknown = (only ?? []).filter((id) => !slugs.includes(id));
  if (unknown.length > 0)
    throw new Error(`No eval fixture named ${unknown.join(', ')} in ${dir} (there are: ${slugs.join(', ')}).`);
  return slugs
    .filter((slug) => !only || only.length === 0 || only.includes(slug))
    .map((slug) => loadFixture(join(dir, slug)));
}

function loadFixture(folder: string): EvalCase {
  const where = `eval fixture ${folder}`;
  const parsed = RubricSchema.safeParse(JSON.parse(readFileSync(join(folder, 'rubric.json'), 'utf8')));
  if (!parsed.success) throw new Error(`${where}: rubric.json is not valid: ${parsed.error.message}`);
  const rubric = parsed.data;
  const article = readPage(join(folder, rubric.page.file), rubric.page.url, where);
  if (primaryLanguageTag(article.language) !== rubric.language) {
    throw new Error(
      `${where}: the extractor read the article as "${article.language}", the rubric says "${rubric.language}".`,
    );
  }
  const articleText = article.paragraphs.map((paragraph) => paragraph.text).join('\n');
  const mustBeInArticle = [
    ...rubric.hedges.map((hedge) => hedge.original),
    ...rubric.unattributed.map((claim) => claim.text),
    ...rubric.linkedSources.flatMap((source) => source.verdicts.map((verdict) => verdict.articleText)),
  ];
  for (const text of mustBeInArticle) {
    if (!containsWords(articleText, text)) throw new Error(`${where}: "${text}" is not in the extracted article.`);
  }
  const sourceArticles = rubric.linkedSources.map((source) => {
    if (!article.links.some((link) => link.url === source.url)) {
      throw new Error(`${where}: the article does not link to ${source.url}.`);
    }
    return readSourcePage(folder, source, where);
  });
  const followUpArticles = rubric.linkedSources.map((source, index) =>
    source.followUps.map((followUp) => {
      const linking = sourceArticles[index];
      if (!linking?.links.some((link) => link.url === followUp.url)) {
        throw new Error(`${where}: ${source.file} does not link to ${followUp.url}.`);
      }
      const linkingText = textOf(linking);
      for (const verdict of followUp.verdicts) {
        if (!containsWords(linkingText, verdict.articleText)) {
          throw new Error(`${where}: "${verdict.articleText}" is not in ${source.file}.`);
        }
      }
      return readSourcePage(folder, followUp, where);
    }),
  );
  return { rubric, article, sourceArticles, followUpArticles };
}

/** A source's page, read, with every passage its verdicts rest on checked against the text read. */
function readSourcePage(
  folder: string,
  source: { file: string; url: string; verdicts: ReadonlyArray<{ passage: string | null }> },
  where: string,
): Article {
  const sourceArticle = readPage(join(folder, source.file), source.url, where);
  const sourceText = textOf(sourceArticle);
  for (const verdict of source.verdicts) {
    if (verdict.passage !== null && !containsWords(sourceText, verdict.passage)) {
      throw new Error(`${where}: the passage "${verdict.passage}" is not in ${source.file}.`);
    }
  }
  return sourceArticle;
}

function textOf(article: Article): string {
  return article.paragraphs.map((paragraph) => paragraph.text).join('\n');
}

function readPage(path: string, url: string, where: string): Article {
  const html = readFileSync(resolve(path), 'utf8');
  const document = loadTestDocument(html, url);
  const result = extractFromPage(document, listPageFrames(document), { source: 'article' });
  if (!result.ok) throw new Error(`${where}: the extractor read no article from ${path}: ${result.error.code}.`);
  return result.article;
}
