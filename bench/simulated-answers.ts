import { SUMMARY_REDUCE_MARKER } from '@/lib/llm/summary-reduce-prompt';
import { requestParagraphs } from '@/tests/support/request-paragraphs';
import { messagesText } from '@/tests/support/seed-fixtures';

/**
 * What the simulated endpoint answers. A translation is each paragraph of the request, marked,
 * in its own words: as long as a real translation and shaped like one. An analysis is of a fixed,
 * moderate size (four summary points, up to twelve notes quoting first sentences of the request's
 * paragraphs): a real model's grows with the article only up to its output limit.
 */
export function simulatedTranslation(body: unknown): string {
  return requestParagraphs(body)
    .map((paragraph) => `[${paragraph.id}] ${paragraph.text}`)
    .join('\n\n');
}

export function simulatedAnalysis(body: unknown): string {
  if (typeof body === 'object' && body !== null && messagesText(body).includes(SUMMARY_REDUCE_MARKER)) {
    return JSON.stringify({ summary: summaryPoints(['p1']), notes: [], outsideKnowledge: [] });
  }
  const paragraphs = requestParagraphs(body);
  const step = Math.max(1, Math.floor(paragraphs.length / 12));
  const cited = paragraphs.filter((_, index) => index % step === 0).slice(0, 12);
  const notes = cited.map((paragraph) => ({
    claim: 'A deal between Washington and Minsk is reportedly close, according to the newspaper.',
    source: { name: 'The New York Times', role: null, type: 'media-outlet' },
    chain: [
      { name: 'This page', cue: null },
      { name: 'The New York Times', cue: 'laut der New York Times (NYT)' },
    ],
    kind: 'paraphrase',
    hedges: [{ original: 'offenbar', english: 'apparently' }],
    quote: paragraph.text.match(/^[^.!?]+[.!?]+["”]?/)?.[0] ?? paragraph.text,
    paragraphId: paragraph.id,
  }));
  return JSON.stringify({
    summary: summaryPoints(paragraphs.slice(0, 2).map((paragraph) => paragraph.id)),
    notes,
    outsideKnowledge: [],
  });
}

function summaryPoints(paragraphIds: string[]) {
  return [
    'A significant agreement between Washington and Minsk is apparently imminent, according to The New York Times.',
    'US Deputy Secretary of State Christopher Smith reportedly met Lukashenko in secret before the announcement.',
    'In return for released political prisoners, the US would reportedly ease sanctions on banks and potash.',
    'Lukashenko was re-elected in January 2025 with 86.82 percent, according to the election commission.',
  ].map((text) => ({ text, paragraphIds }));
}
