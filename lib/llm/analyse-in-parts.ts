import type { Article } from '@/lib/article/article';
import type { Analysis, OutsideKnowledge, PartialAnalysis } from '@/lib/attribution/analysis';
import type { PlannedPart } from '@/lib/translation/plan-parts';
import { type AnalysisOutcome, type StreamAnalysisOptions, streamAnalysis } from '@/lib/llm/analyse';
import { groundNoteInPart } from '@/lib/llm/ground-note';
import { sumUsage } from '@/lib/llm/sum-usage';
import { buildSummaryReduceMessages } from '@/lib/llm/summary-reduce-prompt';

export interface AnalysisInPartsOptions extends Omit<StreamAnalysisOptions, 'messages'> {
  /** From planParts with the analysis budget; one part (or none) means the ordinary single request. */
  parts: PlannedPart[];
  /** The most parts' summaries one reduce request may take (the plan's `reduceGroupSize`); all by default. */
  reduceGroupSize?: number;
}

/**
 * The analysis of an article longer than the model's context window. Map: each part is analysed
 * with the ordinary analysis prompt, in parallel; its notes quote that part's own sentences and
 * carry its real paragraph ids (checked again by groundNoteInPart), and they are kept as they
 * are, in article order. Reduce: one more request writes the summary of the whole from the
 * parts' summaries; when there are more parts than fit one request, groups of them are summarised
 * first, in rounds (see `reduceRequestCount`). Notes stream in as the parts produce them, the
 * summary as the last reduce does.
 */
export async function streamAnalysisInParts(options: AnalysisInPartsOptions): Promise<AnalysisOutcome> {
  const { parts, reduceGroupSize, ...whole } = options;
  if (parts.length <= 1) return streamAnalysis(whole);
  // A combined answer is only planned for an article that fits one request: the parts never translate.
  const { onTranslation: _translatedApart, ...single } = whole;

  const partArticles = parts.map((part) => articleOfPart(options.article, part));
  const partialNotes: NonNullable<PartialAnalysis['notes']>[] = parts.map(() => []);
  const notesSoFar = () => partialNotes.flat();

  const mapped = await Promise.all(
    partArticles.map((partArticle, index) =>
      streamAnalysis({
        ...single,
        article: partArticle,
        onPartial: (partial) => {
          partialNotes[index] = partial.notes ?? [];
          options.onPartial?.({ notes: notesSoFar() });
        },
      }),
    ),
  );
  const notes = mapped.flatMap((outcome, index) =>
    outcome.analysis.notes.map((note) => groundNoteInPart(note, partArticles[index]?.paragraphs ?? [])),
  );
  const outsideKnowledge = distinctByTopic(mapped.flatMap((outcome) => outcome.analysis.outsideKnowledge));
  options.onPartial?.({ notes, outsideKnowledge });

  const startMode = mapped[0]?.mode ?? options.startMode;
  const groupSize = Math.max(2, reduceGroupSize ?? Number.POSITIVE_INFINITY);
  const intermediate: AnalysisOutcome[] = [];
  let summaries = mapped.map((outcome) => outcome.analysis.summary);
  while (summaries.length > groupSize) {
    const groups: (typeof summaries)[] = [];
    for (let start = 0; start < summaries.length; start += groupSize)
      groups.push(summaries.slice(start, start + groupSize));
    summaries = await Promise.all(
      groups.map(async (group) => {
        if (group.length === 1) return group[0] ?? [];
        const outcome = await streamAnalysis({
          ...single,
          startMode,
          messages: buildSummaryReduceMessages(options.article, group, options.targetLanguage),
          onPartial: undefined,
        });
        intermediate.push(outcome);
        return outcome.analysis.summary;
      }),
    );
  }

  const reduced = await streamAnalysis({
    ...single,
    startMode,
    messages: buildSummaryReduceMessages(options.article, summaries, options.targetLanguage),
    onPartial: (partial) => options.onPartial?.({ summary: partial.summary ?? [], notes, outsideKnowledge }),
  });
  const analysis: Analysis = { summary: reduced.analysis.summary, notes, outsideKnowledge };
  const outcomes = [...mapped, ...intermediate, reduced];
  return { analysis, usage: sumUsage(outcomes.map((outcome) => outcome.usage)), mode: reduced.mode, translation: null };
}

function articleOfPart(article: Article, part: PlannedPart): Article {
  return { ...article, paragraphs: part.pieces.map((piece) => ({ id: piece.paragraphId, text: piece.text })) };
}

function distinctByTopic(items: OutsideKnowledge[]): OutsideKnowledge[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.topic.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
