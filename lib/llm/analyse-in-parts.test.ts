import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { requestParagraphs } from '@/tests/support/request-paragraphs';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import type { Article } from '@/lib/article/article';
import { AnalysisSchema, type PartialAnalysis } from '@/lib/attribution/analysis';
import { planParts } from '@/lib/translation/plan-parts';
import { reduceRequestCount } from '@/lib/budget/request-plan';
import { streamAnalysisInParts } from '@/lib/llm/analyse-in-parts';
import { createClient } from '@/lib/llm/client';
import { SUMMARY_REDUCE_MARKER } from '@/lib/llm/summary-reduce-prompt';

const seed = seedArticle();
const seedAnalysis = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));
/** The seed three times over (p1–p21): too long, say, for a small local model's context. */
const longArticle: Article = {
  ...seed,
  paragraphs: [...seed.paragraphs, ...seed.paragraphs, ...seed.paragraphs].map((paragraph, index) => ({
    id: `p${index + 1}`,
    text: paragraph.text,
  })),
};
const parts = planParts(longArticle.paragraphs, {
  maxPartTokens: 10_000,
  targetParts: 3,
  countTokens: (text) => text.split(/\s+/).length,
});

let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer();
});

afterEach(async () => {
  await server.close();
});

function analyse(onPartial?: (partial: PartialAnalysis) => void, reduceGroupSize?: number) {
  return streamAnalysisInParts({
    reduceGroupSize,
    client: createClient({ baseUrl: server.url, apiKey: 'sk-test', maxRetries: 0 }),
    model: 'gpt-4o-mini',
    article: longArticle,
    targetLanguage: 'English',
    parts,
    onPartial,
  });
}

const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');
const paragraphText = (id: string | null) => longArticle.paragraphs.find((paragraph) => paragraph.id === id)?.text;

describe('streamAnalysisInParts', () => {
  it('analyses each part, then writes the summary from the parts’ summaries', async () => {
    const outcome = await analyse();
    const requests = chatRequests();
    expect(requests).toHaveLength(4);
    const reduce = requests.filter((request) => JSON.stringify(request.body).includes(SUMMARY_REDUCE_MARKER));
    expect(reduce).toHaveLength(1);
    expect(requestParagraphs(reduce[0]?.body)).toEqual([]);
    const mapped = requests.filter((request) => !reduce.includes(request));
    expect(mapped.map((request) => requestParagraphs(request.body).map((paragraph) => paragraph.id))).toEqual(
      expect.arrayContaining(parts.map((part) => part.pieces.map((piece) => piece.paragraphId))),
    );
    expect(outcome.analysis.summary).toEqual(seedAnalysis.summary);
    expect(outcome.usage?.totalTokens).toBeGreaterThan(0);
  });

  it('reduces in rounds when more parts than fit one reduce request, each request within its group size', async () => {
    expect(parts).toHaveLength(3);
    const outcome = await analyse(undefined, 2);
    const reduce = chatRequests().filter((request) => JSON.stringify(request.body).includes(SUMMARY_REDUCE_MARKER));
    // Parts 1 and 2 are summarised together, part 3 passes on as it is, then the last reduce.
    expect(reduce).toHaveLength(reduceRequestCount(3, 2));
    const partsIn = (body: unknown) => (JSON.stringify(body).match(/Part \d+:/g) ?? []).length;
    expect(reduce.map((request) => partsIn(request.body)).sort()).toEqual([2, 2]);
    expect(chatRequests()).toHaveLength(3 + 2);
    expect(outcome.analysis.summary).toEqual(seedAnalysis.summary);
  });

  it('keeps every note quoting an exact sentence of the original, in the real paragraph it names, in article order', async () => {
    const { analysis } = await analyse();
    expect(analysis.notes).toHaveLength(seedAnalysis.notes.length * 3);
    for (const note of analysis.notes) {
      const text = paragraphText(note.paragraphId);
      expect(text, `${note.paragraphId}: ${note.quote}`).toBeDefined();
      expect(text).toContain(note.quote);
    }
    const order = analysis.notes.map((note) => Number(note.paragraphId?.slice(1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Each repetition of the seed is cited in its own paragraphs, not folded into the first.
    expect(new Set(analysis.notes.map((note) => note.paragraphId)).size).toBeGreaterThan(seedAnalysis.notes.length);
  });

  it('corrects a part’s note that names the wrong paragraph to the one holding its quote', async () => {
    const quote = seed.paragraphs[2]?.text.split('. ')[0]?.concat('.') ?? '';
    server.setResponder((request) => {
      if (request.path !== '/v1/chat/completions' || JSON.stringify(request.body).includes(SUMMARY_REDUCE_MARKER)) {
        return undefined;
      }
      const note = { ...seedAnalysis.notes[0], quote, paragraphId: 'p1' };
      return { kind: 'stream', content: JSON.stringify({ summary: [], notes: [note], outsideKnowledge: [] }) };
    });
    const { analysis } = await analyse();
    expect(analysis.notes.map((note) => note.paragraphId).sort()).toEqual(['p10', 'p17', 'p3']);
  });

  it('streams the notes as the parts produce them, then the summary', async () => {
    const partials: PartialAnalysis[] = [];
    await analyse((partial) => partials.push(partial));
    const firstWithSummary = partials.findIndex((partial) => (partial.summary?.length ?? 0) > 0);
    expect(partials.findIndex((partial) => (partial.notes?.length ?? 0) > 0)).toBeLessThan(firstWithSummary);
    expect(partials[firstWithSummary]?.notes).toHaveLength(seedAnalysis.notes.length * 3);
  });
});
