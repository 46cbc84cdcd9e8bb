import type { PartialAnalysis } from '../lib/attribution/analysis';
import { Skeleton } from './skeleton';

interface SummaryViewProps {
  summary: PartialAnalysis['summary'];
  /** True while points may still grow: the last one gets a caret. */
  streaming: boolean;
}

/** The summary points, rendered as they stream in. */
export function SummaryView({ summary, streaming }: SummaryViewProps) {
  const points = (summary ?? []).filter((point) => point.text);
  if (points.length === 0) {
    return streaming ? <Skeleton /> : null;
  }
  return (
    <ul class="summary-list">
      {points.map((point, index) => (
        <li key={index} class={streaming && index === points.length - 1 ? 'streaming-caret' : undefined}>
          {point.text}
        </li>
      ))}
    </ul>
  );
}
