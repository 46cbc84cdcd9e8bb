/**
 * The source's publication date beside the article's: a source published after the article that
 * cites it cannot be what the article read (it was updated, or it is another story), so the panel
 * marks it. Dates are ISO 8601 as the extractor gives them. Two date-times are compared as
 * instants; when either names only a day, the days are compared as each page writes them (its own
 * calendar day), so a source and an article of the same day are never marked.
 *
 * @returns 'newer' when the source is dated after the article, 'not-newer' when not, 'unknown'
 *   when either date is missing or does not parse.
 */
export function sourceDateRelation(
  articlePublished: string | null,
  sourcePublished: string | null,
): 'newer' | 'not-newer' | 'unknown' {
  const article = articlePublished?.trim() ?? '';
  const source = sourcePublished?.trim() ?? '';
  const articleTime = Date.parse(article);
  const sourceTime = Date.parse(source);
  if (Number.isNaN(articleTime) || Number.isNaN(sourceTime)) return 'unknown';
  if (DATE_ONLY.test(article) || DATE_ONLY.test(source)) {
    const articleDay = article.slice(0, 10);
    const sourceDay = source.slice(0, 10);
    if (!DATE_ONLY.test(articleDay) || !DATE_ONLY.test(sourceDay)) return 'unknown';
    return sourceDay > articleDay ? 'newer' : 'not-newer';
  }
  return sourceTime > articleTime ? 'newer' : 'not-newer';
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
