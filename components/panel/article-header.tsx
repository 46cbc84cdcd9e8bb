import type { Article } from '../../lib/article/article';
import { siteDomain } from '../../lib/article/site-domain';
import { articleLang } from '../../lib/ui/article-lang';
import { languageLabel, truncationNotice } from '../../lib/ui/article-notes';
import { formatDate } from '../../lib/ui/format-date';
import { formatTime } from '../../lib/ui/format-time';
import './article-header.css';

interface ArticleHeaderProps {
  article: Article;
  /** Set when the result was shown from the cache: when it was made. */
  cachedAt?: number | null;
}

const SOURCE_BADGES: Record<Article['source'], string | null> = {
  article: null,
  selection: 'From your selection',
  page: 'Whole page text',
};

/**
 * What was read: outlet, title, byline, date, language (and where it came from) and length,
 * where the text came from, and whether a paywall kept part of the article off the page.
 */
export function ArticleHeader({ article, cachedAt = null }: ArticleHeaderProps) {
  const site = article.siteName ?? siteDomain(article.canonicalUrl);
  const date = formatDate(article.publishedTime);
  const language = languageLabel(article);
  const paywall = truncationNotice(article);
  const sourceBadge = SOURCE_BADGES[article.source];
  const meta = [
    article.byline,
    date && (
      <time dateTime={article.publishedTime ?? undefined} key="date">
        {date}
      </time>
    ),
    language && <span class="meta-line__language">{language}</span>,
    `${article.wordCount.toLocaleString('en')} words`,
  ].filter(Boolean);

  return (
    <header class="article-header">
      {site && <p class="article-header__site">{site}</p>}
      <h1 class="article-header__title" lang={articleLang(article)}>
        {article.title || 'Untitled page'}
      </h1>
      <ul class="meta-line" aria-label="About the article">
        {meta.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
      {paywall && (
        <p class="paywall-notice" role="note">
          {paywall}
        </p>
      )}
      {(sourceBadge || cachedAt !== null) && (
        <div class="badges">
          {sourceBadge && <span class="badge badge--accent">{sourceBadge}</span>}
          {cachedAt !== null && (
            <span class="badge" title="Shown from the cache; Regenerate asks the model again">
              From cache · {formatTime(cachedAt)}
            </span>
          )}
        </div>
      )}
    </header>
  );
}
