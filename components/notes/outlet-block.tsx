import { i18n } from '#i18n';
import type { Article } from '@/lib/article/article';
import { siteDomain } from '@/lib/article/site-domain';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { linkedSources } from '@/lib/attribution/linked-sources';
import { formatDate } from '@/lib/ui/format-date';
import '@/components/notes/outlet-block.css';

interface OutletBlockProps {
  article: Article;
  notes: PartialAnalysis['notes'];
  /** Whether all notes are in: only then is "none linked" a finding rather than a guess. */
  complete: boolean;
}

/** Who published the page, and which of the named sources the article links to (so a reader can check them). */
export function OutletBlock({ article, notes, complete }: OutletBlockProps) {
  const domain = siteDomain(article.canonicalUrl) ?? siteDomain(article.url);
  const date = formatDate(article.publishedTime);
  const linked = linkedSources(article, notes).filter((source) => siteDomain(source.url) !== null);
  const details = [domain, article.byline, date].filter(Boolean).join(' · ');
  return (
    <div class="outlet-block">
      <p class="outlet-block__name">{article.siteName ?? domain ?? i18n.t('notes.outlet.unknown')}</p>
      {details && <p class="muted">{details}</p>}
      {linked.length > 0 ? (
        <>
          <p>{i18n.t('notes.outlet.linked')}</p>
          <ul class="outlet-block__links">
            {linked.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.url}>
                  {source.name}
                  <span class="muted">{siteDomain(source.url)}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        complete && <p class="muted">{i18n.t('notes.outlet.noneLinked')}</p>
      )}
    </div>
  );
}
