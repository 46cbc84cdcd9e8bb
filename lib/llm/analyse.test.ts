import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type OpenAITestServer,
  type RecordedRequest,
  rateLimitError,
  startOpenAITestServer,
  unsupportedResponseFormatError,
} from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { requestPurpose, seedFixtures } from '@/tests/support/seed-fixtures';
import { AnalysisSchema, type PartialAnalysis } from '@/lib/attribution/analysis';
import { type AnalysisMode, streamAnalysis } from '@/lib/llm/analyse';
import { createClient } from '@/lib/llm/client';
import { LlmError } from '@/lib/llm/llm-error';

const article = seedArticle();
const seedAnalysis = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));
const API_KEY = 'sk-test-analysis-1234';

let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer({ apiKey: API_KEY });
});

afterEach(async () => {
  await server.close();
});

function analyse(
  options: { signal?: AbortSignal; onPartial?: (partial: PartialAnalysis) => void; startMode?: AnalysisMode } = {},
) {
  return streamAnalysis({
    client: createClient({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 }),
    model: 'gpt-4o-mini',
    article,
    targetLanguage: 'English',
    ...options,
  });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error instanceof LlmError ? error.appError : null;
}

function responseFormatType(request: RecordedRequest): string | undefined {
  const body = request.body;
  if (typeof body !== 'object' || body === null || !('response_format' in body)) return undefined;
  const format = body.response_format;
  return typeof format === 'object' && format !== null && 'type' in format && typeof format.type === 'string'
    ? format.type
    : undefined;
}

const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');

describe('streamAnalysis', () => {
  it('streams the seed answer with json_schema and parses it to the fixture, with usage', async () => {
    const outcome = await analyse();
    expect(outcome.analysis).toEqual(seedAnalysis);
    expect(outcome.mode).toBe('json_schema');
    expect(outcome.usage).toEqual({
      promptTokens: expect.any(Number),
      completionTokens: Math.ceil(seedFixtures().analysis.length / 4),
      totalTokens: expect.any(Number),
    });
    const usage = outcome.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: -1 };
    expect(usage.totalTokens).toBe(usage.promptTokens + usage.completionTokens);
  });

  it('sends the key, the model, the article, a strict schema and include_usage', async () => {
    await analyse();
    const [request] = chatRequests();
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      response_format: { type: 'json_schema', json_schema: { name: 'sourcelens_analysis', strict: true } },
    });
    const body = JSON.stringify(request?.body);
    for (const paragraph of article.paragraphs) expect(body).toContain(JSON.stringify(paragraph.text).slice(1, -1));
    // The strict schema travels in the body: every property required, no additional ones allowed.
    expect(body).toContain('"required":["claim","source","chain","kind","hedges","quote","paragraphId"]');
    expect(body).toContain('"required":["summary","notes","outsideKnowledge"]');
    expect(body).toContain('"required":["topic","text"]');
    expect(body).toContain('"additionalProperties":false');
    expect(body).not.toContain('"additionalProperties":true');
  });

  it('reports partial analyses while the answer streams, before it ends', async () => {
    server.setResponder((request) =>
      request.method === 'POST'
        ? { kind: 'stream', content: seedFixtures().analysis, chunkSize: 200, delayMs: 2 }
        : undefined,
    );
    const partials: PartialAnalysis[] = [];
    let firstPartialAt = 0;
    await analyse({
      onPartial: (partial) => {
        firstPartialAt ||= performance.now();
        partials.push(partial);
      },
    });
    // About 70 deltas, 2 ms apart: the first partial must come well before the stream ends.
    expect(performance.now() - firstPartialAt).toBeGreaterThan(60);
    expect(partials.length).toBeGreaterThan(10);
    expect(partials[0]?.notes ?? []).toHaveLength(0);
    const growth = partials.map((partial) => partial.notes?.length ?? 0);
    expect(growth).toEqual([...growth].sort((left, right) => left - right));
    expect(partials.at(-1)).toEqual(seedAnalysis);
  });

  it('falls back to json_object, then to the prompt alone, when the endpoint rejects response_format', async () => {
    server.setResponder((request) => {
      const format = responseFormatType(request);
      if (format === 'json_schema') return unsupportedResponseFormatError('json_schema');
      if (format === 'json_object') return unsupportedResponseFormatError('json_object');
      return undefined;
    });
    const outcome = await analyse();
    expect(outcome.mode).toBe('prompt');
    expect(outcome.analysis).toEqual(seedAnalysis);
    expect(chatRequests().map((request) => responseFormatType(request))).toEqual([
      'json_schema',
      'json_object',
      undefined,
    ]);
  });

  it('stops at json_object when that works, and records both requests', async () => {
    server.setResponder((request) =>
      responseFormatType(request) === 'json_schema' ? unsupportedResponseFormatError('json_schema') : undefined,
    );
    const outcome = await analyse();
    expect(outcome.mode).toBe('json_object');
    expect(chatRequests()).toHaveLength(2);
    expect(chatRequests()[1]?.body).toMatchObject({ response_format: { type: 'json_object' } });
  });

  it('starts at a lower mode when told to', async () => {
    const outcome = await analyse({ startMode: 'prompt' });
    expect(outcome.mode).toBe('prompt');
    expect(chatRequests()).toHaveLength(1);
    expect(chatRequests()[0]?.body).not.toHaveProperty('response_format');
  });

  it.each([
    ['a code fence', (json: string) => `\`\`\`json\n${json}\n\`\`\``],
    ['a reasoning block', (json: string) => `<think>\nFirst the NYT chain…\n</think>\n\n${json}`],
    ['prose around it', (json: string) => `Here is the analysis:\n${json}\nI hope this helps.`],
  ])('understands an answer wrapped in %s', async (_name, wrap) => {
    server.setResponder((request) =>
      request.method === 'POST' ? { kind: 'stream', content: wrap(seedFixtures().analysis) } : undefined,
    );
    expect((await analyse()).analysis).toEqual(seedAnalysis);
  });

  it('throws answer-not-understood for an answer that is not the analysis', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: 'I am sorry, but I can only answer questions about cooking.',
    }));
    expect(await failure(analyse())).toMatchObject({
      code: 'answer-not-understood',
      detail: expect.stringContaining('cooking'),
    });
  });

  it('throws answer-cut when the model hits its output limit', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: seedFixtures().analysis.slice(0, 3000),
      finishReason: 'length',
    }));
    const partials: PartialAnalysis[] = [];
    expect(await failure(analyse({ onPartial: (partial) => partials.push(partial) }))).toMatchObject({
      code: 'answer-cut',
    });
    expect(partials.at(-1)?.summary?.length).toBeGreaterThan(0);
  });

  it('throws model-refused with the refusal text', async () => {
    server.setResponder(() => ({ kind: 'stream', content: '', refusal: "I'm sorry, I can't help with that." }));
    expect(await failure(analyse())).toEqual({ code: 'model-refused', detail: "I'm sorry, I can't help with that." });
  });

  it('throws stream-interrupted when the connection drops mid-way', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: seedFixtures().analysis,
      chunkSize: 100,
      cutAfterChunks: 5,
    }));
    expect(await failure(analyse())).toMatchObject({ code: 'stream-interrupted' });
  });

  it('throws stream-interrupted when the stream ends cleanly but without a finish reason', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: seedFixtures().analysis,
      chunkSize: 100,
      endAfterChunks: 5,
    }));
    expect(await failure(analyse())).toEqual({
      code: 'stream-interrupted',
      detail: 'the connection closed before the answer was complete (no finish reason, no [DONE])',
    });
  });

  it('throws stream-interrupted for a malformed server-sent event', async () => {
    server.setResponder(() => ({
      kind: 'stream',
      content: seedFixtures().analysis,
      chunkSize: 100,
      malformedLineAfter: 2,
    }));
    expect(await failure(analyse())).toMatchObject({
      code: 'stream-interrupted',
      detail: expect.stringMatching(/a line that is not JSON/),
    });
  });

  it('throws cancelled when aborted mid-stream', async () => {
    server.setResponder(() => ({ kind: 'stream', content: seedFixtures().analysis, chunkSize: 50, delayMs: 20 }));
    const controller = new AbortController();
    const running = analyse({ signal: controller.signal, onPartial: () => controller.abort() });
    expect(await failure(running)).toEqual({ code: 'cancelled' });
  });

  it('throws cancelled when aborted before the answer starts', async () => {
    server.setResponder(() => ({ kind: 'hang' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect(await failure(analyse({ signal: controller.signal }))).toEqual({ code: 'cancelled' });
  });

  it('maps a 429 to rate-limited with the wait the endpoint asks for', async () => {
    server.setResponder(() => rateLimitError({ retryAfterSeconds: 12 }));
    expect(await failure(analyse())).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 12 });
    expect(chatRequests()).toHaveLength(1);
  });

  it('maps a request failure (401) without falling back', async () => {
    const outcome = streamAnalysis({
      client: createClient({ baseUrl: server.url, apiKey: 'sk-wrong-0000abcd', maxRetries: 0 }),
      model: 'gpt-4o-mini',
      article,
      targetLanguage: 'English',
    });
    expect(await failure(outcome)).toMatchObject({ code: 'auth-failed', status: 401, host: new URL(server.url).host });
    expect(chatRequests()).toHaveLength(1);
  });
});

