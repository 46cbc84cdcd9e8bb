import type { Article } from '@/lib/article/article';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { truncatedSummaryNote } from '@/lib/ui/article-notes';
import { CitedSummaryPoint } from '@/components/summary/cited-summary-point';
import { Skeleton } from '@/components/shared/skeleton';
import type { PageHighlight } from '@/components/panel/use-page-highlight';
import '@/components/summary/summary-view.css';

interface SummaryViewProps {
  summary: PartialAnalysis['summary'];
  /** True while points may still grow: the last one gets a caret. */
  streaming: boolean;
  /** With the article, each point shows the paragraphs it cites and can show their original text. */
  article?: Article;
  /** The page highlight a hovered or focused point previews its paragraphs with. */
  highlight?: PageHighlight;
}

/** The summary points, rendered as they stream in. */
export function SummaryView({ summary, streaming, article, highlight }: SummaryViewProps) {
  const points = (summary ?? []).filter((point) => point.text);
  if (points.length === 0) {
    return streaming ? <Skeleton /> : null;
  }
  const caveat = article ? truncatedSummaryNote(article) : null;
  return (
    <>
      {caveat && <p class="summary-caveat">{caveat}</p>}
      <ul class="summary-list">
        {points.map((point, index) => {
          const caret = streaming && index === points.length - 1;
          return article ? (
            <CitedSummaryPoint
              key={index}
              index={index}
              point={point}
              article={article}
              highlight={highlight}
              // The ids of the last point may still be streaming: judge them once they are complete.
              settled={!caret}
              class={caret ? 'streaming-caret' : undefined}
            />
          ) : (
            <li key={index} class={caret ? 'streaming-caret' : undefined}>
              {point.text}
            </li>
          );
        })}
      </ul>
    </>
  );
}
