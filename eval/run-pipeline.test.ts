import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelLimits } from '@/lib/budget/model-limits';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';
import { type EvalCase, loadFixtures } from '@/eval/load-fixtures';
import { LlmError } from '@/lib/llm/llm-error';
import { runPipeline } from '@/eval/run-pipeline';

let server: OpenAITestServer;
let cases: Map<string, EvalCase>;

beforeAll(async () => {
  server = await startOpenAITestServer();
  cases = new Map(
    loadFixtures(undefined, ['seed-de', 'ja-taifu', 'en-chip-exports']).map((entry) => [entry.rubric.id, entry]),
  );
});

afterAll(() => server.close());

/** The chat requests the pipeline sent since `from`, by purpose. */
function purposesSince(from: number): string[] {
  return server.requests
    .slice(from)
    .filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'))
    .map((request) => requestPurpose(request.body))
    .sort();
}

function run(id: string, limits = modelLimits('gpt-4o-mini', 'https://api.openai.com/v1')) {
  const evalCase = cases.get(id);
  if (!evalCase) throw new Error(`no case ${id}`);
  return runPipeline({
    baseUrl: server.url,
    apiKey: 'sk-test',
    model: 'gpt-4o-mini',
    article: evalCase.article,
    limits,
    parallelRequests: 4,
  });
}

describe("runPipeline, the extension's job parts as its plan says", () => {
  it('sends the analysis and the translation as two requests when the plan says so', async () => {
    const from = server.requests.length;
    // A server on this machine gets the small default limits (4,096 tokens): both answers do not fit one.
    const outcome = await run('seed-de', modelLimits('gpt-4o-mini', server.url));
    expect(outcome.combined).toBe(false);
    expect(purposesSince(from)).toEqual(['analysis', 'translation']);
    expect(outcome.analysis.notes).toHaveLength(14);
    expect(outcome.translation).toBe(seedFixtures().translation);
    expect(outcome.usage?.promptTokens).toBeGreaterThan(0);
  });

  it('asks one request for both when the plan combines them, and translates nothing in English', async () => {
    const from = server.requests.length;
    // gpt-4o-mini's own limits: a short article is sent once.
    const combined = await run('ja-taifu');
    expect(combined.combined).toBe(true);
    expect(combined.translation).toMatch(/^\[p1\] /);
    const english = await run('en-chip-exports');
    expect(english.translation).toBeNull();
    expect(purposesSince(from)).toEqual(['analysis', 'combined']);
  });

  it('analyses an article too long for the window in parts and translates it in parts', async () => {
    const from = server.requests.length;
    const outcome = await run('seed-de', { contextTokens: 1_400, maxOutputTokens: 700 });
    const purposes = purposesSince(from);
    expect(purposes.filter((purpose) => purpose === 'analysis').length).toBeGreaterThan(2);
    expect(purposes.filter((purpose) => purpose === 'translation').length).toBeGreaterThan(1);
    // Every note of the parts comes back, each in the paragraph that holds its quote.
    expect(outcome.analysis.notes).toHaveLength(14);
    expect(outcome.translation).toContain('[p7] ');
  });

  it("fails with the part's own error when a part fails, as the panel would show it", async () => {
    // The translation streams as usual; the analysis answer is no JSON.
    server.setResponder((request) =>
      requestPurpose(request.body) === 'analysis' ? { kind: 'stream', content: 'I would rather not.' } : undefined,
    );
    try {
      const failed = run('seed-de', modelLimits('gpt-4o-mini', server.url));
      await expect(failed).rejects.toBeInstanceOf(LlmError);
      await expect(failed).rejects.toMatchObject({ appError: { code: 'answer-not-understood' } });
    } finally {
      server.setResponder(null);
    }
  });
});