describe('streamAnalysis with the translation in the same answer', () => {
  it('asks for both under one strict schema, streams the translation as it grows and returns it whole', async () => {
    const translations: string[] = [];
    const partials: PartialAnalysis[] = [];
    const outcome = await streamAnalysis({
      client: createClient({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 }),
      model: 'gpt-4o-mini',
      article,
      targetLanguage: 'English',
      onPartial: (partial) => partials.push(partial),
      onTranslation: (textSoFar) => translations.push(textSoFar),
    });
    const [request] = chatRequests();
    expect(requestPurpose(request?.body)).toBe('combined');
    const format = Reflect.get(Object(request?.body), 'response_format');
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'sourcelens_analysis_and_translation' } });
    expect(Object.keys(format.json_schema.schema.properties)).toEqual([
      'summary',
      'translation',
      'notes',
      'outsideKnowledge',
    ]);
    expect(outcome.translation).toBe(seedFixtures().translation);
    expect(outcome.analysis).toEqual(seedAnalysis);
    // The translation arrived in many growing pieces, each extending the one before.
    expect(translations.length).toBeGreaterThan(10);
    for (const [index, text] of translations.entries()) {
      if (index > 0) expect(text.startsWith(translations[index - 1] ?? '')).toBe(true);
    }
    expect(translations.at(-1)).toBe(seedFixtures().translation);
    // The summary was whole before the first note: the notes come last, after the translation.
    const firstWithNotes = partials.findIndex((partial) => (partial.notes?.length ?? 0) > 0);
    expect(partials[firstWithNotes - 1]?.summary).toEqual(seedAnalysis.summary);
  });

  it('returns no translation when the answer carries none', async () => {
    server.setResponder(() => ({ kind: 'stream', content: seedFixtures().analysis }));
    const outcome = await streamAnalysis({
      client: createClient({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 }),
      model: 'gpt-4o-mini',
      article,
      targetLanguage: 'English',
      onTranslation: () => undefined,
    });
    expect(outcome.translation).toBeNull();
    expect(outcome.analysis).toEqual(seedAnalysis);
  });
});
