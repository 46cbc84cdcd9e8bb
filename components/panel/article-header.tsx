import { i18n } from '#i18n';
import type { Article } from '@/lib/article/article';
import { siteDomain } from '@/lib/article/site-domain';
import { articleLang } from '@/lib/ui/article-lang';
import { languageLabel, truncationNotice } from '@/lib/ui/article-notes';
import { formatDate } from '@/lib/ui/format-date';
import { formatTime } from '@/lib/ui/format-time';
import { formatCount } from '@/lib/ui/ui-language';
import '@/components/panel/article-header.css';

interface ArticleHeaderProps {
  article: Article;
  /** Set when the result was shown from the cache: when it was made. */
  cachedAt?: number | null;
}

function sourceBadge(source: Article['source']): string | null {
  switch (source) {
    case 'article':
      return null;
    case 'selection':
      return i18n.t('panel.header.fromSelection');
    case 'page':
      return i18n.t('panel.header.wholePage');
  }
}

/**
 * What was read: outlet, title, byline, date, language (and where it came from) and length,
 * where the text came from, and whether a paywall kept part of the article off the page.
 */
export function ArticleHeader({ article, cachedAt = null }: ArticleHeaderProps) {
  const site = article.siteName ?? siteDomain(article.canonicalUrl);
  const date = formatDate(article.publishedTime);
  const language = languageLabel(article);
  const paywall = truncationNotice(article);
  const badge = sourceBadge(article.source);
  const meta = [
    article.byline,
    date && (
      <time dateTime={article.publishedTime ?? undefined} key="date">
        {date}
      </time>
    ),
    language && <span class="meta-line__language">{language}</span>,
    i18n.t('panel.header.words', article.wordCount, { count: formatCount(article.wordCount) }),
  ].filter(Boolean);

  return (
    <header class="article-header">
      {site && <p class="article-header__site">{site}</p>}
      <h1 class="article-header__title" lang={articleLang(article)}>
        {article.title || i18n.t('panel.header.untitled')}
      </h1>
      <ul class="meta-line" aria-label={i18n.t('panel.header.aboutArticle')}>
        {meta.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
      {paywall && (
        <p class="paywall-notice" role="note">
          {paywall}
        </p>
      )}
      {(badge || cachedAt !== null) && (
        <div class="badges">
          {badge && <span class="badge badge--accent">{badge}</span>}
          {cachedAt !== null && (
            <span class="badge" title={i18n.t('panel.header.fromCacheHint')}>
              {i18n.t('panel.header.fromCache', { time: formatTime(cachedAt) })}
            </span>
          )}
        </div>
      )}
    </header>
  );
}
