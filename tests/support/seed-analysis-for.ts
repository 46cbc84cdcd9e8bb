import { AnalysisSchema } from '@/lib/attribution/analysis';
import { SUMMARY_REDUCE_MARKER } from '@/lib/llm/summary-reduce-prompt';
import { messagesText, requestParagraphs } from '@/tests/support/request-paragraphs';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';

/**
 * The analysis a careful model would give for this request. The whole seed article (or a test's
 * stand-in for it) gets the whole fixture, as it is. A part of a long article (analysed in parts) gets
 * the fixture's notes whose quote is a sentence of one of the part's paragraphs, with that
 * paragraph's id, and the summary points resting on them; the reduce step gets the fixture's summary.
 */
export function seedAnalysisFor(body: unknown): string {
  const fixture = seedFixtures().analysis;
  if (typeof body !== 'object' || body === null) return fixture;
  const seed = AnalysisSchema.parse(JSON.parse(fixture));
  if (messagesText(body).includes(SUMMARY_REDUCE_MARKER)) {
    return JSON.stringify({ summary: seed.summary, notes: [], outsideKnowledge: [] });
  }
  const paragraphs = requestParagraphs(body);
  const seedTexts = new Map(seedArticle().paragraphs.map((paragraph) => [paragraph.id, paragraph.text]));
  const isSeed =
    paragraphs.length === 0 ||
    (paragraphs.length === seedTexts.size &&
      paragraphs.every((paragraph) => seedTexts.get(paragraph.id) === paragraph.text)) ||
    !paragraphs.some((paragraph) => [...seedTexts.values()].includes(paragraph.text));
  if (isSeed) return fixture;
  /** The request's paragraph that repeats a seed paragraph, for each seed id. */
  const idInPart = (seedId: string | null) =>
    paragraphs.find((paragraph) => seedId !== null && paragraph.text === seedTexts.get(seedId))?.id ?? null;
  const notes = seed.notes.flatMap((note) => {
    const paragraphId = idInPart(note.paragraphId);
    return paragraphId ? [{ ...note, paragraphId }] : [];
  });
  const summary = seed.summary.flatMap((point) => {
    const paragraphIds = point.paragraphIds.flatMap((id) => idInPart(id) ?? []);
    return paragraphIds.length > 0 ? [{ ...point, paragraphIds }] : [];
  });
  return JSON.stringify({ summary, notes, outsideKnowledge: seed.outsideKnowledge });
}
