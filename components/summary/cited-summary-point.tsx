import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article, Paragraph } from '@/lib/article/article';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { articleLang } from '@/lib/ui/article-lang';
import { PAGE_CHANGED_MESSAGE, type PageHighlight } from '@/components/panel/use-page-highlight';
import '@/components/summary/cited-summary-point.css';

type PartialPoint = NonNullable<PartialAnalysis['summary']>[number];

interface CitedSummaryPointProps {
  index: number;
  point: PartialPoint;
  article: Article;
  highlight: PageHighlight | undefined;
  /** False while the point's ids may still be streaming: no verdict on them yet. */
  settled: boolean;
  class: string | undefined;
}

/** A pause before a hover opens the preview, so moving the pointer across the list does not flash the page. */
const HOVER_DELAY_MS = 250;

/**
 * One summary point with the paragraphs it cites as chips. Hovering or focusing it shows those
 * paragraphs' original text under it and highlights them in the page; a point citing no paragraph
 * of the article says so.
 */
export function CitedSummaryPoint({
  index,
  point,
  article,
  highlight,
  settled,
  class: className,
}: CitedSummaryPointProps) {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ids = (point.paragraphIds ?? []).filter((id): id is string => typeof id === 'string' && id !== '');
  const cited = ids
    .map((id) => article.paragraphs.find((paragraph) => paragraph.id === id))
    .filter((paragraph): paragraph is Paragraph => paragraph !== undefined);
  const owner = `summary:${index}`;
  const popoverId = `summary-point-${index}-cited`;
  const lang = articleLang(article);

  const cancelTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancelTimer, []);

  const show = () => {
    cancelTimer();
    if (cited.length === 0) return;
    setOpen(true);
    highlight?.preview(
      owner,
      cited.map((paragraph) => paragraph.text),
    );
  };
  const hide = () => {
    cancelTimer();
    setOpen(false);
    highlight?.release(owner);
  };
  // Escape in the panel clears the page highlight (use-page-highlight); the preview closes with it.
  const previewed = highlight?.active === owner;
  const wasPreviewed = useRef(false);
  useEffect(() => {
    if (wasPreviewed.current && !previewed) setOpen(false);
    wasPreviewed.current = previewed;
  }, [previewed]);

  const interactive = cited.length > 0;
  return (
    <li
      class={['summary-point', interactive && 'summary-point--cited', open && 'summary-point--open', className]
        .filter(Boolean)
        .join(' ')}
      tabIndex={interactive ? 0 : undefined}
      aria-describedby={open ? popoverId : undefined}
      onMouseEnter={
        interactive
          ? () => {
              cancelTimer();
              timer.current = setTimeout(show, HOVER_DELAY_MS);
            }
          : undefined
      }
      onMouseLeave={interactive ? hide : undefined}
      onFocus={interactive ? show : undefined}
      onBlur={interactive ? hide : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape') hide();
      }}
    >
      {point.text}
      {(ids.length > 0 || settled) && (
        <span class="citations">
          <span class="visually-hidden"> {i18n.t('summary.cites')} </span>
          {ids.map((id) => {
            const valid = cited.some((paragraph) => paragraph.id === id);
            return (
              <span
                key={id}
                class={`citation-chip${valid ? '' : ' citation-chip--invalid'}`}
                title={valid ? i18n.t('summary.citedParagraph', { id }) : i18n.t('summary.invalidCitation', { id })}
              >
                {id}
              </span>
            );
          })}
          {settled && cited.length === 0 && <span class="citation-missing">{i18n.t('summary.noValidCitation')}</span>}
        </span>
      )}
      {open && (
        <div class="cited-popover" id={popoverId}>
          <p class="cited-popover__title">{i18n.t('summary.restsOn', cited.length)}</p>
          {cited.map((paragraph) => (
            <blockquote key={paragraph.id} class="cited-popover__paragraph" lang={lang}>
              <span class="citation-chip" aria-hidden="true">
                {paragraph.id}
              </span>{' '}
              {paragraph.text}
            </blockquote>
          ))}
          {previewed && highlight?.status === 'missing' && (
            <p class="cited-popover__status" role="status">
              {PAGE_CHANGED_MESSAGE}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
